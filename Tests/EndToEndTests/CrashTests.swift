import CRMStore
import Foundation
import Testing

/// The real binary killed part way through a write, at chosen bytes (`CRMTOP_CRASH_AFTER_BYTES`):
/// a batch of changes is visible whole or not at all, and the next writer carries on.
@Suite struct CrashTests {
    static let binary = Tmux.binary.path
    static let at = "2026-11-23T10:00:00Z"

    /// A demo directory with a journal already started, so an import appends to it.
    static func directory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-crash-\(UUID().uuidString)").path
        let made = Subprocess.run([binary, "demo", dir, "--at", at])
        try #require(made.status == 0, "\(made.output)")
        let added = crmtop(dir, ["reminder", "add", "Start the journal", "--due", "2026-11-24T10:00:00Z"])
        try #require(added.status == 0, "\(added.output)")
        return dir
    }

    static func crmtop(_ dir: String, _ arguments: [String], crashAfter bytes: Int? = nil) -> (status: Int32, output: String) {
        Subprocess.run([binary] + arguments + ["--data", dir, "--at", at, "--user", "maria"],
                       environment: ["CRMTOP_CRASH_AFTER_BYTES": bytes.map(String.init)])
    }

    static func copy(_ dir: String) throws -> String {
        let copy = dir + "-copy-\(UUID().uuidString.prefix(8))"
        try FileManager.default.copyItem(atPath: dir, toPath: copy)
        return copy
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// Kills the import at doubling offsets until one runs to its end, then at offsets spread
    /// through the first write it made (the batch's append): the count of what it adds is
    /// always none or all. Returns the offsets at which nothing was stored.
    func killedAtEveryPoint(rows: Int, csv: String, kind: String, count: (String) throws -> Int) throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "-input.csv"
        try csv.write(toFile: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: input) }
        let before = try count(dir)

        var nothing: [Int] = [], all: [Int] = []
        func kill(at offset: Int) throws -> Bool {
            let run = Self.crmtop(dir, ["import", input, "--kind", kind], crashAfter: offset)
            let stored = try count(dir)
            #expect(stored == before || stored == before + rows, "killed after \(offset) bytes: \(stored - before) of \(rows) stored")
            if stored == before { nothing.append(offset) } else { all.append(offset) }
            guard run.status == 0 else {
                #expect(run.status == 128 + SIGKILL, "after \(offset) bytes: \(run.output)")
                return true
            }
            return false
        }
        var offset = 1
        // Each kill that stored nothing leaves a torn batch for the next run to cut off.
        while try kill(at: offset), nothing.count + all.count < 40 {
            if !all.isEmpty { break }
            offset *= 4
        }
        // The batch ends between the last kill that stored nothing and the first that stored all.
        let low = nothing.max() ?? 1, high = all.min() ?? offset
        if all.isEmpty == false {
            for step in 1..<8 { _ = try kill(at: low + (high - low) * step / 8) }
            _ = try kill(at: high - 1)
        }
        #expect(nothing.count >= 6, "kills that stored nothing: \(nothing)")
        let checked = Self.crmtop(dir, ["check"])
        #expect(checked.status == 0, "\(checked.output)")
        if all.isEmpty {
            // The next writer cuts the torn batch off and stores the whole import once.
            let done = Self.crmtop(dir, ["import", input, "--kind", kind])
            #expect(done.status == 0, "\(done.output)")
        }
        #expect(try count(dir) == before + rows)
        #expect(Self.crmtop(dir, ["check"]).status == 0)
    }

    @Test func anImportOfRemindersKilledMidAppendLeavesNoneOrAll() throws {
        let rows = 1000
        let csv = "id,title,due,priority,owners\n" + (1...rows).map {
            "ext-\($0),Imported task \($0),2026-12-\(String(format: "%02d", 1 + $0 % 28)) 10:00,normal,maria"
        }.joined(separator: "\n") + "\n"
        try killedAtEveryPoint(rows: rows, csv: csv, kind: "reminders") { dir in
            try DataStore(directory: URL(fileURLWithPath: dir)).load().reminders.count
        }
    }

    @Test func anImportOfActivitiesKilledMidAppendLeavesNoneOrAll() throws {
        let rows = 3000
        let csv = "person,kpi,count,at\n" + (1...rows).map {
            "maria,calls,1,2026-11-\(String(format: "%02d", 1 + $0 % 22))T\(String(format: "%02d", 8 + $0 % 9)):\(String(format: "%02d", $0 % 60)):\(String(format: "%02d", $0 % 59))Z"
        }.joined(separator: "\n") + "\n"
        try killedAtEveryPoint(rows: rows, csv: csv, kind: "activities") { dir in
            try DataStore(directory: URL(fileURLWithPath: dir)).load().activities.count
        }
    }
}

