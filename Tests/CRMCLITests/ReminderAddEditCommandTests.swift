import CRMCLI
import CRMStore
import Foundation
import Testing

@Suite struct ReminderAddTests {
    @Test func addPrintsTheNewIdAndStoresWhatWasSaid() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(["reminder", "add", "Send the quote", "--due", "2026-11-24 11:00", "--lead", "1h",
                         "--follow-up", "2h", "--priority", "high", "--owner", "tom", "--owner", "maria",
                         "--link", "https://crm.example.com/q/7", "--notes", "two\nlines", "--repeat", "weekdays"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out == "R-1005\n" && run.err.isEmpty)
        let r = try f.object(["reminder", "show", "R-1005"])
        #expect(r["title"] as? String == "Send the quote")
        #expect(r["priority"] as? String == "high")
        #expect(r["owners"] as? [String] == ["tom", "maria"])
        #expect([r["start"], r["due"], r["end"]].map { $0 as? String } == [
            "2026-11-24T10:00:00+01:00", "2026-11-24T11:00:00+01:00", "2026-11-24T13:00:00+01:00",
        ])
        #expect(r["notes"] as? String == "two\nlines")
        #expect(r["repeat"] as? String == "weekdays")
        let stored = try DataStore(directory: f.dir).load().reminders.first { $0.id == r["id"] as? String }
        #expect(stored?.creator == "maria")
    }

    @Test func defaultsAreNormalPriorityAndTheUserAsOwnerAndJSONShowsTheReminder() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let r = try f.object(["reminder", "add", "Ping Jo", "--due", "2026-11-23T15:00:00+01:00"], user: "tom")
        #expect(r["id"] as? String == "R-1005")
        #expect(r["priority"] as? String == "normal")
        #expect(r["owners"] as? [String] == ["tom"])
        #expect(r["state"] as? String == "upcoming")
        #expect(Set(r.keys) == Set(ReminderFixture.jsonFields + ["history"]))
    }

    @Test func nonWorkingTimeWarnsOnStderrButIsAdded() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(["reminder", "add", "Weekend call", "--due", "2026-11-28 10:00", "--start", "2026-11-27 18:00"])
        #expect(run.code == 0)
        #expect(run.out == "R-1005\n")
        #expect(run.err.contains("start 2026-11-27T18:00:00+01:00 is outside working hours (Friday 09:00-17:00)"))
        #expect(run.err.contains("due 2026-11-28T10:00:00+01:00 is on a Saturday, not a working day"))
        #expect(run.err.contains("--shift-to-working-day"))
        let r = try f.object(["reminder", "show", "R-1005"])
        #expect((r["warnings"] as? [String])?.count == 2)
    }

    @Test func shiftingMovesItToTheNextWorkingMomentQuietly() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(["reminder", "add", "Christmas call", "--due", "2026-12-24 10:00", "--follow-up", "1h",
                         "--shift-to-working-day", "--json"])
        #expect(run.code == 0 && run.err.isEmpty)
        let r = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(r["due"] as? String == "2026-12-28T09:00:00+01:00")
        #expect(r["end"] as? String == "2026-12-28T10:00:00+01:00")
        #expect(r["warnings"] as? [String] == [])
    }

    /// (arguments after the title, exit code, what the error names)
    @Test(arguments: [
        ([String](), 2, "--due"),
        (["--due", "tomorrow"], 2, "--due: cannot read \"tomorrow\""),
        (["--due", "2026-11-24 10:00", "--priority", "urgent"], 2, "--priority: \"urgent\""),
        (["--due", "2026-11-24 10:00", "--repeat", "yearly"], 2, "--repeat: \"yearly\""),
        (["--due", "2026-11-24 10:00", "--lead", "soon"], 2, "--lead: cannot read \"soon\""),
        (["--due", "2026-11-24 10:00", "--start", "2026-11-24 09:00", "--lead", "1h"], 2, "--start or --lead"),
        (["--due", "2026-11-24 10:00", "--end", "2026-11-24 11:00", "--follow-up", "1h"], 2, "--end or --follow-up"),
        (["--due", "2026-11-24 10:00", "--owner", "zoe"], 1, "unknown owner zoe"),
        (["--due", "2026-11-24 10:00", "--end", "2026-11-24 09:00"], 1,
         "end 2026-11-24T09:00:00+01:00 must be after due 2026-11-24T10:00:00+01:00"),
        (["--due", "2026-11-24 10:00", "--start", "2026-11-24 11:00"], 1, "start 2026-11-24T11:00:00+01:00 is after due"),
        (["--due", "2026-11-24 10:00", "--link", "crm.example.com"], 1, "link \"crm.example.com\" is not a URL"),
    ] as [([String], Int32, String)])
    func refusalsNameTheProblemAndChangeNothing(args: [String], code: Int32, problem: String) throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let before = f.remindersFile
        let run = f.run(["reminder", "add", "Title"] + args)
        #expect(run.code == code)
        #expect(run.err.contains(problem), "\(run.err)")
        #expect(run.out.isEmpty)
        #expect(f.remindersFile == before)
    }
}

@Suite struct ReminderShowEditDeleteTests {
    @Test func showGivesEveryOwnersStanding() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        #expect(f.run(["reminder", "ack", "R-1001"], user: "tom").code == 0)
        let run = f.run(["reminder", "show", "R-1001"])
        #expect(run.code == 0)
        #expect(run.out == """
            R-1001  Call Acme
              priority         high
              state            due
              reminding from   2026-11-23 09:30
              due              2026-11-23 10:00
              follow-up until  2026-11-23 12:00
              owner maria      due
              owner tom        acknowledged 2026-11-23 10:05
              link             https://crm.example.com/acme

