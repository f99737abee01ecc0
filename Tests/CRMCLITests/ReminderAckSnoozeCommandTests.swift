import CRMCLI
import Foundation
import Testing

@Suite struct ReminderAckSnoozeTests {
    @Test func ackIsForTheUserOnly() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(["reminder", "ack", "R-1001"])
        #expect(run.code == 0 && run.out == "Acknowledged R-1001 for maria.\n")
        #expect(try f.list().map { $0["id"] as? String } == ["R-1002", "R-1001", "R-1004"])
        #expect(try f.list(user: "tom").first?["state"] as? String == "due")
        let again = f.run(["reminder", "ack", "R-1001"])
        #expect(again.code == 0 && again.out == "R-1001 was already acknowledged by maria at 2026-11-23 10:05.\n")
        let notMine = f.run(["reminder", "ack", "R-1003"])
        #expect(notMine.code == 1 && notMine.err.contains("maria is not an owner of R-1003 (owners: tom)"))
    }

    @Test func ackingARepeatingReminderMovesOnToTheNextOccurrence() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(["reminder", "ack", "R-1002"])
        #expect(run.out == "Acknowledged R-1002 for maria. Next due 2026-11-23 16:00.\n")
        let r = try f.object(["reminder", "show", "R-1002"])
        #expect([r["due"], r["end"]].map { $0 as? String } == ["2026-11-23T16:00:00+01:00", "2026-11-23T17:00:00+01:00"])
        #expect(r["state"] as? String == "upcoming")
        #expect(f.run(["reminder", "show", "R-1002"]).out.contains("owner maria      upcoming, last acknowledged 2026-11-23 10:05\n"))
        // Again before the next occurrence reminds: nothing more is acknowledged.
        let json = try f.object(["reminder", "ack", "R-1002"])
        #expect(json["due"] as? String == "2026-11-23T16:00:00+01:00")
    }

    @Test func snoozeQuietsItForTheUserAndKeepsPriorityAndDue() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(["reminder", "snooze", "R-1001", "--for", "20m"])
        #expect(run.code == 0 && run.out == "Snoozed R-1001 for maria until 2026-11-23 10:25.\n")
        let r = try f.object(["reminder", "show", "R-1001"])
        #expect(r["state"] as? String == "snoozed")
        #expect(r["snoozed_until"] as? String == "2026-11-23T10:25:00+01:00")
        #expect(r["priority"] as? String == "high" && r["due"] as? String == "2026-11-23T10:00:00+01:00")
        #expect(try f.object(["reminder", "show", "R-1001"], user: "tom")["state"] as? String == "due")
        let later = try f.object(["reminder", "show", "R-1001"], at: "2026-11-23T10:25:00+01:00")
        #expect(later["state"] as? String == "overdue" && later["snoozed_until"] is NSNull)

        let until = try f.object(["reminder", "snooze", "R-1002", "--until", "2026-11-23 17:00"])
        #expect(until["snoozed_until"] as? String == "2026-11-23T17:00:00+01:00")
    }

    /// (arguments, exit code, what the error names)
    @Test(arguments: [
        (["R-1001"], 2, "say how long with --for DURATION or until when with --until TIME"),
        (["R-1001", "--for", "1h", "--until", "2026-11-23 12:00"], 2, "give --for or --until, not both"),
        (["R-1001", "--for", "-1h"], 2, "--for -1h: a snooze cannot be negative"),
        (["R-1001", "--for", "later"], 2, "--for: cannot read \"later\""),
        (["R-1001", "--for", "0"], 2, "longer than 0s"),
        (["R-1001", "--until", "2026-11-23 10:00"], 1, "--until 2026-11-23 10:00 is not after now (2026-11-23 10:05)"),
        (["R-1003", "--for", "1h"], 1, "maria is not an owner of R-1003"),
        (["R-1004", "--for", "1h"], 1, "R-1004 is acknowledged by maria"),
    ] as [([String], Int32, String)])
    func snoozeRefusalsNameTheProblem(args: [String], code: Int32, problem: String) throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let before = f.remindersFile
        let run = f.run(["reminder", "snooze"] + args)
        #expect(run.code == code)
        #expect(run.err.contains(problem), "\(run.err)")
        #expect(f.remindersFile == before)
    }
}
