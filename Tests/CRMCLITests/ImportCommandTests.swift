import Foundation
import Testing

@Suite struct ImportCommandTests {
    @Test func aCRMExportAddsRemindersAndImportingItAgainChangesNothing() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("tasks.csv", try fixture("salesforce-tasks.csv"))
        #expect(try dir.importSummary(path) == ["added": ["R-1031", "R-1032", "R-1033"], "updated": [], "unchanged": [],
                                                "added_people": []])

        let call = try dir.reminderJSON("R-1031")
        #expect(call["title"] as? String == "Call Nordwind about the DPA")
        #expect(call["due"] as? String == "2026-11-26T00:00:00+01:00")
        #expect(call["start"] as? String == "2026-11-25T16:30:00+01:00")
        #expect(call["priority"] as? String == "high")
        #expect(call["owners"] as? [String] == ["maria"])
        let offer = try dir.reminderJSON("R-1032")
        #expect(offer["due"] as? String == "2026-11-27T10:00:00+01:00")
        #expect(offer["owners"] as? [String] == ["jonas", "maria"])
        #expect(offer["notes"] as? String == "Three-year price, \"Pro\" plan.\nAttach usage numbers.")
        #expect(try dir.reminderJSON("R-1033")["priority"] as? String == "low")

        #expect(try dir.importSummary(path) == ["added": [], "updated": [], "unchanged": ["R-1031", "R-1032", "R-1033"],
                                                "added_people": []])
    }

    @Test func aChangedRecordUpdatesTheReminderItWasImportedAs() throws {
        let dir = try DemoDirectory()
        let csv = try fixture("salesforce-tasks.csv")
        _ = try dir.importSummary(try dir.file("tasks.csv", csv))
        let moved = try dir.file("tasks.csv", csv.replacingOccurrences(of: "\"12/01/2026 2:00 PM\"", with: "\"12/02/2026 2:00 PM\""))
        let dry = try object(dir.run(["import", moved, "--dry-run", "--json"]))
        #expect(dry["changes"] as? [String: String] == ["R-1033": "due: 2026-12-01 14:00 → 2026-12-02 14:00; lead: 30m → 1d30m"])
        #expect(try dir.importSummary(moved)["updated"] == ["R-1033"])
        #expect(try dir.reminderJSON("R-1033")["due"] as? String == "2026-12-02T14:00:00+01:00")
    }

    @Test func aBadRowNamesItsLineAndNothingIsWritten() throws {
        let dir = try DemoDirectory()
        let bad = try fixture("salesforce-tasks.csv").replacingOccurrences(of: "12/01/2026 2:00 PM", with: "sometime")
        let path = try dir.file("tasks.csv", bad)
        let run = dir.run(["import", path])
        #expect(run.code == 1)
        #expect(run.err.contains("tasks.csv:5: Due Date (due): cannot read \"sometime\" as a time"), "\(run.err)")
        #expect(dir.run(["reminder", "show", "R-1031"]).code == 1)
    }

    @Test func anUnknownOwnerIsRefused() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("t.csv", "id,title,due,owner\r\nx1,Call,2026-11-30 10:00,Nobody Known\r\n")
        let run = dir.run(["import", path])
        #expect(run.code == 1)
        #expect(run.err.contains("t.csv:2: owner (owners): \"Nobody Known\" is not a person in people.json (people: maria,"), "\(run.err)")
    }

    @Test func columnsAreMappedByName() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("t.csv", "Ref,What,When\r\nk-1,Call Acme,30.11.2026 09:15\r\n")
        let summary = try dir.importSummary(path, ["--map", "Ref=external_id", "--map", "What=title", "--map", "When=due"])
        #expect(summary["added"] == ["R-1031"])
        #expect(try dir.reminderJSON("R-1031")["due"] as? String == "2026-11-30T09:15:00+01:00")
        #expect(try dir.reminderJSON("R-1031")["owners"] as? [String] == ["priya"])
    }

    @Test func aDryRunShowsTheChangesAndWritesNothing() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("tasks.csv", try fixture("salesforce-tasks.csv"))
        let run = dir.run(["import", path, "--dry-run"])
        #expect(run.code == 0)
        #expect(run.out.contains("would be added 3: R-1031, R-1032, R-1033"), "\(run.out)")
        #expect(dir.run(["reminder", "show", "R-1031"]).code == 1)
    }

    @Test func aCalendarWithTimeZonesAllDayItemsAndRecurrence() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("calendar.ics", try fixture("thunderbird.ics"))
        let run = dir.run(["import", path, "--json"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err.isEmpty, "\(run.err)")
        // Every event counts, with an alarm or without (the office's day off).
        #expect(try object(run)["added"] as? [String] == ["R-1031", "R-1032", "R-1033", "R-1034", "R-1035"])

        let forecast = try dir.reminderJSON("R-1031")
        #expect(forecast["due"] as? String == "2026-11-24T09:00:00+01:00")
        #expect(forecast["start"] as? String == "2026-11-24T08:45:00+01:00")
        #expect(forecast["repeat"] as? String == "FREQ=WEEKLY;BYDAY=TU")
        #expect(forecast["priority"] as? String == "high")
        #expect((forecast["notes"] as? String)?.hasSuffix("slipped; we go through them one by one.") == true)
        let expenses = try dir.reminderJSON("R-1032")
        #expect(expenses["due"] as? String == "2026-11-30T00:00:00+01:00")
        #expect(expenses["repeat"] as? String == "FREQ=MONTHLY")
        #expect(expenses["priority"] as? String == "low")
        let demo = try dir.reminderJSON("R-1033")
        #expect(demo["due"] as? String == "2026-11-25T16:00:00+01:00")
        #expect(demo["start"] as? String == "2026-11-25T15:00:00+01:00")
        #expect(demo["owners"] as? [String] == ["jonas", "maria"])
        let closed = try dir.reminderJSON("R-1034")
        #expect(closed["title"] as? String == "Office closed" && closed["start"] is NSNull)
        let standup = try dir.reminderJSON("R-1035")
        #expect(standup["start"] as? String == "2026-11-23T08:55:00+01:00")
        // Every other day is kept, counted in UTC, the zone the series is written in.
        #expect(standup["repeat"] as? String == "FREQ=DAILY;INTERVAL=2")
        #expect(dir.run(["reminder", "show", "R-1035"]).out.contains("time zone       UTC"))
        #expect(standup["owners"] as? [String] == ["priya"])

        #expect(try dir.importSummary(path)["unchanged"]?.count == 5)
    }

    @Test func onlyWithAlarmsLeavesOutEventsWithoutOne() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("calendar.ics", try fixture("thunderbird.ics"))
        let run = dir.run(["import", path, "--only-with-alarms", "--json"])
        #expect(run.code == 0, "\(run.err)")
        #expect(try object(run)["added"] as? [String] == ["R-1031", "R-1032", "R-1033", "R-1034"])
        #expect(run.err.contains("calendar.ics:1: VEVENT: 1 event without an alarm left out (--only-with-alarms)"), "\(run.err)")
    }
}

