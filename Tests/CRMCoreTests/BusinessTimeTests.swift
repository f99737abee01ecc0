import Foundation
import Testing
@testable import CRMCore

/// Calendars and helpers shared by the business-time and SLA tests.
enum BusinessTimeFixtures {
    /// `2026-03-24T10:00+01:00`, seconds optional, `Z` allowed. Parsed by hand so the tests do
    /// not depend on a date formatter's leniency.
    static func at(_ text: String) -> Date {
        let chars = Array(text)
        func int(_ from: Int, _ count: Int) -> Int { Int(String(chars[from..<from + count]))! }
        let date = LocalDate(year: int(0, 4), month: int(5, 2), day: int(8, 2))
        var seconds = int(11, 2) * 3600 + int(14, 2) * 60
        var rest = 16
        if chars.count > 16 && chars[16] == ":" {
            seconds += int(17, 2)
            rest = 19
        }
        var offset = 0
        if chars[rest] != "Z" {
            let sign = chars[rest] == "-" ? -1 : 1
            offset = sign * (int(rest + 1, 2) * 3600 + int(rest + 4, 2) * 60)
        }
        return Date(timeIntervalSince1970: Double(days(date) * 86_400 + seconds - offset))
    }

    static func days(_ date: LocalDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((date.month + 9) % 12) + 2) / 5 + date.day - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    static func day(_ text: String) -> LocalDate { LocalDate(text)! }

    static func ranges(_ weekdays: ClosedRange<Int>, _ from: String, _ to: String) -> [OpenRange] {
        func minute(_ hhmm: String) -> Int {
            let parts = hhmm.split(separator: ":").map { Int($0)! }
            return parts[0] * 60 + parts[1]
        }
        return weekdays.map { OpenRange(weekday: $0, startMinute: minute(from), endMinute: minute(to)) }
    }

    static let h = 3600.0

    /// Mon–Fri 09:00–17:00 in Berlin with Good Friday, Easter Monday and Christmas 2026 off.
    static let office = BusinessCalendar(
        name: "office", zone: "Europe/Berlin", hours: ranges(1...5, "09:00", "17:00"),
        holidays: ["2026-04-03", "2026-04-06", "2026-12-24", "2026-12-25"].map(day))

    /// Mon–Fri 09:00–12:00 and 13:00–17:00 (7 h a day) in Berlin.
    static let split = BusinessCalendar(
        name: "split", zone: "Europe/Berlin",
        hours: ranges(1...5, "09:00", "12:00") + ranges(1...5, "13:00", "17:00"))

    /// Sunday 00:00–06:00 (across every European change) plus office hours, in Berlin.
    static let berlinNight = BusinessCalendar(
        name: "night", zone: "Europe/Berlin",
        hours: ranges(7...7, "00:00", "06:00") + ranges(1...5, "09:00", "17:00"))

    /// Sunday 00:00–06:00 (across every US change) plus office hours, in New York.
    static let newYorkNight = BusinessCalendar(
        name: "ny-night", zone: "America/New_York",
        hours: ranges(7...7, "00:00", "06:00") + ranges(1...5, "09:00", "17:00"))

    /// Office hours in New York: never open when the clocks change.
    static let newYorkOffice = BusinessCalendar(
        name: "ny", zone: "America/New_York", hours: ranges(1...5, "09:00", "17:00"))

    /// Sunday 01:30–03:30 in Berlin: on spring-forward day only an hour of it exists.
    static let berlinEarlySunday = BusinessCalendar(
        name: "early", zone: "Europe/Berlin", hours: ranges(7...7, "01:30", "03:30"))

    /// Sunday 02:30–05:00 in Berlin: starts inside the skipped and the repeated hour.
    static let berlinLateSunday = BusinessCalendar(
        name: "late", zone: "Europe/Berlin", hours: ranges(7...7, "02:30", "05:00"))

