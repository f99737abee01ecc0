import CRMCore
import Foundation
import Testing

/// Calendars and times for the reminder tests, all in Berlin.
enum ReminderFixtures {
    static let zone = TimeZone(identifier: "Europe/Berlin")!

    static func t(_ text: String) -> Date { TimeText.parse(text, zone: zone)! }
    static func text(_ date: Date) -> String { TimeText.format(date, zone: zone) }

    static let holidays = ["2026-12-24", "2026-12-25", "2027-01-01"].map { LocalDate($0)! }

    /// Mon–Fri 09:00–17:00 with Christmas and New Year off.
    static let fiveDays = BusinessCalendar(
        name: "five", zone: "Europe/Berlin",
        hours: BusinessTimeFixtures.ranges(1...5, "09:00", "17:00"), holidays: holidays)

    /// Mon–Fri 09:00–17:00 and Saturday 10:00–14:00, the same holidays.
    static let sixDays = BusinessCalendar(
        name: "six", zone: "Europe/Berlin",
        hours: BusinessTimeFixtures.ranges(1...5, "09:00", "17:00")
            + BusinessTimeFixtures.ranges(6...6, "10:00", "14:00"),
        holidays: holidays)

    static let berlinAroundTheClock = BusinessCalendar(name: "berlin-24x7", zone: "Europe/Berlin", hours: [])
}

@Suite struct RecurrenceTests {
    typealias F = ReminderFixtures

    struct Case: Sendable, CustomTestStringConvertible {
        var what: String
        var rule: Repeat
        var calendar: BusinessCalendar
        var dues: [String]
        var testDescription: String { what }
    }

    static let cases: [Case] = [
        Case(what: "monthly on the 31st lands on month ends and returns", rule: .monthly,
             calendar: F.berlinAroundTheClock, dues: [
                "2027-01-31T10:00:00+01:00", "2027-02-28T10:00:00+01:00", "2027-03-31T10:00:00+02:00",
                "2027-04-30T10:00:00+02:00", "2027-05-31T10:00:00+02:00",
             ]),
        Case(what: "monthly across a year end into a leap February", rule: .monthly,
             calendar: F.berlinAroundTheClock, dues: [
                "2027-12-31T18:00:00+01:00", "2028-01-31T18:00:00+01:00", "2028-02-29T18:00:00+01:00",
                "2028-03-31T18:00:00+02:00",
             ]),
        Case(what: "monthly on the 30th skips nothing in February", rule: .monthly,
             calendar: F.berlinAroundTheClock, dues: [
                "2027-01-30T09:15:00+01:00", "2027-02-28T09:15:00+01:00", "2027-03-30T09:15:00+02:00",
             ]),
        Case(what: "daily keeps 09:00 when clocks go forward", rule: .daily,
             calendar: F.berlinAroundTheClock, dues: [
                "2026-03-28T09:00:00+01:00", "2026-03-29T09:00:00+02:00", "2026-03-30T09:00:00+02:00",
             ]),
        Case(what: "daily at a skipped 02:30 moves forward by the gap that day only", rule: .daily,
             calendar: F.berlinAroundTheClock, dues: [
                "2026-03-28T02:30:00+01:00", "2026-03-29T03:30:00+02:00", "2026-03-30T02:30:00+02:00",
             ]),
        Case(what: "daily at a repeated 02:30 takes the first one", rule: .daily,
             calendar: F.berlinAroundTheClock, dues: [
                "2026-10-24T02:30:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00",
             ]),
        Case(what: "weekly keeps its clock time when clocks go back", rule: .weekly,
             calendar: F.berlinAroundTheClock, dues: [
                "2026-10-20T09:00:00+02:00", "2026-10-27T09:00:00+01:00", "2026-11-03T09:00:00+01:00",
             ]),
        Case(what: "weekdays in a five-day week skip weekends and holidays", rule: .weekdays,
             calendar: F.fiveDays, dues: [
                "2026-12-17T09:00:00+01:00", "2026-12-18T09:00:00+01:00", "2026-12-21T09:00:00+01:00",
                "2026-12-22T09:00:00+01:00", "2026-12-23T09:00:00+01:00", "2026-12-28T09:00:00+01:00",
                "2026-12-29T09:00:00+01:00", "2026-12-30T09:00:00+01:00", "2026-12-31T09:00:00+01:00",
                "2027-01-04T09:00:00+01:00",
             ]),
        Case(what: "weekdays in a six-day week include Saturdays", rule: .weekdays,
             calendar: F.sixDays, dues: [
                "2026-12-17T09:00:00+01:00", "2026-12-18T09:00:00+01:00", "2026-12-19T09:00:00+01:00",
                "2026-12-21T09:00:00+01:00", "2026-12-22T09:00:00+01:00", "2026-12-23T09:00:00+01:00",
                "2026-12-26T09:00:00+01:00", "2026-12-28T09:00:00+01:00",
             ]),
        Case(what: "weekdays first due on a Sunday starts there, then works", rule: .weekdays,
             calendar: F.fiveDays, dues: [
                "2026-11-22T08:00:00+01:00", "2026-11-23T08:00:00+01:00", "2026-11-24T08:00:00+01:00",
             ]),
        Case(what: "weekdays keep their clock time across DST", rule: .weekdays,
             calendar: F.fiveDays, dues: [
                "2026-03-27T09:00:00+01:00", "2026-03-30T09:00:00+02:00",
             ]),
    ]