/// The dashboard killed while it writes an undo: the change it undoes stays whole, or is
/// taken back whole, and the directory reads cleanly after.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct UndoCrashTests {
    static let at = CrashTests.at

    static func journalSize(_ dir: String) -> Int { CrashTests.size(dir + "/journal.jsonl") }

    /// Acknowledges the first reminder, then undoes it; returns the journal's size after each
    /// step that got written. The run ends early when crmtop is killed.
    static func acknowledgeThenUndo(_ dir: String, crashAfter bytes: Int?) -> [Int] {
        let t = Tmux()
        defer { t.close() }
        t.start(["--data", dir, "--user", "maria", "--at", at],
                environment: bytes.map { ["CRMTOP_CRASH_AFTER_BYTES": String($0)] } ?? [:])
        guard t.waitFor("Leaderboard") else { return [] }
        let start = journalSize(dir)
        var sizes: [Int] = []
        t.send("a")
        guard t.wait(until: { journalSize(dir) > start || t.isDead }), !t.isDead else { return sizes }
        sizes.append(journalSize(dir))
        t.send("u")
        guard t.wait(until: { journalSize(dir) > sizes[0] || t.isDead }), !t.isDead else { return sizes }
        sizes.append(journalSize(dir))
        t.send("q")
        _ = t.waitForExit()
        return sizes
    }

    static func acknowledgedByMaria(_ dir: String) throws -> Int {
        try DataStore(directory: URL(fileURLWithPath: dir)).load().reminders.filter { $0.acknowledgedBy["maria"] != nil }.count
    }

    @Test func killedAtBytesOfTheUndoTheAcknowledgementIsWholeOrUndoneWhole() throws {
        let base = try CrashTests.directory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let before = try Self.acknowledgedByMaria(base)

        let probe = try CrashTests.copy(base)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        let sizes = Self.acknowledgeThenUndo(probe, crashAfter: nil)
        try #require(sizes.count == 2, "the dashboard did not acknowledge and undo")
        #expect(try Self.acknowledgedByMaria(probe) == before)
        let ack = sizes[0] - Self.journalSize(base), undo = sizes[1] - sizes[0]

        for into in [1, undo / 3, undo * 2 / 3, undo - 1] {
            let dir = try CrashTests.copy(base)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            _ = Self.acknowledgeThenUndo(dir, crashAfter: ack + into)
            // Killed in the undo's line: the acknowledgement stands, as if u was never pressed;
            // with only its newline missing the undo's line is whole, and counts.
            let acknowledged = try Self.acknowledgedByMaria(dir)
            if into < undo - 1 {
                #expect(acknowledged == before + 1, "killed \(into) bytes into the undo")
            } else {
                #expect(acknowledged == before || acknowledged == before + 1)
            }
            #expect(CrashTests.crmtop(dir, ["check"]).status == 0)
            // The next writer carries on from the whole lines.
            let next = CrashTests.crmtop(dir, ["reminder", "add", "After the crash", "--due", "2026-11-24T10:00:00Z"])
            #expect(next.status == 0, "\(next.output)")
        }
    }
}

/// Killed while it writes the recovery file after SIGTERM: there is a whole recovery file or
/// none, never half of one that would fail to apply, and the data is as it was.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct RecoveryCrashTests {
    let at = CrashTests.at

    @Test(arguments: [1, 40, 120])
    func killedWhileWritingTheRecoveryFile(after bytes: Int) throws {
        let demo = try RecoveryEndToEndTests.ReadOnlyDemo(at: at)
        // Removed when the test ends, not after the last line that names it.
        defer { withExtendedLifetime(demo) {} }
        let data = demo.data, state = demo.state, environment = demo.environment
        let before = try DataStore(directory: data).load()

        let screen = Tmux()
        defer { screen.close() }
        // The disk refuses the journal before any byte is written: the first bytes written
        // are the recovery file's.
        screen.start(["--data", data.path, "--user", "maria", "--at", at],
                     environment: environment.merging(["CRMTOP_CRASH_AFTER_BYTES": String(bytes)]) { $1 },
                     launcher: RecoveryEndToEndTests.launcher)
        #expect(screen.waitFor("Leaderboard"), "\(screen.screen())")
        screen.send("a")
        #expect(screen.waitFor("changes kept in memory"), "\(screen.screen())")
        kill(screen.pid, SIGTERM)
        #expect(screen.waitForExit() == 128 + SIGKILL)

        let file = RecoveryFile(for: data, environment: environment)
        #expect(!file.exists, "a recovery file was left although its writer was killed part way")
        chmod(data.path, 0o755)
        #expect(try DataStore(directory: data).load() == before)
        let recover = Subprocess.run([Tmux.binary.path, "recover", "--data", data.path],
                                     environment: ["XDG_STATE_HOME": state.path], executable: Tmux.binary.path)
        #expect(recover.status == 0, "\(recover.output)")
    }
}