    /// Lord Howe Island moves its clocks by half an hour at 02:00 (to 02:30 in October, back to
    /// 01:30 in April); every day 01:00–03:00 and 09:00–17:00.
    static let lordHowe = BusinessCalendar(
        name: "lord-howe", zone: "Australia/Lord_Howe",
        hours: ranges(1...7, "01:00", "03:00") + ranges(1...7, "09:00", "17:00"))

    static let aroundTheClock = BusinessCalendar(name: "24x7", zone: "UTC", hours: [])

    /// 24×7 in Berlin, closed on Christmas Day and on fall-back Sunday (a 25-hour day).
    static let aroundTheClockWithHolidays = BusinessCalendar(
        name: "24x7-holidays", zone: "Europe/Berlin", hours: [],
        holidays: ["2026-12-25", "2026-10-25"].map(day))

    static let aroundTheClockBerlin = BusinessCalendar(name: "24x7-berlin", zone: "Europe/Berlin", hours: [])

    /// A range that is empty: the calendar has hours but never opens.
    static let neverOpen = BusinessCalendar(
        name: "never", zone: "Europe/Berlin", hours: [OpenRange(weekday: 1, startMinute: 600, endMinute: 600)])

    static let all = [office, split, berlinNight, newYorkNight, newYorkOffice, berlinEarlySunday,
                      berlinLateSunday, lordHowe, aroundTheClock, aroundTheClockWithHolidays,
                      aroundTheClockBerlin, neverOpen]

    static func calendar(_ name: String) -> BusinessCalendar { all.first { $0.name == name }! }

    /// Oracle: decides openness by asking Foundation for the wall-clock time of the instant.
    static func bruteIsOpen(_ calendar: BusinessCalendar, _ instant: Date) -> Bool {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = calendar.timeZone
        let c = gregorian.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: instant)
        let date = LocalDate(year: c.year!, month: c.month!, day: c.day!)
        if calendar.holidays.contains(date) { return false }
        if calendar.hours.isEmpty { return true }
        let weekday = (c.weekday! + 5) % 7 + 1
        let minute = c.hour! * 60 + c.minute!
        return calendar.hours.contains {
            $0.weekday == weekday && $0.startMinute <= minute && minute < $0.endMinute
        }
    }

    /// Oracle: every range edge, offset and change in these calendars falls on a quarter hour,
    /// so a quarter hour aligned in UTC is open or closed throughout.
    static func bruteBusinessSeconds(_ calendar: BusinessCalendar, _ from: Date, _ to: Date) -> Double {
        var total = 0.0
        var t = from
        while t < to {
            if bruteIsOpen(calendar, t) { total += 900 }
            t += 900
        }
        return total
    }
}

private typealias F = BusinessTimeFixtures

struct SpanRow: Sendable, CustomTestStringConvertible {
    var calendar: BusinessCalendar
    var from: String
    var to: String
    var hours: Double
    var why: String
    var testDescription: String { "\(calendar.name) \(from) → \(to): \(why)" }

    init(_ calendar: BusinessCalendar, _ from: String, _ to: String, _ hours: Double, _ why: String) {
        self.calendar = calendar
        self.from = from
        self.to = to
        self.hours = hours
        self.why = why
    }
}

struct AddRow: Sendable, CustomTestStringConvertible {
    var calendar: BusinessCalendar
    var start: String
    var hours: Double
    var expected: String
    var why: String
    var testDescription: String { "\(calendar.name) \(start) + \(hours) h: \(why)" }

    init(_ calendar: BusinessCalendar, _ start: String, _ hours: Double, _ expected: String, _ why: String) {
        self.calendar = calendar
        self.start = start
        self.hours = hours
        self.expected = expected
        self.why = why
    }
}

