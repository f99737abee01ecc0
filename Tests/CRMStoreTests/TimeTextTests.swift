import CRMCore
import Foundation
import Testing

@Suite struct TimeTextTests {
    @Test(arguments: [
        ("2026-11-23T10:00:00+01:00", utc(2026, 11, 23, 9)),
        ("2026-11-23T10:00:00Z", utc(2026, 11, 23, 10)),
        ("2026-11-23t10:00:00z", utc(2026, 11, 23, 10)),
        ("2026-11-23T10:00:00-05:30", utc(2026, 11, 23, 15, 30)),
        ("2026-11-23T10:00:00+0100", utc(2026, 11, 23, 9)),
        ("2026-11-23T10:00:00+01", utc(2026, 11, 23, 9)),
        ("2026-11-23T10:00+01:00", utc(2026, 11, 23, 9)),
        ("2026-11-23 10:00Z", utc(2026, 11, 23, 10)),
        ("2024-02-29T23:59:59Z", utc(2024, 2, 29, 23, 59, 59)),
        ("1969-12-31T23:59:59Z", utc(1969, 12, 31, 23, 59, 59)),
        // Proleptic Gregorian, as ISO 8601 says; Foundation's calendar turns Julian before 1582.
        ("0001-01-01T00:00:00Z", Date(timeIntervalSince1970: -62_135_596_800)),
    ])
    func withOffset(text: String, expected: Date) {
        #expect(TimeText.parse(text, zone: berlin) == expected)
        // The zone only matters without an offset.
        #expect(TimeText.parse(text, zone: .gmt) == expected)
    }

