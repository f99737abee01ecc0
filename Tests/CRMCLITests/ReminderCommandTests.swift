import CRMCLI
import Foundation
import Testing

private let fields = ["id", "title", "priority", "owners", "start", "due", "end", "state", "acknowledged_by",
                      "snoozed_until", "link", "notes", "repeat", "warnings"]

@Suite struct ReminderListTests {
    @Test func listsTheUsersRemindersInTheDashboardsOrder() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(["reminder", "list"])
        #expect(run.code == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            "ID      PRI     STATE         DUE               TITLE",
            "R-1001  high    due           2026-11-23 10:00  Call Acme",
            "R-1002  normal  missed        2026-11-16 16:00  Weekly report",
            "",
            "R-1004  normal  acknowledged  2026-11-23 09:00  Done already",
            "",
        ])
    }

    @Test func jsonHasTheContractsFieldsInOrderWithOffsets() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let list = try f.list()
        #expect(list.map { $0["id"] as? String } == ["R-1001", "R-1002", "R-1004"])
        #expect(list.allSatisfy { Set($0.keys) == Set(fields) })
        let text = f.run(["reminder", "list", "--json"]).out
        let positions = fields.map { text.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())

        let first = list[0]
        #expect(first["start"] as? String == "2026-11-23T09:30:00+01:00")
        #expect(first["due"] as? String == "2026-11-23T10:00:00+01:00")
        #expect(first["end"] as? String == "2026-11-23T12:00:00+01:00")
        #expect(first["state"] as? String == "due")
        #expect(first["owners"] as? [String] == ["maria", "tom"])
        #expect(first["notes"] is NSNull && first["snoozed_until"] is NSNull)
        // A repeating reminder shows the occurrence it is at now.
        #expect(list[1]["due"] as? String == "2026-11-16T16:00:00+01:00")
        #expect(list[1]["state"] as? String == "missed")
        #expect(list[1]["repeat"] as? String == "weekly")
        #expect(list[2]["acknowledged_by"] as? [String: String] == ["maria": "2026-11-23T09:01:00+01:00"])
    }

    @Test func allListsEveryoneWithTheStateOfThoseStillToAct() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        #expect(f.run(["reminder", "ack", "R-1001"]).code == 0)
        let all = try f.list(["--all"])
        #expect(all.map { $0["id"] as? String } == ["R-1001", "R-1002", "R-1003", "R-1004"])
        #expect(all[0]["state"] as? String == "due")
        #expect(try f.list(user: "tom").map { $0["id"] as? String } == ["R-1001", "R-1003"])
        let text = f.run(["reminder", "list", "--all"]).out
        #expect(text.contains("OWNERS"))
        #expect(text.contains("maria,tom"))
    }

    @Test func theUserComesFromTheEnvironmentAndOptionsMayLeadTheCommand() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let console = Console(environment: ["CRMTOP_USER": "tom"], capture: true)
        let code = Console.$current.withValue(console) {
            CRMTop.run(arguments: ["--data", f.dir.path, "--at", ReminderFixture.now, "reminder", "list"])
        }
        #expect(code == 0, "\(console.err)")
        #expect(console.out == f.run(["reminder", "list"], user: "tom").out)
        #expect(console.out.contains("Tom's call"))
    }

    @Test func anEmptyListSaysWhose() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(["reminder", "list"], user: "jo")
        #expect(run.code == 0 && run.out == "No reminders for jo.\n")
        #expect(try f.list(user: "jo").isEmpty)
    }
}

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
        #expect(String(decoding: f.remindersFile, as: UTF8.self).contains("\"creator\": \"maria\""))
    }

    @Test func defaultsAreNormalPriorityAndTheUserAsOwnerAndJSONShowsTheReminder() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let r = try f.object(["reminder", "add", "Ping Jo", "--due", "2026-11-23T15:00:00+01:00"], user: "tom")
        #expect(r["id"] as? String == "R-1005")
        #expect(r["priority"] as? String == "normal")
        #expect(r["owners"] as? [String] == ["tom"])
        #expect(r["state"] as? String == "upcoming")
        #expect(Set(r.keys) == Set(fields))
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

    @Test(arguments: [["reminder", "show", "R-9"], ["reminder", "ack", "R-9"],
                      ["reminder", "snooze", "R-9", "--for", "1h"]])
    func unknownIdsAreRefused(args: [String]) throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(args)
        #expect(run.code == 1 && run.err == "crmtop: no reminder with id R-9\n")
    }
}

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
        let json = try f.object(["reminder", "ack", "R-1002"])
        #expect(json["due"] as? String == "2026-11-30T16:00:00+01:00")
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
        (["R-1001"], 2, "--for DURATION or --until TIME"),
        (["R-1001", "--for", "1h", "--until", "2026-11-23 12:00"], 2, "--for DURATION or --until TIME"),
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

@Suite struct ReminderUsageTests {
    @Test(arguments: [
        (["reminder", "show"], "<id>"),
        (["reminder", "delete"], "<id>"),
        (["reminder", "ack"], "<id>"),
        (["reminder", "snooze"], "<id>"),
        (["reminder", "edit"], "<id>"),
        (["reminder", "add", "--due", "2026-11-24 10:00"], "<title>"),
        (["reminder", "list", "--mine"], "--mine"),
        (["reminder", "frobnicate"], "frobnicate"),
    ])
    func missingOrUnknownArgumentsAreUsageErrors(args: [String], mentions: String) throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let run = f.run(args)
        #expect(run.code == 2)
        #expect(run.err.contains(mentions), "\(run.err)")
    }

    @Test func jsonOfAnAlreadyAcknowledgedReminderIsItsStateUnchanged() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let before = f.remindersFile
        let r = try f.object(["reminder", "ack", "R-1004"])
        #expect(r["state"] as? String == "acknowledged")
        #expect(f.remindersFile == before)
    }
}

@Suite struct ReminderOrderAgreementTests {
    /// `reminder list` and the dashboard's pane come from the same order.
    @Test(arguments: ["maria", "jonas", "priya"])
    func listAndSnapshotAgree(user: String) throws {
        let at = "2026-11-23T10:00:00Z"
        let list = crmtop("reminder", "list", "--demo", "--at", at, "--user", user, "--json")
        let snapshot = crmtop("snapshot", "--demo", "--at", at, "--user", user, "--size", "160x60")
        #expect(list.code == 0 && snapshot.code == 0)
        let titles = try #require(try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]])
            .compactMap { $0["title"] as? String }
        #expect(!titles.isEmpty)
        let rows = snapshot.out.split(separator: "\n").map(String.init)
        let positions = titles.map { title in rows.firstIndex { $0.contains(String(title.prefix(25))) } }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }
}