@Suite("Business time")
struct BusinessTimeTests {
    @Test(arguments: [
        SpanRow(F.office, "2026-03-24T10:00+01:00", "2026-03-24T15:30+01:00", 5.5,
                "Tuesday, inside one day"),
        SpanRow(F.office, "2026-03-24T08:00+01:00", "2026-03-24T10:00+01:00", 1,
                "starts before opening: only 09:00–10:00 counts"),
        SpanRow(F.office, "2026-03-24T16:00+01:00", "2026-03-24T20:00+01:00", 1,
                "ends after closing: only 16:00–17:00 counts"),
        SpanRow(F.office, "2026-03-20T16:00+01:00", "2026-03-23T10:00+01:00", 2,
                "Friday 16–17 plus Monday 9–10; the weekend counts nothing"),
        SpanRow(F.office, "2026-03-21T10:00+01:00", "2026-03-22T20:00+01:00", 0,
                "Saturday to Sunday: closed throughout"),
        SpanRow(F.office, "2026-03-16T00:00+01:00", "2026-03-23T00:00+01:00", 40,
                "a whole week: 5 days × 8 h"),
        SpanRow(F.office, "2026-03-23T00:00+01:00", "2026-03-30T00:00+02:00", 40,
                "the week clocks spring forward: still 5 × 8 h though only 167 h pass"),
        SpanRow(F.office, "2026-03-27T16:00+01:00", "2026-03-30T10:00+02:00", 2,
                "Friday 16–17 CET plus Monday 9–10 CEST; the change falls on closed Sunday"),
        SpanRow(F.office, "2026-04-02T16:00+02:00", "2026-04-07T10:00+02:00", 2,
                "Thursday 16–17, Good Friday and Easter Monday off, Tuesday 9–10"),
        SpanRow(F.office, "2026-12-23T09:00+01:00", "2026-12-28T09:00+01:00", 8,
                "Wednesday 8 h; 24 and 25 December are holidays; then the weekend"),
        SpanRow(F.office, "2026-01-05T00:00+01:00", "2027-01-04T00:00+01:00", 256 * 8,
                "52 weeks: 260 weekdays less 4 holidays (3 Apr, 6 Apr, 24 Dec, 25 Dec), 8 h each"),
        SpanRow(F.office, "2026-03-24T15:30+01:00", "2026-03-24T10:00+01:00", -5.5,
                "reversed span is negative"),
        SpanRow(F.split, "2026-03-24T11:00+01:00", "2026-03-24T14:00+01:00", 2,
                "11–12 and 13–14; lunch does not count"),
        SpanRow(F.split, "2026-03-24T12:15+01:00", "2026-03-24T12:45+01:00", 0,
                "inside lunch"),
        SpanRow(F.split, "2026-03-20T11:30+01:00", "2026-03-23T13:30+01:00", 8,
                "Friday 11:30–12 and 13–17 (4.5 h), Monday 9–12 and 13–13:30 (3.5 h)"),
        SpanRow(F.split, "2026-03-16T00:00+01:00", "2026-03-23T00:00+01:00", 35,
                "a whole week: 5 × (3 h + 4 h)"),
        SpanRow(F.berlinNight, "2026-03-29T00:00+01:00", "2026-03-29T06:00+02:00", 5,
                "Berlin spring forward 2026: 00–02 CET then 03–06 CEST; 02–03 never happens"),
        SpanRow(F.berlinNight, "2026-10-25T00:00+02:00", "2026-10-25T06:00+01:00", 7,
                "Berlin fall back 2026: 00–03 CEST then 02–06 CET; 02–03 happens twice"),
        SpanRow(F.berlinNight, "2027-03-28T00:00+01:00", "2027-03-28T06:00+02:00", 5,
                "Berlin spring forward 2027"),
        SpanRow(F.berlinNight, "2027-10-31T00:00+02:00", "2027-10-31T06:00+01:00", 7,
                "Berlin fall back 2027"),
        SpanRow(F.berlinNight, "2026-03-28T12:00+01:00", "2026-03-30T10:00+02:00", 6,
                "Saturday noon to Monday 10:00: 5 h on Sunday night plus Monday 9–10"),
        SpanRow(F.berlinNight, "2026-10-25T02:30+02:00", "2026-10-25T02:30+01:00", 1,
                "first 02:30 to second 02:30: one real hour, all of it open"),
        SpanRow(F.berlinEarlySunday, "2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00", 1,
                "01:30–03:30 on spring-forward day: 01:30–02:00 CET plus 03:00–03:30 CEST"),
        SpanRow(F.berlinEarlySunday, "2026-10-25T00:00+02:00", "2026-10-26T00:00+01:00", 3,
                "01:30–03:30 on fall-back day: 01:30–03:00 CEST plus 02:00–03:30 CET"),
        SpanRow(F.berlinEarlySunday, "2026-03-22T00:00+01:00", "2026-03-23T00:00+01:00", 2,
                "01:30–03:30 on an ordinary Sunday"),
        SpanRow(F.berlinLateSunday, "2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00", 2,
                "02:30–05:00 on spring-forward day: 02:30–03:00 does not exist, 03:00–05:00 CEST"),
        SpanRow(F.berlinLateSunday, "2026-10-25T00:00+02:00", "2026-10-26T00:00+01:00", 3,
                "02:30–05:00 on fall-back day: 02:30–03:00 CEST plus 02:30–05:00 CET"),
        SpanRow(F.newYorkNight, "2026-03-08T00:00-05:00", "2026-03-08T06:00-04:00", 5,
                "New York spring forward 2026: 00–02 EST then 03–06 EDT"),
        SpanRow(F.newYorkNight, "2026-11-01T00:00-04:00", "2026-11-01T06:00-05:00", 7,
                "New York fall back 2026: 00–02 EDT then 01–06 EST"),
        SpanRow(F.newYorkNight, "2027-03-14T00:00-05:00", "2027-03-14T06:00-04:00", 5,
                "New York spring forward 2027"),
        SpanRow(F.newYorkNight, "2027-11-07T00:00-04:00", "2027-11-07T06:00-05:00", 7,
                "New York fall back 2027"),
        SpanRow(F.newYorkOffice, "2026-03-06T16:00-05:00", "2026-03-09T10:00-04:00", 2,
                "Friday 16–17 EST plus Monday 9–10 EDT; 65 wall hours but the change is closed"),
        SpanRow(F.newYorkOffice, "2026-10-30T16:00-04:00", "2026-11-02T10:00-05:00", 2,
                "Friday 16–17 EDT plus Monday 9–10 EST"),
        SpanRow(F.newYorkOffice, "2027-03-12T16:00-05:00", "2027-03-15T10:00-04:00", 2,
                "Friday 16–17 EST plus Monday 9–10 EDT, 2027"),
        SpanRow(F.newYorkOffice, "2027-11-05T16:00-04:00", "2027-11-08T10:00-05:00", 2,
                "Friday 16–17 EDT plus Monday 9–10 EST, 2027"),
        SpanRow(F.lordHowe, "2026-10-04T00:00+10:30", "2026-10-04T04:00+11:00", 1.5,
                "Lord Howe springs forward half an hour: 01–02 then 02:30–03"),
        SpanRow(F.lordHowe, "2026-04-05T00:00+11:00", "2026-04-05T04:00+10:30", 2.5,
                "Lord Howe falls back half an hour: 01–02 then 01:30–03"),
        SpanRow(F.aroundTheClock, "2026-03-20T18:00Z", "2026-03-23T09:00Z", 63,
                "24×7 counts plain elapsed time: Friday 18:00 to Monday 09:00"),
        SpanRow(F.aroundTheClockBerlin, "2026-10-24T00:00+02:00", "2026-10-26T00:00+01:00", 49,
                "24×7 without holidays across fall back: plain elapsed, Sunday has 25 h"),
        SpanRow(F.aroundTheClockWithHolidays, "2026-12-24T12:00+01:00", "2026-12-26T12:00+01:00", 24,
                "24×7 with Christmas Day off: 12 h on the 24th plus 12 h on the 26th"),
        SpanRow(F.aroundTheClockWithHolidays, "2026-10-24T00:00+02:00", "2026-10-26T00:00+01:00", 24,
                "24×7 with fall-back Sunday off: Saturday's 24 h; the 25-hour Sunday counts nothing"),
        SpanRow(F.neverOpen, "2026-03-20T00:00+01:00", "2026-04-20T00:00+02:00", 0,
                "hours with only an empty range: never open"),
    ])
    func businessSeconds(_ row: SpanRow) {
        #expect(row.calendar.businessSeconds(from: F.at(row.from), to: F.at(row.to)) == row.hours * F.h)
    }

