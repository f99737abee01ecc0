import ArgumentParser
import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUI

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Generate a large data set and measure crmtop on it; prints each figure.",
        discussion: """
            The data set is the same for the same counts. Figures are milliseconds of wall time \
            on this machine; run it on a release build (swift build -c release).
            Example: crmtop bench --dir ~/crmtop-bench
            """
    )

    @Option(help: "Keep the data set here, and use the one already here if there is one.")
    var dir: String?

    @Option(help: "Reminders to generate.") var reminders = 100_000
    @Option(help: "Open cases to generate (default 20000; 0 with --owners).") var cases: Int?
    @Option(help: "People to generate.") var people = 500
    @Option(help: "Activities to generate (default 1000000; 0 with --owners).") var activities: Int?
    @Option(help: "Give all reminders to this many people and time the bulk commands (import, export, check, list) on them.")
    var owners: Int?
    @Flag(name: .customLong("prepare-only"), help: "Write the data set into --dir, time nothing (for scripts/peers-bench).")
    var prepareOnly = false
    @Option(help: "Times to run `crmtop snapshot`.") var runs = 5
    @Option(help: "Acknowledgements, keypresses and ticks to time.") var repeats = 200

    func run() throws {
        let console = Console.current
        let cases = self.cases ?? (owners == nil ? 20_000 : 0)
        let activities = self.activities ?? (owners == nil ? 1_000_000 : 0)
        let scale = ScaleData(reminders: reminders, openCases: cases, people: people, activities: activities, owners: owners)
        let source = try prepare(scale)
        defer { if dir == nil { try? FileManager.default.removeItem(at: source) } }
        if prepareOnly {
            guard dir != nil else { throw CLIError("--prepare-only needs --dir, or the data set would be removed at once", code: 2) }
            return
        }
        if let owners {
            console.write("crmtop bench: \(reminders) reminders of \(owners) \(owners == 1 ? "owner" : "owners"), "
                + "\(cases) open cases, \(activities) activities, from \(source.path); "
                + "\(ProcessInfo.processInfo.activeProcessorCount) cores\n\n")
            console.write(try OwnerBench(scale: scale, runs: runs).run(source))
            return
        }
        // Measured on a copy, so that every run starts from the same data.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-bench-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: directory)
        // Written out before anything is timed: a fresh copy still on its way to the disk
        // would slow the first runs down.
        sync()
        defer { try? FileManager.default.removeItem(at: directory) }
        let size = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path))?[.size] as? Int ?? 0)
        } ?? 0
        console.write("crmtop bench: \(reminders) reminders, \(cases) open cases, \(people) people, \(activities) activities"
            + " (\(size / 1_000_000) MB) from \(source.path); \(ProcessInfo.processInfo.activeProcessorCount) cores\n\n")
        var report = BenchReport()

        // A first run warms the page cache, as on any machine where crmtop is in use.
        let snapshot = ["snapshot", "--data", directory.path, "--user", ScaleData.user, "--at", ScaleData.nowText]
        _ = ChildProcess.run(snapshot)
        var starts = Samples()
        for _ in 0..<runs {
            let child = ChildProcess.run(snapshot)
            guard child.status == 0 else { throw CLIError("crmtop snapshot failed with status \(child.status)") }
            starts.add(child.milliseconds)
        }
        report.add("snapshot: start, load, first frame, exit", starts, goal: 300)
        // Watched in a run of its own, so that watching does not slow the timed ones.
        report.add("  its peak resident memory (MB)", value: ChildProcess.run(snapshot, watchMemory: true).megabytes, goal: 300)

        // The data set is a directory, generated and copied as files; what is measured on it
        // goes through the store alone.
        let store: any Store = DataStore(directory: directory)
        var data = DataSet()
        report.add("load, in process", value: try Samples.time { data = try store.load() })
        var state: AppState?
        report.add("first derivation (lists, SLA clocks, board)", value: Samples.time {
            state = AppState(data: data, user: ScaleData.user, now: ScaleData.now, size: Self.screen)
        })
        report.add("first frame drawn", value: Samples.time { _ = Dashboard.render(state!) })

        report.add("keypress to frame (moving, all panes)", keys(state!, store), goal: 16)
        // The last use of the state: the runtime gets it alone, as a dashboard's does.
        report.add("tick to frame (once a second)", ticks(state.take()!, store), goal: 16)
        let (acknowledging, stored) = try acknowledgements(store)
        report.add("keypress to frame (acknowledging)", acknowledging, goal: 16)
        report.add("acknowledgement durable on disk", stored, goal: 20)
        report.add("  the same on the demo data (13 reminders)", try demoAcknowledgements(), goal: 20)

        let reader: any Store = DataStore(directory: directory)
        _ = try reader.load()
        report.add("compaction (in the background)", value: try Samples.time { try store.compact() })
        report.add("another process reading after a compaction", value: try Samples.time { _ = try reader.load() })
        report.add("this process's peak resident memory (MB)", value: Memory.peakMegabytes)
        console.write(report.text)
    }

    static let screen = Size(width: 160, height: 48)

    /// The directory, with the data set generated into it unless it holds one already.
    private func prepare(_ scale: ScaleData) throws -> URL {
        let directory = URL(fileURLWithPath: dir ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("crmtop-bench-\(UUID().uuidString)").path)
        let store = DataStore(directory: directory)
        if FileManager.default.fileExists(atPath: store.url(for: .reminders).path) { return directory }
        do {
            try store.save(scale.make())
        } catch {
            throw CLIError("could not write the data set: \(error)")
        }
        return directory
    }

    /// Up and down each pane, the focus moving on between them.
    private func keys(_ state: AppState, _ store: any Store) -> Samples {
        let moves: [TerminalEvent] = (0..<repeats).flatMap { n -> [TerminalEvent] in
            n % 50 == 49 ? [.key(.tab)] : [.key(n % 2 == 0 ? .down : .up)]
        }
        let backend = TimingBackend(size: Self.screen, script: moves)
        _ = Runtime(state: state, backend: backend, time: ManualTime(state.now), store: store).run()
        return backend.all
    }

    /// A second passing each time: every countdown changes, the lists are derived again.
    private func ticks(_ state: consuming AppState, _ store: any Store) -> Samples {
        let time = ManualTime(state.now)
        let backend = TimingBackend(size: Self.screen, script: Array(repeating: .idle, count: repeats))
        backend.beforeEvent = { time.advance(1) }
        _ = Runtime(state: state, backend: backend, time: time, store: store).run()
        return backend.all
    }

    /// Acknowledging the top reminder again and again through the dashboard, then through the
    /// store alone.
    private func acknowledgements(_ store: any Store) throws -> (keys: Samples, store: Samples) {
        let data = try store.load()
        let state = AppState(data: data, user: ScaleData.user, now: ScaleData.now, size: Self.screen)
        let presses: [TerminalEvent] = (0..<repeats).flatMap { _ in [TerminalEvent.key(.char("g")), .key(.char("a"))] }
        let backend = TimingBackend(size: Self.screen, script: presses)
        _ = Runtime(state: state, backend: backend, time: ManualTime(ScaleData.now), store: store).run()
        return (backend.latencies[String(describing: TerminalEvent.key(.char("a")))] ?? Samples(), try acknowledge(everyone: try store.load(), in: store))
    }

    private func demoAcknowledgements() throws -> Samples {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-bench-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = DataStore(directory: directory)
        try store.save(DemoData.make(now: ScaleData.now))
        return try acknowledge(everyone: try store.load(), in: store)
    }

    /// Acknowledges reminders for each of their owners until `repeats` are done.
    private func acknowledge(everyone data: DataSet, in store: any Store) throws -> Samples {
        var samples = Samples()
        let pairs = data.reminders.lazy.flatMap { r in
            r.owners.filter { r.acknowledgedBy[$0] == nil }.map { (r.id, $0) }
        }
        for (id, person) in pairs.prefix(repeats) {
            samples.add(try Samples.time { try store.apply([.reminder(.acknowledge(id: id, person: person, at: ScaleData.now))]) })
        }
        return samples
    }
}

/// The table `bench` prints.
struct BenchReport {
    private(set) var text = "figure".padding(toLength: 46, withPad: " ", startingAt: 0)
        + "median      p99    worst     goal\n"

    mutating func add(_ name: String, _ samples: Samples, goal: Double? = nil) {
        row(name, [samples.median, samples.p99, samples.worst], goal: goal, judged: samples.worst)
    }

    mutating func add(_ name: String, value: Double, goal: Double? = nil) {
        row(name, [value], goal: goal, judged: value)
    }

    private mutating func row(_ name: String, _ values: [Double], goal: Double?, judged: Double) {
        var line = name.padding(toLength: 44, withPad: " ", startingAt: 0)
        for value in values { line += String(format: "%8.1f", value) + " " }
        if values.count == 1 { line += String(repeating: " ", count: 18) }
        if let goal { line += String(format: "%8.0f  %@", goal, judged <= goal ? "ok" : "MISSED") }
        text += line.trimmingCharacters(in: .whitespaces) == line ? line + "\n" : line + "\n"
    }
}