            History, newest first
              2026-11-23 10:05  acknowledged  tom

            """)
        let asJo = try f.object(["reminder", "show", "R-1001"], user: "jo")
        #expect(asJo["state"] as? String == "due")
        #expect(asJo["acknowledged_by"] as? [String: String] == ["tom": "2026-11-23T10:05:00+01:00"])
    }

    @Test func editChangesOnlyWhatIsGivenAndMovesTheWindowWithDue() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(["reminder", "edit", "R-1001", "--due", "2026-11-24 10:00", "--title", "Call Acme back"])
        #expect(run.code == 0 && run.out == "Updated R-1001.\n", "\(run.err)")
        let r = try f.object(["reminder", "show", "R-1001"])
        #expect(r["title"] as? String == "Call Acme back")
        #expect([r["start"], r["due"], r["end"]].map { $0 as? String } == [
            "2026-11-24T09:30:00+01:00", "2026-11-24T10:00:00+01:00", "2026-11-24T12:00:00+01:00",
        ])
        #expect(r["priority"] as? String == "high" && r["link"] as? String == "https://crm.example.com/acme")

        let cleared = try f.object(["reminder", "edit", "R-1001", "--link", "", "--lead", "2h", "--repeat", "monthly"])
        #expect(cleared["link"] is NSNull)
        #expect(cleared["start"] as? String == "2026-11-24T08:00:00+01:00")
        #expect(cleared["repeat"] as? String == "monthly")
        #expect(cleared["warnings"] as? [String] == ["start 2026-11-24T08:00:00+01:00 is outside working hours (Tuesday 09:00-17:00)"])
    }

    @Test func movingDueStartsAfreshForEveryOwner() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        #expect(f.run(["reminder", "ack", "R-1001"]).code == 0)
        #expect(f.run(["reminder", "edit", "R-1001", "--due", "2026-11-23 10:30"]).code == 0)
        let r = try f.object(["reminder", "show", "R-1001"], at: "2026-11-23T10:31:00+01:00")
        #expect(r["state"] as? String == "due")
        #expect(r["acknowledged_by"] as? [String: String] == [:])
    }

    @Test func editCanShiftIntoWorkingTime() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(["reminder", "edit", "R-1003", "--due", "2026-11-28 10:00", "--shift-to-working-day"], user: "tom")
        #expect(run.code == 0 && run.err.isEmpty)
        let r = try f.object(["reminder", "show", "R-1003"], user: "tom")
        #expect(r["due"] as? String == "2026-11-30T09:00:00+01:00")
    }

    /// (arguments, exit code, what the error names)
    @Test(arguments: [
        (["R-1001"], 2, "nothing to change"),
        (["R-9999", "--title", "x"], 1, "no reminder with id R-9999"),
        (["R-1001", "--end", "2026-11-23 09:00"], 1, "must be after due"),
        (["R-1001", "--owner", "zoe"], 1, "unknown owner zoe"),
        (["R-1001", "--due", "soon"], 2, "--due: cannot read \"soon\""),
    ] as [([String], Int32, String)])
    func editRefusalsNameTheProblem(args: [String], code: Int32, problem: String) throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let before = f.remindersFile
        let run = f.run(["reminder", "edit"] + args)
        #expect(run.code == code)
        #expect(run.err.contains(problem), "\(run.err)")
        #expect(f.remindersFile == before)
    }

    @Test func deleteRemovesItForEveryone() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(["reminder", "delete", "R-1003"])
        #expect(run.code == 0 && run.out == "Deleted R-1003: Tom's call\n")
        #expect(try f.list(["--all"]).map { $0["id"] as? String } == ["R-1001", "R-1002", "R-1004"])
        let again = f.run(["reminder", "delete", "R-1003"])
        #expect(again.code == 1 && again.err.contains("no reminder with id R-1003"))
        let gone = try f.object(["reminder", "delete", "R-1004"])
        #expect(gone["id"] as? String == "R-1004" && gone["state"] as? String == "acknowledged")
    }

    @Test func anIdIsNeverGivenOutTwiceEvenAfterADeleteAndACompaction() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        #expect(f.run(["reminder", "delete", "R-1004"]).code == 0)
        let added = f.run(["reminder", "add", "Next one", "--due", "2026-11-24 11:00"])
        #expect(added.code == 0 && added.out == "R-1005\n", "\(added.err)")
        #expect(f.run(["reminder", "delete", "R-1005"]).code == 0)
        // Rewritten into reminders.json, the id given out is kept there.
        try DataStore(directory: f.dir).compact()
        #expect(try String(contentsOf: f.dir.appendingPathComponent("reminders.json"), encoding: .utf8)
            .contains(#""last_id": "R-1005""#))
        let again = f.run(["reminder", "add", "And another", "--due", "2026-11-24 11:00"])
        #expect(again.out == "R-1006\n", "\(again.err)")
        #expect(f.run(["check"]).code == 0)
    }

    @Test(arguments: [["reminder", "show", "R-9"], ["reminder", "ack", "R-9"],
                      ["reminder", "snooze", "R-9", "--for", "1h"]])
    func unknownIdsAreRefused(args: [String]) throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(args)
        #expect(run.code == 1 && run.err == "crmtop: no reminder with id R-9\n")
    }
}