    @Test(arguments: [
        AddRow(F.office, "2026-03-24T10:00+01:00", 2, "2026-03-24T12:00+01:00", "inside one day"),
        AddRow(F.office, "2026-03-24T09:00+01:00", 8, "2026-03-24T17:00+01:00",
               "a full day ends at 17:00 the same day, not at 09:00 the next"),
        AddRow(F.office, "2026-03-20T18:00+01:00", 0, "2026-03-23T09:00+01:00",
               "opened Friday 18:00: nothing added, the start moves to Monday 09:00"),
        AddRow(F.office, "2026-03-20T18:00+01:00", 1, "2026-03-23T10:00+01:00",
               "opened Friday 18:00: counting starts Monday 09:00"),
        AddRow(F.office, "2026-03-20T16:00+01:00", 2, "2026-03-23T10:00+01:00",
               "Friday 16–17, then Monday 9–10"),
        AddRow(F.office, "2026-03-27T16:00+01:00", 2, "2026-03-30T10:00+02:00",
               "across spring forward: Monday 10:00 is CEST"),
        AddRow(F.office, "2026-04-02T16:00+02:00", 2, "2026-04-07T10:00+02:00",
               "Thursday 16–17, skips Good Friday, the weekend and Easter Monday"),
        AddRow(F.office, "2026-01-05T00:00+01:00", 256 * 8, "2027-01-01T17:00+01:00",
               "a year of working days ends on the evening of the last one (1 Jan 2027 is no holiday here)"),
        AddRow(F.office, "2026-03-23T10:00+01:00", -2, "2026-03-20T16:00+01:00",
               "backwards: Monday 10:00 less 2 h is Friday 16:00"),
        AddRow(F.office, "2026-03-24T10:00+01:00", -1, "2026-03-24T09:00+01:00",
               "backwards to the opening"),
        AddRow(F.office, "2026-03-21T12:00+01:00", -1, "2026-03-20T16:00+01:00",
               "backwards from a closed Saturday"),
        AddRow(F.split, "2026-03-24T11:00+01:00", 2, "2026-03-24T14:00+01:00", "across lunch"),
        AddRow(F.split, "2026-03-24T11:00+01:00", 1, "2026-03-24T12:00+01:00",
               "reaching the end of the morning stops there, not at 13:00"),
        AddRow(F.split, "2026-03-24T12:30+01:00", 0.5, "2026-03-24T13:30+01:00",
               "starting at lunch: counting starts at 13:00"),
        AddRow(F.berlinNight, "2026-03-29T00:00+01:00", 3, "2026-03-29T04:00+02:00",
               "00–02 CET (2 h), then 03–04 CEST"),
        AddRow(F.berlinNight, "2026-10-25T00:00+02:00", 4, "2026-10-25T03:00+01:00",
               "00–03 CEST (3 h), then 02–03 CET"),
        AddRow(F.berlinNight, "2026-10-25T00:00+02:00", -1, "2026-10-23T16:00+02:00",
               "backwards from Sunday midnight: Friday 16:00"),
        AddRow(F.berlinNight, "2026-10-25T05:00+01:00", -4, "2026-10-25T02:00+02:00",
               "backwards over the repeated hour: 02–05 CET (3 h), then 02–03 CEST"),
        AddRow(F.newYorkNight, "2026-03-08T00:00-05:00", 3, "2026-03-08T04:00-04:00",
               "00–02 EST (2 h), then 03–04 EDT"),
        AddRow(F.newYorkNight, "2026-11-01T00:00-04:00", 2.5, "2026-11-01T01:30-05:00",
               "00–02 EDT (2 h), then 01:00–01:30 EST"),
        AddRow(F.berlinLateSunday, "2026-03-29T00:00+01:00", 1, "2026-03-29T04:00+02:00",
               "02:30–03:00 does not exist, so counting starts at 03:00 CEST"),
        AddRow(F.aroundTheClock, "2026-03-20T18:00Z", 1, "2026-03-20T19:00Z", "24×7 is plain time"),
        AddRow(F.aroundTheClockWithHolidays, "2026-12-24T23:00+01:00", 2, "2026-12-26T01:00+01:00",
               "24×7 jumps over the closed Christmas Day"),
    ])
    func adding(_ row: AddRow) {
        #expect(row.calendar.adding(businessSeconds: row.hours * F.h, to: F.at(row.start)) == F.at(row.expected))
    }