@Suite struct OutlookImportTests {
    @Test func windowsZoneNamesAndAllDayEventsWithAlarms() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("outlook.ics", try fixture("outlook.ics"))
        #expect(try dir.importSummary(path)["added"] == ["R-1031", "R-1032"])
        let review = try dir.reminderJSON("R-1031")
        #expect(review["title"] as? String == "Nordwind rollout review")
        #expect(review["due"] as? String == "2026-11-26T14:00:00+01:00")
        #expect(review["start"] as? String == "2026-11-26T13:45:00+01:00")
        #expect(review["owners"] as? [String] == ["maria", "kenji"])
        #expect(review["notes"] as? String == "Agenda: pricing, rollout plan, open questions from legal.\n\nDial-in details follow.\n")
        let renewal = try dir.reminderJSON("R-1032")
        #expect(renewal["due"] as? String == "2026-11-27T00:00:00+01:00")
        #expect(renewal["start"] as? String == "2026-11-26T06:00:00+01:00")
        #expect(try dir.importSummary(path)["unchanged"] == ["R-1031", "R-1032"])
    }
}

@Suite struct ImportUsageTests {
    @Test func mapIsForCSVOnly() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("calendar.ics", try fixture("thunderbird.ics"))
        let run = dir.run(["import", path, "--map", "SUMMARY=title"])
        #expect(run.code == 2)
        #expect(run.err.contains("--map: only CSV files have columns to map"), "\(run.err)")
    }
}
