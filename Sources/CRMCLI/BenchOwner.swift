import CRMCore
import CRMStore
import Foundation

/// `bench --owners N`: the reminders of a few people (one: a power user's whole backlog, or a
/// manager who imported the team's), and the bulk commands run on them. Every figure is a run
/// of this program as a person types it, start and exit included.
struct OwnerBench {
    var scale: ScaleData
    var runs: Int

    func run(_ source: URL) throws -> String {
        let files = FileManager.default
        let work = files.temporaryDirectory.appendingPathComponent("crmtop-bench-owner-\(UUID().uuidString)")
        try files.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: work) }
        let directory = work.appendingPathComponent("data")
        try files.copyItem(at: source, to: directory)
        let data = try DataStore(directory: directory).load()
        let checked = try problemInEach(data, into: work.appendingPathComponent("check"))
        let empty = work.appendingPathComponent("empty")
        try files.createDirectory(at: empty, withIntermediateDirectories: true)
        sync()

        let n = data.reminders.count
        var report = BenchReport()
        let common = ["--user", ScaleData.user, "--at", ScaleData.nowText]
        func timed(_ arguments: [String], output: String = "/dev/null", before: () throws -> Void = {}) throws -> Samples {
            var samples = Samples()
            try before()
            _ = ChildProcess.run(arguments, output: output) // warms the page cache
            for _ in 0..<runs {
                try before()
                let child = ChildProcess.run(arguments, output: output)
                // check exits 1 when it finds problems, which is what it is given here.
                guard child.status == 0 || arguments.first == "check" && child.status == 1 else {
                    throw CLIError("crmtop \(arguments.joined(separator: " ")) failed with status \(child.status)")
                }
                samples.add(child.milliseconds)
            }
            return samples
        }

        let snapshot = ["snapshot", "--data", directory.path, "--size", "200x50"] + common
        report.add("snapshot --size 200x50", try timed(snapshot))
        report.add("  its peak resident memory (MB)", value: ChildProcess.run(snapshot, watchMemory: true).megabytes,
                   goal: n >= 100_000 ? 150 : nil)
        report.add("reminder list --json", try timed(["reminder", "list", "--json", "--data", directory.path] + common))
        let csv = work.appendingPathComponent("reminders.csv").path
        report.add("export --format csv", try timed(["export", "--format", "csv", "--kind", "reminders",
                                                     "--data", directory.path] + common, output: csv),
                   goal: Self.goal(n, [100_000: 1000]))
        report.add("export --format json", try timed(["export", "--format", "json", "--kind", "reminders",
                                                      "--data", directory.path] + common),
                   goal: Self.goal(n, [100_000: 1000]))
        // Into a directory with the people and settings only, as a team moving to crmtop starts.
        let target = work.appendingPathComponent("import")
        var start = data
        start.reminders = []
        report.add("import of the exported CSV (\(n) rows)", try timed(
            ["import", csv, "--kind", "reminders", "--data", target.path] + common,
            before: {
                try? files.removeItem(at: target)
                try DataStore(directory: target).save(start)
                sync()
            }), goal: Self.goal(n, [10_000: 300, 100_000: 3000]))
        report.add("check, a problem in each reminder", try timed(["check", "--data", checked.path] + common),
                   goal: Self.goal(n, [100_000: 2000]))
        report.add("snapshot of an empty directory", try timed(["snapshot", "--data", empty.path] + common), goal: 15)
        report.add("--version", try timed(["--version"]))
        return report.text
    }

    /// The goals the figures are held to, at the counts they are set for.
    private static func goal(_ count: Int, _ goals: [Int: Double]) -> Double? { goals[count] }

    /// The same data with every reminder ending before it is due, which `check` reports.
    private func problemInEach(_ data: DataSet, into directory: URL) throws -> URL {
        var broken = data
        for n in broken.reminders.indices {
            broken.reminders[n].end = broken.reminders[n].due.addingTimeInterval(-60)
        }
        try DataStore(directory: directory).save(broken)
        return directory
    }
}