    func reminder(_ c: Case) -> Reminder {
        Reminder(id: "R1", title: "x", owners: ["maria"], due: F.t(c.dues[0]), repeatRule: .every(c.rule))
    }

    @Test(arguments: cases)
    func occurrencesFollowTheRule(_ c: Case) {
        let r = reminder(c)
        var dues = [r.due]
        while dues.count < c.dues.count {
            guard let next = r.occurrence(after: dues.last!, calendar: c.calendar) else { break }
            dues.append(next.due)
        }
        #expect(dues.map(F.text) == c.dues)
    }

    /// Looking an occurrence up from any moment agrees with stepping through them.
    @Test(arguments: cases)
    func theClockFindsTheSameOccurrences(_ c: Case) {
        let r = reminder(c)
        for (k, text) in c.dues.enumerated() {
            let due = F.t(text)
            #expect(F.text(r.occurrence(at: due, calendar: c.calendar).due) == text)
            #expect(F.text(r.occurrence(at: due.addingTimeInterval(-1), calendar: c.calendar).due)
                    == c.dues[max(k - 1, 0)])
            #expect(r.occurrence(after: due.addingTimeInterval(-1), calendar: c.calendar)?.due == due)
        }
    }

    @Test func startAndEndMoveWithEachOccurrence() {
        let r = Reminder(id: "R1", title: "x", owners: ["maria"], start: F.t("2026-03-28T08:30:00+01:00"),
                         due: F.t("2026-03-28T09:00:00+01:00"), end: F.t("2026-03-28T11:00:00+01:00"),
                         repeatRule: .daily)
        let next = r.occurrence(after: r.due, calendar: F.berlinAroundTheClock)
        #expect(next.map { F.text($0.start) } == "2026-03-29T08:30:00+02:00")
        #expect(next?.end.map(F.text) == "2026-03-29T11:00:00+02:00")
    }

    @Test func aOneOffReminderHasOneOccurrence() {
        let r = Reminder(id: "R1", title: "x", owners: ["maria"], due: F.t("2026-11-23T10:00:00+01:00"))
        #expect(r.occurrence(after: r.due.addingTimeInterval(-1), calendar: F.fiveDays)?.due == r.due)
        #expect(r.occurrence(after: r.due, calendar: F.fiveDays) == nil)
        #expect(r.occurrence(at: r.due.addingTimeInterval(1e7), calendar: F.fiveDays).due == r.due)
    }

    @Test func weekdaysOnACalendarWithoutWorkingDaysStopAfterTheFirst() {
        let closed = BusinessCalendar(name: "closed", zone: "Europe/Berlin",
                                      hours: [OpenRange(weekday: 1, startMinute: 600, endMinute: 600)])
        let r = Reminder(id: "R1", title: "x", owners: ["maria"], due: F.t("2026-11-23T10:00:00+01:00"),
                         repeatRule: .weekdays)
        #expect(r.occurrence(after: r.due, calendar: closed) == nil)
        #expect(r.occurrence(at: r.due.addingTimeInterval(86_400 * 5000), calendar: closed).due == r.due)
    }
}
