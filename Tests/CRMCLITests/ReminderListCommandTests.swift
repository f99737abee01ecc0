import CRMCLI
import Foundation
import Testing

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
        #expect(list.allSatisfy { Set($0.keys) == Set(ReminderFixture.jsonFields) })
        let text = f.run(["reminder", "list", "--json"]).out
        let positions = ReminderFixture.jsonFields.map { text.range(of: "\"\($0)\":")!.lowerBound }
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
