import Foundation

/// One whole day, week, month, quarter or year, as a half-open span `[start, end)`.
public struct PeriodRange: Equatable, Sendable {
    public var period: Period
    public var start: Date
    public var end: Date

    public init(period: Period, start: Date, end: Date) {
        self.period = period
        self.start = start
        self.end = end
    }

    public func contains(_ date: Date) -> Bool { start <= date && date < end }

    /// The period of `period`'s kind that contains `date`, in wall-clock terms of `timeZone`,
    /// so a day across a DST change is 23 or 25 hours long rather than 86,400 seconds.
    /// `weekStart` is ISO numbering: 1 = Monday … 7 = Sunday.
    public static func range(of period: Period, containing date: Date, timeZone: TimeZone,
                             weekStart: Int = 1) -> PeriodRange {
        let cal = PeriodMath.gregorian(timeZone)
        let day = PeriodMath.localDate(of: date, in: cal)
        let first: LocalDate
        let next: LocalDate
        switch period {
        case .day:
            first = day
            next = PeriodMath.adding(days: 1, to: day)
        case .week:
            let back = (PeriodMath.isoWeekday(of: day) - PeriodMath.clampedWeekday(weekStart) + 7) % 7
            first = PeriodMath.adding(days: -back, to: day)
            next = PeriodMath.adding(days: 7, to: first)
        case .month:
            first = LocalDate(year: day.year, month: day.month, day: 1)
            next = PeriodMath.firstOfMonth(after: first, months: 1)
        case .quarter:
            first = LocalDate(year: day.year, month: (day.month - 1) / 3 * 3 + 1, day: 1)
            next = PeriodMath.firstOfMonth(after: first, months: 3)
        case .year:
            first = LocalDate(year: day.year, month: 1, day: 1)
            next = LocalDate(year: day.year + 1, month: 1, day: 1)
        }
        return PeriodRange(period: period, start: PeriodMath.startOfDay(first, in: cal),
                           end: PeriodMath.startOfDay(next, in: cal))
    }

    /// Periods are reckoned in the calendar's zone because that is where the team's days begin.
    public static func range(of period: Period, containing date: Date, calendar: BusinessCalendar,
                             weekStart: Int = 1) -> PeriodRange {
        range(of: period, containing: date, timeZone: calendar.timeZone, weekStart: weekStart)
    }

    /// The period of the same kind just before this one.
    public func previous(timeZone: TimeZone, weekStart: Int = 1) -> PeriodRange {
        Self.range(of: period, containing: start.addingTimeInterval(-1), timeZone: timeZone,
                   weekStart: weekStart)
    }

    public func previous(calendar: BusinessCalendar, weekStart: Int = 1) -> PeriodRange {
        previous(timeZone: calendar.timeZone, weekStart: weekStart)
    }
}

/// Local-date arithmetic shared by period ranges, scoring and the demo data.
/// Dates are moved as `LocalDate`s and only turned into instants at the end, so DST never
/// shifts a boundary away from local midnight.
enum PeriodMath {
    static func gregorian(_ zone: TimeZone) -> Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        return cal
    }

    static func localDate(of date: Date, in cal: Calendar) -> LocalDate {
        let c = cal.dateComponents([.year, .month, .day], from: date)
        return LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }

    /// Local midnight, or the first instant of the day where a DST jump skips midnight.
    static func startOfDay(_ day: LocalDate, in cal: Calendar) -> Date {
        at(day, minute: 0, in: cal)
    }

    /// The instant of a local wall-clock time; a time skipped by DST moves forward.
    static func at(_ day: LocalDate, minute: Int, in cal: Calendar) -> Date {
        let noon = cal.date(from: DateComponents(year: day.year, month: day.month, day: day.day,
                                                 hour: 12)) ?? Date(timeIntervalSince1970: 0)
        let midnight = cal.startOfDay(for: noon)
        if minute == 0 { return midnight }
        return cal.date(bySettingHour: minute / 60, minute: minute % 60, second: 0, of: noon)
            ?? midnight.addingTimeInterval(TimeInterval(minute * 60))
    }

    /// 1 = Monday … 7 = Sunday.
    static func isoWeekday(of day: LocalDate) -> Int {
        // Days since 1970-01-01, which was a Thursday (ISO 4).
        let n = daysSinceEpoch(day)
        return ((n % 7 + 7) % 7 + 3) % 7 + 1
    }

    static func adding(days: Int, to day: LocalDate) -> LocalDate {
        fromDaysSinceEpoch(daysSinceEpoch(day) + days)
    }

    static func daysBetween(_ a: LocalDate, _ b: LocalDate) -> Int {
        daysSinceEpoch(b) - daysSinceEpoch(a)
    }

    static func firstOfMonth(after day: LocalDate, months: Int) -> LocalDate {
        let index = day.year * 12 + (day.month - 1) + months
        return LocalDate(year: index / 12, month: index % 12 + 1, day: 1)
    }

    static func clampedWeekday(_ weekday: Int) -> Int { (1...7).contains(weekday) ? weekday : 1 }

    /// A calendar without hours is open every day; otherwise a day works when it has hours
    /// and is not a holiday.
    static func isWorkingDay(_ day: LocalDate, in calendar: BusinessCalendar) -> Bool {
        if calendar.holidays.contains(day) { return false }
        if calendar.hours.isEmpty { return true }
        let weekday = isoWeekday(of: day)
        return calendar.hours.contains { $0.weekday == weekday && $0.endMinute > $0.startMinute }
    }

    static func workingDays(in range: PeriodRange, calendar: BusinessCalendar) -> Int {
        let cal = gregorian(calendar.timeZone)
        let first = localDate(of: range.start, in: cal)
        let last = localDate(of: range.end.addingTimeInterval(-1), in: cal)
        guard first <= last else { return 0 }
        return (0...daysBetween(first, last)).filter {
            isWorkingDay(adding(days: $0, to: first), in: calendar)
        }.count
    }

    // Civil-from-days and days-from-civil (proleptic Gregorian), after Howard Hinnant.
    private static func daysSinceEpoch(_ d: LocalDate) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (d.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func fromDaysSinceEpoch(_ n: Int) -> LocalDate {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return LocalDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