    @Test func neverOpenCalendarNeverArrives() {
        let start = F.at("2026-03-24T10:00+01:00")
        #expect(F.neverOpen.adding(businessSeconds: 60, to: start) == .distantFuture)
        #expect(F.neverOpen.nextOpen(after: start) == .distantFuture)
        #expect(!F.neverOpen.isOpen(at: start))
    }

    @Test(arguments: [
        (F.office.name, "2026-03-24T09:00+01:00", true, "opening minute is open"),
        (F.office.name, "2026-03-24T16:59:59+01:00", true, "last second before closing"),
        (F.office.name, "2026-03-24T17:00+01:00", false, "ranges are half-open"),
        (F.office.name, "2026-03-21T12:00+01:00", false, "Saturday"),
        (F.office.name, "2026-04-03T12:00+02:00", false, "Good Friday"),
        (F.split.name, "2026-03-24T12:30+01:00", false, "lunch"),
        (F.berlinNight.name, "2026-03-29T01:59+01:00", true, "just before the skipped hour"),
        (F.berlinNight.name, "2026-03-29T03:00+02:00", true, "first moment after the skipped hour"),
        (F.berlinNight.name, "2026-03-29T06:00+02:00", false, "06:00 CEST closes"),
        (F.berlinLateSunday.name, "2026-10-25T02:15+01:00", false, "second 02:15 is before 02:30"),
        (F.berlinLateSunday.name, "2026-10-25T02:45+02:00", true, "first 02:45"),
        (F.aroundTheClock.name, "2026-03-21T03:00Z", true, "24×7"),
        (F.aroundTheClockWithHolidays.name, "2026-12-25T12:00+01:00", false, "24×7 holiday"),
    ] as [(String, String, Bool, String)])
    func isOpen(_ calendar: String, _ instant: String, _ open: Bool, _ why: String) {
        #expect(F.calendar(calendar).isOpen(at: F.at(instant)) == open, "\(why)")
    }

