import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// A reminder's `repeat` in reminders.json: the old names load as they always did, a rule
/// set is stored whole, and a file only needs version 3 when it holds one.
@Suite struct RecurrenceFormatTests {
    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!

    static func seriesReminder() throws -> Reminder {
        let zone = melbourne
        func t(_ s: String) -> Date { TimeText.parse(s, zone: zone)! }
        let set = RecurrenceSet(
            rules: [try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TH;UNTIL=20270101T000000Z", zone: zone)],
            dates: [t("2026-03-17T08:00")], exceptions: [t("2026-04-09T19:30")],
            overrides: [OccurrenceOverride(original: t("2026-03-26T19:30"), due: t("2026-03-27T08:00"), title: "Moved")])
        return Reminder(id: "R-1", title: "Standup", owners: ["maria"], due: t("2026-03-05T19:30"),
                        repeatRule: .rules(set), zone: "Australia/Melbourne")
    }

    @Test func oldRepeatNamesStillLoadAndTheFileStaysVersion2() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("reminders.json", #"{"version": 2, "reminders": [{"id": "R-1", "title": "x", "owners": ["maria"], "due": "2026-11-23T10:00:00+01:00", "repeat": "weekdays"}]}"#)
        var data = try dir.store.load()
        #expect(data.reminders.first?.repeatRule == .weekdays)
        data.reminders[0].title = "y"
        try dir.store.save(data)
        let text = try #require(dir.text("reminders.json"))
        #expect(text.contains(#""version": 2"#) && text.contains(#""repeat": "weekdays""#))
    }

    @Test func aRuleSetIsStoredWholeInAVersion3File() throws {
        let dir = TempDir()
        defer { dir.remove() }
        var data = DataSet()
        data.reminders = [try Self.seriesReminder()]
        try dir.store.save(data)
        let text = try #require(dir.text("reminders.json"))
        #expect(text.contains(#""version": 3"#))
        #expect(text.contains(#""zone": "Australia/Melbourne""#))
        #expect(text.contains(#""FREQ=WEEKLY;UNTIL=20270101T000000Z;BYDAY=TH""#))
        #expect(try dir.store.load().reminders == data.reminders)
    }

    /// An edit through the journal carries the whole rule set too.
    @Test func anEditOfTheRuleSetGoesThroughTheJournal() throws {
        let dir = TempDir()
        defer { dir.remove() }
        var data = DataSet()
        let series = try Self.seriesReminder()
        var plain = series
        plain.repeatRule = nil
        plain.zone = nil
        data.reminders = [plain]
        try dir.store.save(data)
        let stamp = ChangeStamp(at: plain.due, actor: "maria")
        _ = try dir.store.apply([.reminder(.edit(id: "R-1", [.zone(series.zone), .repeatRule(series.repeatRule)], stamp))])
        let loaded = try #require(try dir.store.load().reminders.first)
        #expect(loaded.repeatRule == series.repeatRule && loaded.zone == "Australia/Melbourne")
    }

    @Test(arguments: [
        (#""repeat": "fortnightly""#, "reminders[0].repeat: expected one of daily, weekdays, weekly, monthly, found \"fortnightly\""),
        (#""repeat": {"rules": ["FREQ=WEEKLY;BYDAY=XX"]}"#, "reminders[0].repeat.rules[0]: BYDAY=XX: \"XX\" is not a weekday"),
        (#""repeat": {"exceptions": []}"#, "reminders[0].repeat: a repeat object needs \"rules\" or \"dates\""),
        (#""zone": "Mars/Olympus""#, "reminders[0].zone: expected a time zone like Europe/Berlin, found \"Mars/Olympus\""),
    ])
    func aBadRepeatIsRefusedNamingTheField(_ field: String, _ message: String) throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("reminders.json", #"{"version": 3, "reminders": [{"id": "R-1", "title": "x", "owners": ["maria"], "due": "2026-11-23T10:00:00+01:00", "#
            + field + "}]}")
        do {
            _ = try dir.store.load()
            Issue.record("loaded")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
