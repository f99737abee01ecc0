import CRMCore
import Foundation
import Testing
@testable import CRMStore

@Suite struct LoadErrorTests {
    /// Loads a directory holding exactly `files` and returns the error, if any.
    func loadError(_ files: [String: String]) -> LoadError? {
        let dir = TempDir()
        defer { dir.remove() }
        for (name, text) in files { dir.write(name, text) }
        do throws(LoadError) {
            _ = try dir.store.load()
            return nil
        } catch {
            return error
        }
    }

    static let fourReminders = """
        {"version": 1, "reminders": [
          {"id": "r0", "title": "a", "owners": ["maria"], "due": "2026-11-23T10:00:00+01:00"},
          {"id": "r1", "title": "b", "owners": ["maria"], "due": "2026-11-23 10:00"},
          {"id": "r2", "title": "c", "owners": ["maria"], "due": "2026-11-23T10:00:00"},
          {"id": "r3", "title": "d", "owners": ["maria"], "due": 42}
        ]}
        """

    @Test func aWrongTypeIsReportedLikeACompilerWould() {
        let error = loadError(["reminders.json": Self.fourReminders])
        #expect(error == LoadError(file: "reminders.json", path: "reminders[3].due", line: 5, column: 58,
                                   message: "expected a time like 2026-11-23T10:00:00+01:00, found 42"))
        #expect(error?.description
            == "reminders.json:5:58: reminders[3].due: expected a time like 2026-11-23T10:00:00+01:00, found 42")
    }

    @Test func pretty() {
        let text = """
            {
              "version": 1,
              "reminders": [
                {
                  "id": "r1",
                  "title": "Call",
                  "priority": "urgent",
                  "owners": ["maria"],
                  "due": "2026-11-23T10:00:00+01:00"
                }
              ]
            }
            """
        #expect(loadError(["reminders.json": text])?.description
            == "reminders.json:7:19: reminders[0].priority: expected one of high, normal, low, found \"urgent\"")
    }

    @Test(arguments: [
        // A required field that is missing points at the object that lacks it.
        (#"{"version": 1, "reminders": [{"id": "r1", "title": "x", "owners": []}]}"#,
         "reminders.json:1:30: reminders[0]: missing required field \"due\""),
        // Null in a required field is shown as what it is.
        (#"{"version": 1, "reminders": [{"id": "r", "title": "x", "owners": [], "due": null}]}"#,
         "reminders.json:1:77: reminders[0].due: expected a time like 2026-11-23T10:00:00+01:00, found null"),
        (#"{"version": 1, "reminders": [{"id": 7, "title": "x", "owners": [], "due": "2026-11-23 10:00"}]}"#,
         "reminders.json:1:37: reminders[0].id: expected a string, found 7"),
        (#"{"version": 1, "reminders": {}}"#,
         "reminders.json:1:29: reminders: expected an array, found an object"),
        (#"{"version": 1, "reminders": [{"id": "r", "title": "x", "owners": ["a", null], "due": "2026-11-23 10:00"}]}"#,
         "reminders.json:1:72: reminders[0].owners[1]: expected a string, found null"),
        (#"{"version": 1, "reminders": [{"id": "r", "title": "x", "owners": [], "due": "2026-11-23 10:00", "repeat": "yearly"}]}"#,
         "reminders.json:1:107: reminders[0].repeat: expected one of daily, weekdays, weekly, monthly, found \"yearly\""),
        (#"{"version": 1, "reminders": [{"id": "r", "title": "x", "owners": [], "due": "2026-11-23 10:00", "acknowledged_by": {"maria li": "soon"}}]}"#,
         "reminders.json:1:129: reminders[0].acknowledged_by[\"maria li\"]: expected a time like 2026-11-23T10:00:00+01:00, found \"soon\""),
        (#"{"version": 4, "reminders": [{"anything": "new"}]}"#,
         "reminders.json:1:13: version: format version 4 is newer than this crmtop understands (3); the file was written by a newer crmtop"),
        (#"{"version": "1", "reminders": []}"#,
         "reminders.json:1:13: version: expected format version 2, found \"1\""),
        (#"{"reminders": []}"#,
         "reminders.json:1:1: missing required field \"version\""),
        (#"[]"#,
         "reminders.json:1:1: expected an object, found an array"),
        ("{\"version\": 1,\n \"reminders\": [\n",
         "reminders.json:3:1: unexpected end of input; expected a value"),
        ("",
         "reminders.json:1:1: the file is empty; expected a JSON value"),
    ])
    func reminders(text: String, expected: String) {
        #expect(loadError(["reminders.json": text])?.description == expected)
    }

    @Test func casesNestedPaths() {
        let text = """
            {"version": 1, "cases": [{"id": "c1", "title": "t", "customer": "c", "opened": "2026-11-20 09:00",
              "pauses": [{"start": "2026-11-20 10:00", "end": "2026-11-20 11:00"}, {"start": "2026-11-20 25:00"}]}]}
            """
        #expect(loadError(["cases.json": text])?.description
            == "cases.json:2:82: cases[0].pauses[1].start: expected a time like 2026-11-23T10:00:00+01:00, found \"2026-11-20 25:00\"")
        let status = #"{"version": 1, "cases": [{"id": "c1", "title": "t", "customer": "c", "opened": "2026-11-20 09:00", "status": "done"}]}"#
        #expect(loadError(["cases.json": status])?.message
            == "expected one of new, open, pending-customer, resolved, closed, found \"done\"")
    }

    @Test(arguments: [
        (#"{"version": 1, "sla_policies": [{"priority": "high", "first_response": "4 hours"}]}"#,
         "settings.json:1:72: sla_policies[0].first_response: expected a duration like 4h or 1h30m, found \"4 hours\""),
        (#"{"version": 1, "sla_policies": [{"priority": "high", "resolution": "-2d"}]}"#,
         "settings.json:1:68: sla_policies[0].resolution: a duration cannot be negative, found \"-2d\""),
        (#"{"version": 1, "sla_policies": [{"priority": "high", "warn_at_percent": 120}]}"#,
         "settings.json:1:73: sla_policies[0].warn_at_percent: expected a percentage from 0 to 100, found 120"),
        (#"{"version": 1, "sla_policies": [{"kind": "bug", "priority": "high"}]}"#,
         "settings.json:1:42: sla_policies[0].kind: expected one of case, feedback, found \"bug\""),
        (#"{"version": 1, "calendars": [{"name": "default", "zone": "Europe/Berln", "hours": []}]}"#,
         "settings.json:1:58: calendars[0].zone: unknown time zone \"Europe/Berln\"; use a name like Europe/Berlin or UTC"),
        (#"{"version": 1, "calendars": [{"name": "d", "zone": "UTC", "hours": ["Mon-Fri 17:00-09:00"]}]}"#,
         "settings.json:1:69: calendars[0].hours[0]: 17:00-09:00 closes before it opens; write a span that crosses midnight as two lines (in \"Mon-Fri 17:00-09:00\")"),
        (#"{"version": 1, "calendars": [{"name": "d", "zone": "UTC", "holidays": ["2026-02-30"]}]}"#,
         "settings.json:1:72: calendars[0].holidays[0]: expected a date like 2026-12-24, found \"2026-02-30\""),
        (#"{"version": 1, "escalation": [{"level": 1, "after": "breach+later", "notify": []}]}"#,
         "settings.json:1:53: escalation[0].after: expected warning, breach or breach+DURATION (like breach+2h), found \"breach+later\""),
        (#"{"version": 1, "escalation": [{"level": 1, "after": "breach+-1h", "notify": []}]}"#,
         "settings.json:1:53: escalation[0].after: expected warning, breach or breach+DURATION (like breach+2h), found \"breach+-1h\""),
        (#"{"version": 1, "leaderboard": {"week_start": "friday", "top_n": 1.5}}"#,
         "settings.json:1:65: leaderboard.top_n: expected a whole number, found 1.5"),
        (#"{"version": 1, "leaderboard": {"week_start": "someday"}}"#,
         "settings.json:1:46: leaderboard.week_start: expected one of monday, tuesday, wednesday, thursday, friday, saturday, sunday, found \"someday\""),
        (#"{"version": 1, "leaderboard": {"team_score": "median"}}"#,
         "settings.json:1:46: leaderboard.team_score: expected one of sum, average, found \"median\""),
        (#"{"version": 1, "wall": {"team": ["sales"]}}"#,
         "settings.json:1:33: wall.team: expected a string, found an array"),
    ])
    func settings(text: String, expected: String) {
        #expect(loadError(["settings.json": text])?.description == expected)
    }

    @Test func peopleAndKPIs() {
        #expect(loadError(["people.json": #"{"version": 1, "people": [{"id": "a", "name": "A", "role": "agent", "away": [{"from": "2026-12-20"}]}]}"#])?
            .description == "people.json:1:78: people[0].away[0]: missing required field \"to\"")
        #expect(loadError(["people.json": #"{"version": 1, "teams": [{"id": "t", "name": "T", "lead": 3}]}"#])?
            .description == "people.json:1:59: teams[0].lead: expected a string, found 3")
        #expect(loadError(["kpis.json": #"{"version": 1, "kpis": [{"id": "k", "name": "K", "points": 1, "goals": [{"role": "agent", "count": 3, "period": "fortnight"}]}]}"#])?
            .description == "kpis.json:1:113: kpis[0].goals[0].period: expected one of day, week, month, quarter, year, found \"fortnight\"")
        #expect(loadError(["influencers.json": #"{"version": 1, "influencers": [{"id": "i"}]}"#])?
            .description == "influencers.json:1:32: influencers[0]: missing required field \"name\"")
    }

    @Test func activitiesReportTheirLine() {
        let text = """
            {"version":1}
            {"person":"maria","kpi":"calls","at":"2026-11-23T10:05:00+01:00"}

            {"person":"maria","kpi":"calls","count":"two","at":"2026-11-23T10:06:00+01:00"}
            """
        #expect(loadError(["activities.jsonl": text])?.description
            == "activities.jsonl:4:41: activities[1].count: expected a whole number, found \"two\"")
        #expect(loadError(["activities.jsonl": "{\"version\":1}\n{\"person\":\"maria\",\"kpi\" 3}\n"])?.description
            == "activities.jsonl:2:25: unexpected '3'; expected ':' after the field name")
        #expect(loadError(["activities.jsonl": "{\"person\":\"maria\",\"kpi\":\"calls\",\"at\":\"2026-11-23 10:00\"}\n"])?
            .description == "activities.jsonl:1:1: missing required field \"version\"")
        #expect(loadError(["activities.jsonl": "{\"version\":3}\n"])?.description
            == "activities.jsonl:1:12: version: format version 3 is newer than this crmtop understands (2); the file was written by a newer crmtop")
        #expect(loadError(["activities.jsonl": "\n"])?.description
            == "activities.jsonl:1:1: the file has no {\"version\":2} line")
    }

    @Test func syntaxErrorsHaveNoPath() {
        let error = loadError(["settings.json": "{\n  \"version\": 1,\n  \"calendars\": [\u{0}]\n}"])
        #expect(error == LoadError(file: "settings.json", path: "", line: 3, column: 17,
                                   message: "unexpected NUL byte; expected a value"))
        #expect(loadError(["kpis.json": "{\"version\": 1, \"kpis\": [], \"kpis\": []}"])?.description
            == "kpis.json:1:28: duplicate field \"kpis\"; it was first given at 1:16")
        #expect(loadError(["kpis.json": "{\"version\": 1, \"kpis\": [{\"name\": \"Caf\u{E9}\"}]}"]) != nil)
    }

    @Test func invalidUTF8IsReported() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("influencers.json", bytes: Array("{\"version\": 1,\n\"influencers\": [{\"id\": \"i\", \"name\": \"Zo".utf8) + [0xEB] + Array("\"}]}".utf8))
        #expect(throws: LoadError(file: "influencers.json", line: 2, column: 40, message: "invalid UTF-8 (byte 0xEB)")) {
            try dir.store.load()
        }
    }

    @Test func theFirstBadFileWinsInAFixedOrder() {
        // Settings are read first; a broken settings file is reported even if others are broken too.
        let error = loadError(["reminders.json": "[", "settings.json": "{"])
        #expect(error?.file == "settings.json")
    }

    @Test func zoneLessTimesUseTheDefaultCalendarsZone() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("settings.json", #"{"version": 1, "calendars": [{"name": "other", "zone": "Asia/Tokyo"}, {"name": "default", "zone": "America/New_York"}]}"#)
        dir.write("reminders.json", Self.fourReminders.replacingOccurrences(of: "42", with: "\"2026-11-23T10:00:00Z\""))
        let reminders = try dir.store.load().reminders
        #expect(reminders.map(\.due) == [
            utc(2026, 11, 23, 9), utc(2026, 11, 23, 15), utc(2026, 11, 23, 15), utc(2026, 11, 23, 10),
        ])
    }

    @Test func optionalFieldsMayBeNullOrAbsent() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("reminders.json", #"{"version": 1, "reminders": [{"id": "r", "title": "x", "notes": null, "owners": ["a"], "due": "2026-11-23T10:00:00Z", "acknowledged_by": null}]}"#)
        dir.write("settings.json", #"{"version": 1}"#)
        let data = try dir.store.load()
        #expect(data.reminders == [Reminder(id: "r", title: "x", owners: ["a"], due: utc(2026, 11, 23, 10))])
        #expect(data.settings == Settings())
    }

    @Test func aFailedLoadLeavesTheFileAlone() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let corrupt = Array(Self.fourReminders.utf8.dropLast(7)) + [0x00, 0xFF]
        dir.write("reminders.json", bytes: corrupt)
        let before = try FileManager.default.attributesOfItem(atPath: dir.file("reminders.json").path)
        #expect(throws: LoadError.self) { try dir.store.load() }
        #expect(dir.read("reminders.json") == corrupt)
        let after = try FileManager.default.attributesOfItem(atPath: dir.file("reminders.json").path)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["reminders.json"])
    }

    @Test func unreadableFilesSaySo() {
        let dir = TempDir()
        defer { dir.remove() }
        try! FileManager.default.createDirectory(at: dir.file("cases.json"), withIntermediateDirectories: false)
        #expect(throws: LoadError(file: "cases.json", message: "cannot open: it is a directory, not a regular file; crmtop "
            + "never follows links or opens anything but regular files in its data directory (remove it, or put the file itself in its place)")) {
            try dir.store.load()
        }
    }
}

