import CRMCLI
import Foundation
import Testing

/// Each reminder command records itself in the history with `--at` and `--user`; `show`
/// prints it newest first and `--json` carries it.
@Suite struct ReminderHistoryCommandTests {
    static func history(_ object: [String: Any]) -> [[String: String]] {
        ((object["history"] as? [[String: Any]]) ?? []).map { $0.compactMapValues { $0 as? String } }
    }

    @Test func everyCommandRecordsWhoAndWhen() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        let added = f.run(["reminder", "add", "Call Nordwind", "--due", "2026-11-28 10:00", "--owner", "maria",
                           "--owner", "tom", "--shift-to-working-day"], at: "2026-11-23T10:00:00+01:00")
        #expect(added.out == "R-1005\n", "\(added.err)")
        #expect(f.run(["reminder", "edit", "R-1005", "--title", "Call Nordwind GmbH", "--priority", "high"],
                      user: "tom", at: "2026-11-23T10:10:00+01:00").code == 0)
        #expect(f.run(["reminder", "snooze", "R-1005", "--for", "1h"], at: "2026-11-30T09:05:00+01:00").code == 0)
        #expect(f.run(["reminder", "ack", "R-1005"], user: "tom", at: "2026-11-30T09:20:00+01:00").code == 0)

        let shown = try f.object(["reminder", "show", "R-1005"], at: "2026-11-30T09:30:00+01:00")
        #expect(Self.history(shown) == [
            ["at": "2026-11-23T10:00:00+01:00", "actor": "maria", "action": "created", "detail": "shifted to working time"],
            ["at": "2026-11-23T10:10:00+01:00", "actor": "tom", "action": "edited",
             "detail": "title: Call Nordwind → Call Nordwind GmbH; priority: normal → high"],
            ["at": "2026-11-30T09:05:00+01:00", "actor": "maria", "action": "snoozed", "detail": "until 2026-11-30 10:05"],
            ["at": "2026-11-30T09:20:00+01:00", "actor": "tom", "action": "acknowledged"],
        ])
        // The commands that change a reminder show the history they added to.
        let snoozedAgain = try f.object(["reminder", "snooze", "R-1005", "--for", "2h"], at: "2026-11-30T09:40:00+01:00")
        #expect(Self.history(snoozedAgain).last?["detail"] == "until 2026-11-30 11:40")
    }

    @Test func showPrintsTheHistoryNewestFirstInLocalTime() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        #expect(f.run(["reminder", "snooze", "R-1001", "--until", "2026-11-23 11:00"]).code == 0)
        #expect(f.run(["reminder", "edit", "R-1001", "--notes", "Ask for Lena"], at: "2026-11-23T10:20:00+01:00").code == 0)
        let out = f.run(["reminder", "show", "R-1001"]).out
        #expect(out.hasSuffix("""
            History, newest first
              2026-11-23 10:20  edited   maria  notes added
              2026-11-23 10:05  snoozed  maria  until 2026-11-23 11:00

            """), "\(out)")
    }

    @Test func aReminderFromBeforeTheHistorySaysSo() throws {
        let f = try ReminderFixture()
        defer { f.remove() }
        #expect(f.run(["reminder", "show", "R-1003"]).out.hasSuffix("History, newest first\n  none\n"))
        #expect(Self.history(try f.object(["reminder", "show", "R-1003"])).isEmpty)
    }

    @Test func importingRecordsWhereAReminderCameFrom() throws {
        let dir = try DemoDirectory()
        let csv = try fixture("salesforce-tasks.csv")
        _ = try dir.importSummary(try dir.file("tasks.csv", csv))
        let imported = Self.history(try dir.reminderJSON("R-1033"))
        #expect(imported.map { $0["action"] } == ["imported"])
        #expect(imported.first?["detail"] == "from tasks.csv" && imported.first?["actor"] == "priya")
        #expect(imported.first?["at"] == demoNow)

        let moved = csv.replacingOccurrences(of: "\"12/01/2026 2:00 PM\"", with: "\"12/02/2026 2:00 PM\"")
        _ = try dir.importSummary(try dir.file("tasks-2.csv", moved))
        let updated = Self.history(try dir.reminderJSON("R-1033"))
        // The file keeps the reminding time where it was, so the lead grows with the later due.
        #expect(updated.map { $0["action"] } == ["imported", "edited"])
        #expect(updated.last?["detail"] == "due: 2026-12-01 14:00 → 2026-12-02 14:00; lead: 30m → 1d30m; from tasks-2.csv")
    }
}