    @Test(arguments: [
        (F.office.name, "2026-03-24T10:00+01:00", "2026-03-24T10:00+01:00", "already open"),
        (F.office.name, "2026-03-20T18:00+01:00", "2026-03-23T09:00+01:00", "Friday evening to Monday"),
        (F.office.name, "2026-04-02T17:00+02:00", "2026-04-07T09:00+02:00", "over Easter"),
        (F.split.name, "2026-03-24T12:00+01:00", "2026-03-24T13:00+01:00", "after lunch"),
        (F.berlinLateSunday.name, "2026-03-29T01:00+01:00", "2026-03-29T03:00+02:00",
         "02:30 does not exist that day; the first existing open moment is 03:00 CEST"),
        (F.berlinLateSunday.name, "2026-10-25T02:00+01:00", "2026-10-25T02:30+01:00",
         "during the second 02:00–03:00 the range opens again at the second 02:30"),
        (F.aroundTheClockWithHolidays.name, "2026-10-25T12:00+01:00", "2026-10-26T00:00+01:00",
         "24×7 holiday ends at local midnight"),
    ] as [(String, String, String, String)])
    func nextOpen(_ calendar: String, _ instant: String, _ expected: String, _ why: String) {
        #expect(F.calendar(calendar).nextOpen(after: F.at(instant)) == F.at(expected), "\(why)")
    }

