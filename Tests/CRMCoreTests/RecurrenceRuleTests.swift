import CRMCore
import Foundation
import Testing

@Suite struct RecurrenceRuleTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    @Test(arguments: [
        "FREQ=WEEKLY;INTERVAL=2;COUNT=8;BYDAY=TU,TH;WKST=SU",
        "FREQ=MONTHLY;BYDAY=1SU,-1SU",
        "FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1",
        "FREQ=YEARLY;UNTIL=20271231T230000Z;BYMONTH=11;BYMONTHDAY=2,3,4;BYDAY=TU",
        "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
        "FREQ=DAILY;UNTIL=20271231",
    ])
    func writesBackWhatItRead(_ text: String) throws {
        #expect(try RecurrenceRule(parsing: text, zone: Self.berlin).text(zone: Self.berlin) == text)
    }

    @Test func partsAreReadInAnyOrderAndCase() throws {
        let rule = try RecurrenceRule(parsing: "byday=mo,we;freq=weekly;interval=3", zone: Self.berlin)
        #expect(rule.text(zone: Self.berlin) == "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,WE")
    }

    @Test(arguments: [
        ("FREQ=HOURLY", "FREQ=HOURLY: repeats more often than daily; crmtop reads DAILY, WEEKLY, MONTHLY and YEARLY"),
        ("INTERVAL=2", "the rule has no FREQ"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY=XX: \"XX\" is not a weekday (MO … SU, optionally numbered: 1MO, -1FR)"),
        ("FREQ=WEEKLY;BYDAY=1MO", "BYDAY: a numbered weekday (1MO) needs FREQ=MONTHLY or YEARLY"),
        ("FREQ=DAILY;COUNT=0", "COUNT=0: out of range; crmtop reads COUNT from 1 to 10000"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20270101", "COUNT: a rule ends by COUNT or by UNTIL, not both"),
        ("FREQ=DAILY;BYHOUR=9,17", "BYHOUR=9,17: crmtop repeats at the first occurrence's clock time, not by hour, minute or second"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY=32: \"32\" is not a number from ±1 to 31"),
        ("FREQ=DAILY;FREQ=WEEKLY", "FREQ: given twice"),
        ("FREQ=DAILY;UNTIL=20270230", "UNTIL=20270230: not a date or date-time"),
    ])
    func refusesWhatItCannotRepeatNamingThePart(_ text: String, _ message: String) {
        #expect(throws: RecurrenceRule.ParseError.self) { try RecurrenceRule(parsing: text, zone: Self.berlin) }
        do {
            _ = try RecurrenceRule(parsing: text, zone: Self.berlin)
        } catch {
            #expect(error.message == message)
        }
    }

    /// A series of 10,000 counted occurrences still answers at its far end.
    @Test func aLongCountedSeriesEnds() throws {
        let start = TimeText.parse("2026-01-01T09:00:00", zone: Self.berlin)!
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=10000", zone: Self.berlin)
        let series = SeriesExpansion(set: RecurrenceSet(rule), start: start, zone: Self.berlin)
        let last = try #require(series.last(atOrBefore: start.addingTimeInterval(100 * 366 * 86_400)))
        #expect(TimeText.format(last, zone: Self.berlin) == "2053-05-18T09:00:00+02:00")
        #expect(series.first(after: last) == nil)
    }

    /// A moved occurrence with RANGE=THISANDFUTURE moves every later one with it.
    @Test func thisAndFutureMovesTheRestOfTheSeries() throws {
        func t(_ s: String) -> Date { TimeText.parse(s, zone: Self.berlin)! }
        let set = RecurrenceSet(rules: [try RecurrenceRule(parsing: "FREQ=WEEKLY;COUNT=5", zone: Self.berlin)],
                                overrides: [OccurrenceOverride(original: t("2026-11-16T10:00"), due: t("2026-11-17T14:00"),
                                                               thisAndFuture: true)])
        let series = SeriesExpansion(set: set, start: t("2026-11-02T10:00"), zone: Self.berlin)
        #expect(series.occurrences(from: t("2026-11-01T00:00"), to: t("2027-01-01T00:00")).map { TimeText.format($0, zone: Self.berlin) } == [
            "2026-11-02T10:00:00+01:00", "2026-11-09T10:00:00+01:00", "2026-11-17T14:00:00+01:00",
            "2026-11-24T14:00:00+01:00", "2026-12-01T14:00:00+01:00",
        ])
    }
}
