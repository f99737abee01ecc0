import CRMCLI
import Foundation
import Testing

/// `notify.log` and the notifier's lock: bounded however much a command prints, and never
/// opened through a symbolic link or as a FIFO. In `NotifyCommandTests`, as those run one at
/// a time.
extension NotifyCommandTests {
    static let megabyte = 1 << 20

    func size(_ team: Team, _ name: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: team.path + "/" + name))?[.size] as? Int) ?? 0
    }

    @Test func aCommandPrintingTenMegabytesLeavesABoundedLogAndStillCountsAsSent() throws {
        let team = try Team()
        try team.write("notify.sh", "yes 0123456789abcdef | head -c 10000000\n")
        let run = team.notify(at: "10:00:05")
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("sent reminder.due R-1 to maria"), "\(run.out)")
        #expect(run.out.contains("sent escalation C-1 to lucas"), "\(run.out)")
        // 64 KiB of each of the two commands' output, and the log's own lines.
        #expect(size(team, "notify.log") < 2 * 65536 + 1024)
        let log = team.read("notify.log")
        #expect(log.components(separatedBy: "\n2026-11-24T10:00:05Z … 9934464 bytes dropped").count - 1 == 2, "\(log.suffix(400))")
        #expect(log.contains("2026-11-24T10:00:05Z sent: reminder.due R-1 to maria (id reminder.due/R-1/2026-11-24T10:00:00Z#1)"))
        // Recorded as sent: the next pass has nothing to do.
        let next = team.notify(at: "10:00:06")
        #expect(next.code == 0 && next.out.isEmpty, "\(next.out)\(next.err)")
    }

    @Test func theLogMovesAsideWhileAPassWritesPastAMegabyte() throws {
        let team = try Team(notify: #", "events": ["reminder.due"]"#)
        let reminders = (1...24).map {
            #"{"id": "R-\#($0)", "title": "Call \#($0)", "owners": ["maria"], "due": "2026-11-24T10:00:00Z"}"#
        }
        try team.write("reminders.json", #"{"version": 2, "reminders": [\#(reminders.joined(separator: ", "))]}"#)
        // 24 times 64 KiB kept: one and a half megabytes in one pass.
        try team.write("notify.sh", "yes \"$CRMTOP_SUBJECT\" | head -c 100000\n")
        let run = team.notify(at: "10:00:05")
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.components(separatedBy: "sent reminder.due").count - 1 == 24, "\(run.out)")
        #expect(size(team, "notify.log") <= Self.megabyte)
        #expect(size(team, "notify.log.1") <= Self.megabyte)
        #expect(size(team, "notify.log.1") > Self.megabyte / 2)
        let both = team.read("notify.log.1") + team.read("notify.log")
        #expect(both.contains("sent: reminder.due R-24 to maria (id"))
        #expect(both.components(separatedBy: "… 34464 bytes dropped").count - 1 == 24)
    }

    @Test func aSymlinkedLogIsRefusedAndWhereItPointsIsLeftAlone() throws {
        let team = try Team()
        let elsewhere = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let target = elsewhere.appendingPathComponent("precious.txt")
        try "precious\n".write(to: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: team.path + "/notify.log", withDestinationPath: target.path)

        let run = team.notify(at: "10:00:05")
        #expect(run.code == 1)
        #expect(run.err.contains("notify.log: it is a symbolic link, not a regular file"), "\(run.err)")
        #expect(try String(contentsOf: target, encoding: .utf8) == "precious\n")
        #expect(team.read("calls.txt").isEmpty)

        // A dangling link: its target is not created.
        try FileManager.default.removeItem(at: target)
        let dangling = team.notify(at: "10:00:05")
        #expect(dangling.code == 1)
        #expect(dangling.err.contains("notify.log: it is a symbolic link"), "\(dangling.err)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(team.read("calls.txt").isEmpty)
    }

    @Test func aSymlinkedNotifierLockIsRefusedAndADanglingOneCreatesNothing() throws {
        let team = try Team()
        let elsewhere = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let target = elsewhere.appendingPathComponent("lock")
        try FileManager.default.createSymbolicLink(atPath: team.path + "/.crmtop-notify.lock", withDestinationPath: target.path)

        let dangling = team.notify(at: "10:00:05")
        #expect(dangling.code == 1)
        #expect(dangling.err.contains(".crmtop-notify.lock: it is a symbolic link"), "\(dangling.err)")
        #expect(!FileManager.default.fileExists(atPath: target.path))

        try "".write(to: target, atomically: true, encoding: .utf8)
        let linked = team.notify(at: "10:00:05")
        #expect(linked.code == 1)
        #expect(linked.err.contains(".crmtop-notify.lock: it is a symbolic link"), "\(linked.err)")
        #expect(team.read("calls.txt").isEmpty)
    }

    /// Opening a FIFO waits for its other end; these runs end at once.
    @Test func aFIFOInPlaceOfTheLogOrTheLockIsRefusedWithoutWaiting() throws {
        for name in ["notify.log", ".crmtop-notify.lock"] {
            let team = try Team()
            #expect(mkfifo(team.path + "/" + name, 0o600) == 0)
            let run = team.notify(at: "10:00:05")
            #expect(run.code == 1, "\(name)")
            #expect(run.err.contains("\(name): it is a FIFO, not a regular file"), "\(run.err)")
            #expect(team.read("calls.txt").isEmpty)
        }
    }
}