    @Test(arguments: [
        (F.berlinNight.name, "2026-03-29", [("2026-03-29T00:00+01:00", "2026-03-29T06:00+02:00")],
         "spring forward: one 5-hour interval"),
        (F.berlinNight.name, "2026-10-25", [("2026-10-25T00:00+02:00", "2026-10-25T06:00+01:00")],
         "fall back: one 7-hour interval"),
        (F.berlinEarlySunday.name, "2026-03-29", [("2026-03-29T01:30+01:00", "2026-03-29T03:30+02:00")],
         "01:30–03:30 is one hour long"),
        (F.berlinLateSunday.name, "2026-10-25", [("2026-10-25T02:30+02:00", "2026-10-25T02:00+01:00"),
                                             ("2026-10-25T02:30+01:00", "2026-10-25T05:00+01:00")],
         "the second 02:00–02:30 is before the range and stays closed"),
        (F.split.name, "2026-03-24", [("2026-03-24T09:00+01:00", "2026-03-24T12:00+01:00"),
                                 ("2026-03-24T13:00+01:00", "2026-03-24T17:00+01:00")],
         "two ranges"),
        (F.office.name, "2026-12-24", [], "holiday"),
        (F.office.name, "2026-03-22", [], "Sunday"),
        (F.aroundTheClockBerlin.name, "2026-03-29", [("2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00")],
         "24×7 spring-forward day has 23 hours"),
    ] as [(String, String, [(String, String)], String)])
    func openIntervals(_ calendar: String, _ date: String, _ expected: [(String, String)],
                       _ why: String) {
        let got = F.calendar(calendar).openIntervals(on: F.day(date))
        #expect(got == expected.map { DateInterval(start: F.at($0.0), end: F.at($0.1)) }, "\(why)")
    }

    @Test func invalidAndOverlappingRanges() {
        let calendar = BusinessCalendar(name: "odd", zone: "Europe/Berlin", hours: [
            OpenRange(weekday: 1, startMinute: 9 * 60, endMinute: 13 * 60),
            OpenRange(weekday: 1, startMinute: 12 * 60, endMinute: 17 * 60),  // overlaps: 09–17
            OpenRange(weekday: 2, startMinute: 17 * 60, endMinute: 9 * 60),  // inverted: ignored
            OpenRange(weekday: 8, startMinute: 0, endMinute: 600),  // no such weekday: ignored
            OpenRange(weekday: 3, startMinute: 22 * 60, endMinute: 2000),  // clamped to 24:00
        ])
        let week = calendar.businessSeconds(from: F.at("2026-03-23T00:00+01:00"), to: F.at("2026-03-30T00:00+02:00"))
        #expect(week == 8 * F.h + 2 * F.h)
    }

    @Test func unknownZoneCountsInUTC() {
        let calendar = BusinessCalendar(name: "x", zone: "Nowhere/Special", hours: F.ranges(1...5, "09:00", "17:00"))
        #expect(calendar.businessSeconds(from: F.at("2026-03-24T00:00Z"), to: F.at("2026-03-24T10:00Z")) == F.h)
    }

    // MARK: Properties