@Suite struct CheckTests {
    @Test func aRecordWithSeveralMistakesReportsEachAndTheRestAreStillRead() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("reminders.json", """
            {"version": 2, "reminders": [
              {"id": "r1", "title": 5, "priority": "urgent", "owners": ["maria"], "due": "soon", "acknowledged_by": {"maria": "never"}},
              {"id": "r2", "title": "fine", "owners": "maria", "due": "2026-11-23 10:00"},
              {"id": "r2", "title": "twice", "owners": [], "due": "2026-11-23 10:00"}
            ]}
            """)
        dir.write("people.json", #"{"version": 2, "people": [{"id": "maria", "name": "M", "role": "agent"}]}"#)
        #expect(dir.store.check().map(\.description) == [
            "reminders.json:2:25: reminders[0].title: expected a string, found 5",
            "reminders.json:2:40: reminders[0].priority: expected one of high, normal, low, found \"urgent\"",
            "reminders.json:2:78: reminders[0].due: expected a time like 2026-11-23T10:00:00+01:00, found \"soon\"",
            "reminders.json:2:115: reminders[0].acknowledged_by.maria: expected a time like 2026-11-23T10:00:00+01:00, found \"never\"",
            "reminders.json:3:43: reminders[1].owners: expected an array, found \"maria\"",
            "reminders.json:4:10: reminders[2].id: id \"r2\" is used again; first at reminders[1]",
        ])
    }

    @Test func aNewerFileIsReportedOnce() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("cases.json", #"{"version": 3, "cases": [{"whatever": 1}]}"#)
        #expect(dir.store.check().map(\.description) == [
            "cases.json:1:13: version: format version 3 is newer than this crmtop understands (2); the file was written by a newer crmtop",
        ])
    }
}

@Suite struct HostileMessageTests {
    /// Messages quote the file; printed to a terminal, they must not carry its escapes.
    @Test func controlCharactersInQuotedTextAreEscaped() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("reminders.json", #"{"version": 2, "reminders": [{"id": "r", "title": "t", "owners": [], "due": "\u001b]0;owned\u0007"}], "\u009b2J": 1}"#)
        var message = ""
        do throws(LoadError) { _ = try dir.store.load() } catch { message = error.description }
        #expect(message.contains(#"found "\u{1b}]0;owned\u{7}""#), "\(message)")
        let problems = dir.store.check().map(\.description).joined(separator: "\n")
        #expect(!problems.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    }
}