    @Test func fractionalSeconds() {
        let base = utc(2026, 11, 23, 9)
        #expect(TimeText.parse("2026-11-23T10:00:00.5+01:00", zone: .gmt) == base + 0.5)
        #expect(TimeText.parse("2026-11-23T09:00:00.250Z", zone: .gmt) == base + 0.25)
        #expect(TimeText.parse("2026-11-23T09:00:00.123456789123Z", zone: .gmt)!
            .timeIntervalSince(base) > 0.1234567)
    }

    @Test func withoutOffsetUsesTheGivenZone() {
        #expect(TimeText.parse("2026-11-23T10:00:00", zone: berlin) == utc(2026, 11, 23, 9))
        #expect(TimeText.parse("2026-07-01T10:00:00", zone: berlin) == utc(2026, 7, 1, 8))
        #expect(TimeText.parse("2026-11-23 10:00", zone: berlin) == utc(2026, 11, 23, 9))
        #expect(TimeText.parse("2026-11-23 10:00", zone: TimeZone(identifier: "America/New_York")!)
            == utc(2026, 11, 23, 15))
        #expect(TimeText.parse("2026-11-23 10:00", zone: TimeZone(identifier: "Asia/Kolkata")!)
            == utc(2026, 11, 23, 4, 30))
    }

    @Test func daylightSavingGapMovesForward() {
        // Berlin skips 02:00–03:00 on 2026-03-29; 02:30 does not exist and means 03:30 CEST.
        #expect(TimeText.parse("2026-03-29 02:30", zone: berlin) == utc(2026, 3, 29, 1, 30))
        #expect(TimeText.parse("2026-03-29 03:00", zone: berlin) == utc(2026, 3, 29, 1))
        #expect(TimeText.parse("2026-03-29 01:59", zone: berlin) == utc(2026, 3, 29, 0, 59))
    }

    @Test func daylightSavingOverlapTakesTheFirst() {
        // 02:30 happens twice on 2026-10-25 in Berlin: first in CEST (00:30Z), then CET (01:30Z).
        #expect(TimeText.parse("2026-10-25 02:30", zone: berlin) == utc(2026, 10, 25, 0, 30))
        #expect(TimeText.parse("2026-10-25 03:00", zone: berlin) == utc(2026, 10, 25, 2))
        #expect(TimeText.parse("2026-10-25 01:59", zone: berlin) == utc(2026, 10, 24, 23, 59))
    }

    @Test(arguments: [
        "", "2026-11-23", "2026-11-23T10", "2026-11-23T10:00:00+", "2026-11-23T10:00:00+1",
        "2026-13-01T00:00Z", "2026-02-29T00:00Z", "2026-11-31T00:00Z", "2026-11-23T24:00Z",
        "2026-11-23T10:60Z", "2026-11-23T10:00:60Z", "2026-11-23T10:00:00.Z", "2026-11-23T10:00:00ZZ",
        "2026-11-23T10:00:00+01:00 ", " 2026-11-23T10:00Z", "26-11-23T10:00Z", "2026/11/23 10:00",
        "2026-11-23X10:00", "２０２６-11-23T10:00Z", "2026-11-23T10:00:00+25:00", "tomorrow",
    ])
    func rejects(text: String) {
        #expect(TimeText.parse(text, zone: berlin) == nil)
    }

    @Test func formatsWithTheZoneOffset() {
        #expect(TimeText.format(utc(2026, 11, 23, 10), zone: berlin) == "2026-11-23T11:00:00+01:00")
        #expect(TimeText.format(utc(2026, 7, 1, 10), zone: berlin) == "2026-07-01T12:00:00+02:00")
        #expect(TimeText.format(utc(2026, 7, 1, 10), zone: TimeZone(identifier: "America/St_Johns")!)
            == "2026-07-01T07:30:00-02:30")
        #expect(TimeText.format(utc(2026, 7, 1, 10), zone: .gmt) == "2026-07-01T10:00:00+00:00")
        #expect(TimeText.formatUTC(utc(2026, 11, 23, 10)) == "2026-11-23T10:00:00Z")
        #expect(TimeText.formatUTC(utc(1960, 1, 2, 3, 4, 5)) == "1960-01-02T03:04:05Z")
    }

    @Test func formatsMillisecondsOnlyWhenThereAreAny() {
        #expect(TimeText.formatUTC(utc(2026, 11, 23, 10) + 0.25) == "2026-11-23T10:00:00.250Z")
        #expect(TimeText.formatUTC(utc(2026, 11, 23, 10) + 0.0004) == "2026-11-23T10:00:00Z")
        #expect(TimeText.formatUTC(utc(2026, 11, 23, 10) - 0.25) == "2026-11-23T09:59:59.750Z")
    }

    @Test func roundTripsAcrossYearsAndZones() {
        let zones = [berlin, .gmt, TimeZone(identifier: "Pacific/Chatham")!, TimeZone(identifier: "America/Los_Angeles")!]
        var t = -2_000_000_000.0
        while t < 4_000_000_000 {
            let date = Date(timeIntervalSince1970: t)
            for zone in zones {
                #expect(TimeText.parse(TimeText.format(date, zone: zone), zone: .gmt) == date)
            }
            #expect(TimeText.parse(TimeText.formatUTC(date), zone: berlin) == date)
            t += 7_777_777.5
        }
    }

    /// From 1583 on, where Foundation's calendar is Gregorian too.
    @Test func agreesWithFoundationOnCalendarDays() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        for days in stride(from: -140_000, to: 2_900_000, by: 997) {
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            let text = String(format: "%04d-%02d-%02dT00:00:00Z", c.year!, c.month!, c.day!)
            #expect(TimeText.formatUTC(date) == text)
        }
    }

    @Test func wallClockAndLocalDates() {
        let (day, second) = TimeText.wallClock(utc(2026, 11, 23, 23, 30), zone: berlin)
        #expect(day == LocalDate(year: 2026, month: 11, day: 24))
        #expect(second == 30 * 60)
        #expect(TimeText.date(LocalDate(year: 2026, month: 3, day: 29), minute: 150, zone: berlin)
            == utc(2026, 3, 29, 1, 30))
    }

    /// Times read one after another remember their day; whatever follows, each reads as it
    /// would alone, and a day that is not real is never remembered as one.
    @Test func timesReadInARowReadAsEachAlone() {
        let texts = [
            "2026-11-23T10:00:00+01:00", "2026-11-23T23:59:59+01:00", "2026-11-23T24:00:00+01:00",
            "2026-11-24T00:00:00-05:00", "2026-02-30T10:00:00+01:00", "2026-02-30T10:00:00+01:00",
            "2026-02-28T10:00:00+01:00", "2024-02-29T10:00:00Z", "2024-02-29T10:00:00+00:00",
            "2026-11-2xT10:00:00+01:00", "2026-11-23 10:00", "2026-11-23T10:00:00+01:00",
        ]
        var recent = TimeText.RecentDay()
        for text in texts {
            var copy = text
            let inARow = copy.withUTF8 { TimeText.parse(utf8: $0, zone: berlin, recent: &recent) }
            #expect(inARow == TimeText.parse(text, zone: berlin), "\(text)")
        }
    }
}
