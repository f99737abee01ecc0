import CRMCore
import Foundation
import Testing

/// The one reader of typed times, shared by the dashboard's forms and the command line.
/// "Now" is Monday 2026-11-23 10:00 in Berlin.
@Suite struct InputTimeTests {
    static let zone = TimeZone(identifier: "Europe/Berlin")!
    static let now = TimeText.parse("2026-11-23T10:00:00+01:00", zone: zone)!

    func read(_ text: String) -> String? {
        InputTime.parse(text, now: Self.now, zone: Self.zone).map { TimeText.format($0, zone: Self.zone) }
    }

    @Test(arguments: [
        ("now", "2026-11-23T10:00:00+01:00"),
        ("14:30", "2026-11-23T14:30:00+01:00"),
        ("9:05", "2026-11-23T09:05:00+01:00"),
        ("today 17:00", "2026-11-23T17:00:00+01:00"),
        ("tomorrow 9:00", "2026-11-24T09:00:00+01:00"),
        ("yesterday 17:00", "2026-11-22T17:00:00+01:00"),
        ("+2h", "2026-11-23T12:00:00+01:00"),
        ("+ 2h", "2026-11-23T12:00:00+01:00"),
        ("in 90m", "2026-11-23T11:30:00+01:00"),
        ("2h ago", "2026-11-23T08:00:00+01:00"),
        ("In 1d", "2026-11-24T10:00:00+01:00"),
        // A weekday is the next one still to come: today while its time lies ahead.
        ("mon 14:00", "2026-11-23T14:00:00+01:00"),
        ("mon 10:00", "2026-11-23T10:00:00+01:00"),
        ("mon 9:59", "2026-11-30T09:59:00+01:00"),
        ("tue 9:00", "2026-11-24T09:00:00+01:00"),
        ("Sunday 12:00", "2026-11-29T12:00:00+01:00"),
        ("thurs 08:00", "2026-11-26T08:00:00+01:00"),
        ("2026-11-25 10:00", "2026-11-25T10:00:00+01:00"),
        ("2026-11-25T10:00:00Z", "2026-11-25T11:00:00+01:00"),
    ])
    func readsMoments(text: String, moment: String) {
        #expect(read(text) == moment)
    }

    @Test(arguments: ["", "tomorrow", "mon", "tu 9:00", "mo 9:00", "25:00", "9:5", "+-1h", "in -1h", "-1h ago",
                      "in", "+", "next mon 9:00", "tomorrow 9", "someday"])
    func refusesWhatItCannotRead(text: String) {
        #expect(read(text) == nil)
    }

    /// A clock time on a day the clocks change is that day's wall clock.
    @Test func aWeekdayAcrossTheClockChangeKeepsItsWallClock() {
        let saturday = TimeText.parse("2026-03-28T12:00:00+01:00", zone: Self.zone)!
        let monday = InputTime.parse("mon 9:00", now: saturday, zone: Self.zone)
        #expect(monday.map { TimeText.format($0, zone: Self.zone) } == "2026-03-30T09:00:00+02:00")
    }

    @Test(arguments: [
        ("2026-12-21", "2026-12-21"), ("today", "2026-11-23"), ("tomorrow", "2026-11-24"),
        ("yesterday", "2026-11-22"), ("mon", "2026-11-23"), ("Friday", "2026-11-27"), ("sun", "2026-11-29"),
    ])
    func readsDays(text: String, day: String) {
        #expect(InputTime.day(text, now: Self.now, zone: Self.zone)?.description == day)
    }

    @Test(arguments: ["", "2026-02-30", "tomorrow 9:00", "mo", "+1d"])
    func refusesWhatIsNoDay(text: String) {
        #expect(InputTime.day(text, now: Self.now, zone: Self.zone) == nil)
    }
}

@Suite struct KPIAmountTests {
    @Test(arguments: [
        ("calls", 1, "1 call"), ("calls", 3, "3 calls"), ("calls", -2, "-2 calls"), ("calls", -1, "-1 call"),
        ("replies", 1, "1 reply"), ("boxes", 1, "1 box"), ("matches", 1, "1 match"), ("cases", 1, "1 case"),
        ("meetings", 1, "1 meeting"), ("glass", 1, "1 glass"), ("kg", 1, "1 kg"),
    ])
    func aUnitIsCounted(unit: String, count: Int, text: String) {
        #expect(KPI(id: "k", name: "K", unit: unit, points: 1).amount(count) == text)
    }

    @Test func withoutAUnitTheNameIsCounted() {
        #expect(KPI(id: "demos", name: "Demos", points: 1).amount(1) == "1 × Demos")
    }
}
