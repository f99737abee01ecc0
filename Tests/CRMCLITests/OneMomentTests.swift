import CRMCLI
import CRMCore
import Foundation
import Testing

/// A clock that moves on a minute at every reading, as a slow machine or a long command
/// would see the real one: a command that reads it twice acts at two moments.
final class SteppingClock: TimeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var next: Date

    init(_ start: Date) { next = start }

    func now() -> Date {
        lock.withLock {
            defer { next += 60 }
            return next
        }
    }
}

/// A command takes its moment once, when it starts, and does and reports everything at it.
@Suite struct OneMomentTests {
    static let start = ISO8601DateFormatter().date(from: ReminderFixture.now)!

    /// Runs a command without `--at`, on `clock`.
    func run(_ args: [String], in dir: URL, user: String, clock: any TimeSource) -> Run {
        let console = Console(environment: [:], capture: true, clock: clock)
        let code = Console.$current.withValue(console) {
            CRMTop.run(arguments: args + ["--data", dir.path, "--user", user])
        }
        return Run(code: code, out: console.out, err: console.err)
    }

    @Test func anAcknowledgementIsRecordedAtTheMomentTheCommandReports() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let ack = run(["reminder", "ack", "R-1001", "--json"], in: f.dir, user: "maria", clock: SteppingClock(Self.start))
        #expect(ack.code == 0, "\(ack.err)")
        let reported = try #require(try object(ack)["acknowledged_by"] as? [String: String])["maria"]
        #expect(reported == "2026-11-23T10:05:00+01:00")
        // What the journal holds, read back by another command.
        let stored = try #require(try f.object(["reminder", "show", "R-1001"], at: "2026-11-23T11:00:00+01:00")["acknowledged_by"]
                                  as? [String: String])["maria"]
        #expect(stored == reported)
        let again = f.run(["reminder", "ack", "R-1001"], at: "2026-11-23T11:00:00+01:00")
        #expect(again.out == "R-1001 was already acknowledged by maria at 2026-11-23 10:05.\n")
    }

    @Test func aContestEndsAtTheTimeTheCommandSays() throws {
        let dir = try DemoDirectory()
        let add = dir.run(["contest", "add", "sprint", "--kpi", "calls", "--from", "2026-11-23", "--to", "2026-12-18",
                           "--team", "sales"])
        #expect(add.code == 0, "\(add.err)")
        let end = run(["contest", "end", "sprint"], in: dir.url, user: "priya",
                      clock: SteppingClock(ISO8601DateFormatter().date(from: "2026-11-23T12:00:00+01:00")!))
        #expect(end.code == 0, "\(end.err)")
        #expect(end.out == "Contest sprint ended Mon 23 Nov 2026 12:00.\n")
        let listed = dir.run(["contest", "list"], at: "2026-11-23T14:00:00+01:00")
        #expect(listed.out.contains("over (ended Mon 23 Nov 2026 12:00)"), "\(listed.out)")
    }
}