    static let oracleCalendars = [
        F.office, F.split, F.berlinNight, F.newYorkNight, F.berlinEarlySunday, F.berlinLateSunday,
        F.lordHowe, F.aroundTheClockWithHolidays,
    ].map(\.name)

    /// Quarter-hour-aligned instants in weeks that hold a change, a holiday or both.
    static func randomInstant(_ rng: inout SplitMix64) -> Date {
        let weeks = ["2026-03-05T00:00Z", "2026-03-26T00:00Z", "2026-03-31T00:00Z", "2026-10-22T00:00Z",
                     "2026-10-29T00:00Z", "2026-12-21T00:00Z", "2027-03-11T00:00Z", "2027-11-04T00:00Z",
                     "2026-04-01T00:00Z", "2026-10-01T00:00Z"]
        let base = F.at(weeks.randomElement(using: &rng)!)
        return base + Double(Int.random(in: 0..<(7 * 96), using: &rng)) * 900
    }

    @Test(arguments: oracleCalendars)
    func agreesWithWallClockOracle(_ name: String) {
        let calendar = F.calendar(name)
        var rng = SplitMix64(seed: 7)
        for _ in 0..<60 {
            let a = Self.randomInstant(&rng)
            let b = a + Double(Int.random(in: 0..<(4 * 96), using: &rng)) * 900
            #expect(calendar.businessSeconds(from: a, to: b) == F.bruteBusinessSeconds(calendar, a, b),
                    "\(a) → \(b)")
            #expect(calendar.isOpen(at: a) == F.bruteIsOpen(calendar, a), "\(a)")
        }
    }

    @Test(arguments: oracleCalendars)
    func roundTrips(_ name: String) {
        let calendar = F.calendar(name)
        var rng = SplitMix64(seed: 11)
        for _ in 0..<200 {
            let a = Self.randomInstant(&rng) + Double.random(in: 0..<900, using: &rng).rounded()
            let b = a + Double(Int.random(in: 0..<(20 * 24 * 60), using: &rng)) * 60
            let s = calendar.businessSeconds(from: a, to: b)
            // Forward lands at the earliest moment: b itself, or the last closing before a closed b.
            let c = calendar.adding(businessSeconds: s, to: a)
            #expect(calendar.businessSeconds(from: a, to: c) == s)
            #expect(c <= b || s == 0)
            #expect(calendar.businessSeconds(from: c, to: b) == 0)
            if calendar.isOpen(at: b) { #expect(c == b) }
            // Backward lands at the latest moment: a itself, or the next opening after a closed a.
            if s > 0 {
                let d = calendar.adding(businessSeconds: -s, to: b)
                #expect(calendar.businessSeconds(from: d, to: b) == s)
                #expect(d >= a)
                #expect(calendar.businessSeconds(from: a, to: d) == 0)
                if calendar.isOpen(at: a) { #expect(d == a) }
            }
            // The next opening is open, and nothing is open before it.
            let n = calendar.nextOpen(after: a)
            #expect(calendar.isOpen(at: n))
            #expect(calendar.businessSeconds(from: a, to: n) == 0)
            #expect((n == a) == calendar.isOpen(at: a))
        }
    }

    /// Spans of up to ten years, across DST changes and holidays: adding business time and
    /// measuring it back agree, and measuring is additive. (How fast is `crmtop bench`'s to say.)
    @Test func longSpansAddAndMeasureAlike() {
        let time = BusinessTime(F.office)
        let start = F.at("2016-01-04T09:00+01:00")
        for i in stride(from: 0, to: 20_000, by: 97) {
            let amount = Double(i) * 1_800  // up to about 11,000 business hours
            let end = time.adding(businessSeconds: amount, to: start)
            #expect(time.businessSeconds(from: start, to: end) == amount, "\(amount / 3600) h")
            let middle = start + (end.timeIntervalSince(start) / 2).rounded()
            #expect(time.businessSeconds(from: start, to: middle) + time.businessSeconds(from: middle, to: end) == amount)
        }
    }
}
