import CRMCore
import Foundation
import Testing
@testable import CRMStore

@Suite struct RoundTripTests {
    @Test func everyCollectionRoundTrips() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(Samples.full)
        let loaded = try dir.store.load()
        #expect(loaded.settings == Samples.full.settings)
        #expect(loaded.reminders == Samples.full.reminders)
        #expect(loaded.cases == Samples.full.cases)
        #expect(loaded.influencers == Samples.full.influencers)
        #expect(loaded.people == Samples.full.people)
        #expect(loaded.teams == Samples.full.teams)
        #expect(loaded.kpis == Samples.full.kpis)
        #expect(loaded.activities == Samples.full.activities)
        #expect(loaded == Samples.full)
    }

    @Test(arguments: DataStore.Collection.allCases)
    func eachCollectionOnItsOwn(collection: DataStore.Collection) throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(Samples.full, collections: [collection])
        #expect(dir.files == [collection.fileName])
        let loaded = try dir.store.load()
        var expected = DataSet()
        switch collection {
        case .settings: expected.settings = Samples.full.settings
        case .reminders: expected.reminders = Samples.full.reminders
        case .cases: expected.cases = Samples.full.cases
        case .influencers: expected.influencers = Samples.full.influencers
        case .people: (expected.people, expected.teams) = (Samples.full.people, Samples.full.teams)
        case .kpis: expected.kpis = Samples.full.kpis
        case .activities: expected.activities = Samples.full.activities
        }
        #expect(loaded == expected)
    }

    @Test func savingTwiceWritesTheSameBytes() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(Samples.full)
        let first = DataStore.Collection.allCases.map { dir.read($0.fileName) }
        try dir.store.save(try dir.store.load())
        #expect(DataStore.Collection.allCases.map { dir.read($0.fileName) } == first)
    }

    @Test func emptyDataSetRoundTrips() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(DataSet())
        #expect(try dir.store.load() == DataSet())
        #expect(dir.text("activities.jsonl") == "{\"version\":2}\n")
        #expect(dir.text("reminders.json") == "{\n  \"version\": 2,\n  \"reminders\": []\n}\n")
    }

    @Test func aMissingDirectoryLoadsAsEmpty() throws {
        let store = DataStore(directory: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"))
        #expect(try store.load() == DataSet())
    }

    @Test func timesAreWrittenWithTheDefaultCalendarsOffset() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(Samples.full, collections: [.reminders, .activities])
        let reminders = try #require(dir.text("reminders.json"))
        #expect(reminders.contains(#""due": "2026-11-23T10:00:00+01:00""#))
        #expect(reminders.contains(#""due": "2026-07-01T08:15:00+02:00""#))
        #expect(reminders.contains(#""due": "2026-09-21T16:13:20.250+02:00""#))
        #expect(reminders.contains(#""acknowledged_by": {"li": "2026-11-23T09:30:00+01:00"},"#))
        let activities = try #require(dir.text("activities.jsonl"))
        #expect(activities.split(separator: "\n")[1]
            == #"{"person":"maria","kpi":"calls","count":3,"at":"2026-11-23T10:05:00+01:00","note":"morning block"}"#)
    }

    @Test func settingsReadTheWayTheyAreWritten() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(Samples.full, collections: [.settings])
        let text = try #require(dir.text("settings.json"))
        #expect(text.contains(#""hours": ["Mon-Fri 09:00-17:00", "Sat 10:00-14:00"]"#))
        #expect(text.contains(#""warn_at_percent": 75"#))
        #expect(text.contains(#""warn_at_percent": 57.5"#))
        #expect(text.contains(#""after": "breach+2h""#))
        #expect(text.contains(#""week_start": "sunday""#))
        #expect(text.contains(#""resolution": "5d1h30m""#))
    }

    /// Big enough to catch anything quadratic; the printed times are for a debug build.
    @Test func twentyThousandReminders() throws {
        let dir = TempDir()
        defer { dir.remove() }
        var data = DataSet(settings: Samples.settings)
        let template = Samples.full.reminders[0]
        data.reminders = (0..<20_000).map { n in
            var r = template
            r.id = "r\(n)"
            r.due = r.due + Double(n * 60)
            return r
        }
        let clock = ContinuousClock()
        let saving = try clock.measure { try dir.store.save(data, collections: [.reminders]) }
        var loaded = DataSet()
        let loading = try clock.measure { loaded = try dir.store.load() }
        #expect(loaded.reminders == data.reminders)
        print("20,000 reminders, \(dir.read("reminders.json")!.count / 1_000_000) MB: save \(saving), load \(loading)")
    }
}
