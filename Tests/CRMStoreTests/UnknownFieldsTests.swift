import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// Fields crmtop does not know are kept, wherever they are, when their file is rewritten.
@Suite struct UnknownFieldsTests {
    static let t = utc(2026, 11, 23, 9)

    @Test func theyStayWithTheirRecordThroughChangesAndCompaction() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("reminders.json", """
            {"version": 2, "exported_by": "sync tool",
             "reminders": [
              {"id": "a", "title": "A", "owners": ["maria"], "due": "2026-11-23T10:00:00Z", "crm_id": 7},
              {"id": "b", "title": "B", "owners": ["maria"], "due": "2026-11-23T10:00:00Z",
               "sync": {"source": "hubspot", "tags": ["x", 1.5, null, true]}}
             ]}
            """)
        dir.write("cases.json", """
            {"version": 2, "cases": [{"id": "c", "title": "C", "customer": "X", "opened": "2026-11-23T10:00:00Z",
              "pauses": [{"start": "2026-11-23T11:00:00Z", "reason": "waiting"}]}]}
            """)
        let store = dir.store
        try store.apply([
            .reminder(.delete(id: "a")),
            .reminder(.put(Reminder(id: "z", title: "Z", owners: ["li"], due: Self.t))),
            .reminder(.acknowledge(id: "b", person: "maria", at: Self.t)),
        ])
        var item = try store.load().cases[0]
        item.title = "C, renamed"
        try store.apply([.supportCase(.put(item))])
        try store.compact()

        let reminders = try #require(dir.text("reminders.json"))
        #expect(reminders.contains(#""exported_by": "sync tool""#))
        #expect(!reminders.contains("crm_id"))
        #expect(reminders.contains("""
                  "acknowledged_by": {"maria": "2026-11-23T09:00:00+00:00"},
                  "history": [
                    {"at": "2026-11-23T09:00:00+00:00", "actor": "maria", "action": "acknowledged"}
                  ],
                  "sync": {
                    "source": "hubspot",
                    "tags": ["x", 1.5, null, true]
                  }
            """))
        let cases = try #require(dir.text("cases.json"))
        #expect(cases.contains(#"{"start": "2026-11-23T11:00:00+00:00", "reason": "waiting"}"#))
        #expect(cases.contains("C, renamed"))
        // What was kept reads back the same, and survives another round.
        try store.apply([.reminder(.snooze(id: "b", person: "maria", until: Self.t, at: Self.t))])
        try store.compact()
        #expect(try #require(dir.text("reminders.json")).contains(#""source": "hubspot""#))
    }

    @Test func settingsPeopleAndActivitiesKeepThemToo() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("settings.json", """
            {"version": 2, "theme": "night",
             "calendars": [{"name": "other", "zone": "UTC"}, {"name": "default", "zone": "UTC", "region": "EU"}],
             "sla_policies": [{"priority": "high", "owner_team": "t1"}],
             "leaderboard": {"top_n": 5, "sound": "off"}}
            """)
        dir.write("people.json", #"{"version": 2, "people": [{"id": "li", "name": "Li", "role": "agent", "phone": "123"}], "teams": [{"id": "t", "name": "T", "color": "red"}]}"#)
        dir.write("activities.jsonl", #"{"version":2}"# + "\n" + #"{"person":"li","kpi":"calls","at":"2026-11-23T10:00:00Z","source":"phone"}"# + "\n")
        let store = dir.store
        var data = try store.load()
        // A calendar added in front: the region stays with "default", found by name.
        data.settings.calendars.insert(BusinessCalendar(name: "new", zone: "UTC", hours: []), at: 0)
        try store.apply([.settings(data.settings), .directory(.putPerson(Person(id: "jo", name: "Jo", role: "lead")))])
        try store.compact()
        try store.save(try store.load(), collections: [.activities])

        let settings = try #require(dir.text("settings.json"))
        #expect(settings.contains(#""theme": "night""#))
        #expect(settings.contains("""
                  "name": "default",
                  "zone": "UTC",
                  "hours": [],
                  "region": "EU"
            """))
        #expect(settings.contains(#""owner_team": "t1""#))
        #expect(settings.contains(#""sound": "off""#))
        let people = try #require(dir.text("people.json"))
        #expect(people.contains(#""phone": "123""#) && people.contains(#""color": "red""#))
        #expect(dir.text("activities.jsonl")?.contains(#""source":"phone""#) == true)
    }
}
