import Foundation

/// A reminder's window (start, due, end) placed on one repetition.
public struct ReminderOccurrence: Equatable, Sendable {
    /// Reminding begins; the due time itself when the reminder has no lead time.
    public var start: Date
    public var due: Date
    public var end: Date?

    public init(start: Date, due: Date, end: Date? = nil) {
        self.start = start
        self.due = due
        self.end = end
    }

    /// The state from the clock alone, ignoring acknowledgements and snoozes.
    public func timeState(at now: Date) -> ReminderState {
        if let end, now >= end { return .missed }
        if now >= due { return now < due.addingTimeInterval(Reminder.dueWindow) ? .due : .overdue }
        if now >= start { return .active }
        return .upcoming
    }
}

extension BusinessCalendar {
    /// UTC, open around the clock: the calendar of a data set that has none.
    public static let aroundTheClock = Settings().defaultCalendar
}

extension Reminder {
    /// The window moved so that it is due at `occurrenceDue`. Start and end keep their
    /// distance from due in elapsed time, so a 30-minute lead stays 30 minutes across DST.
    public func occurrence(dueAt occurrenceDue: Date) -> ReminderOccurrence {
        let shift = occurrenceDue.timeIntervalSince(due)
        return ReminderOccurrence(start: (start ?? due).addingTimeInterval(shift), due: occurrenceDue,
                                  end: end?.addingTimeInterval(shift))
    }

    /// The occurrence the clock points at, whoever acknowledged what: the latest one whose
    /// reminding has begun by `now`, else the first. So an occurrence left unacknowledged
    /// stays (overdue, then missed) until the next one starts reminding, and is then replaced.
    public func occurrence(at now: Date, calendar: BusinessCalendar) -> ReminderOccurrence {
        guard let repeatRule else { return occurrence(dueAt: due) }
        let lead = due.timeIntervalSince(start ?? due)
        let recurrence = Recurrence(anchor: due, rule: repeatRule, calendar: calendar)
        return occurrence(dueAt: recurrence.latestDue(atOrBefore: now.addingTimeInterval(lead)) ?? due)
    }

    /// The first occurrence due after `instant`; nil when there is none (a one-off reminder
    /// due before it, or `weekdays` on a calendar without working days).
    public func occurrence(after instant: Date, calendar: BusinessCalendar) -> ReminderOccurrence? {
        guard let repeatRule else { return due > instant ? occurrence(dueAt: due) : nil }
        return Recurrence(anchor: due, rule: repeatRule, calendar: calendar)
            .nextDue(after: instant).map(occurrence(dueAt:))
    }
}

/// The due times of a repeating reminder. Occurrence `n` is due on local day `day(n)` at the
/// anchor's wall-clock time in the calendar's zone, so daily and weekly reminders keep their
/// clock time across DST changes; a clock time that a change skips moves forward by the gap,
/// and one that happens twice means the first, as everywhere in crmtop (`TimeText`).
/// Monthly ones count months from the anchor rather than from the previous occurrence, so the
/// 31st lands on the last day of shorter months and returns to the 31st after them.
/// Occurrence 0 is the anchor itself, even for `weekdays` on a day off.
struct Recurrence {
    let rule: Repeat
    let anchor: Date
    let calendar: BusinessCalendar
    private let zone: TimeZone
    /// Days since 1970-01-01 of the anchor's local date.
    private let anchorDay: Int
    private let anchorSecond: Int
    private let anchorFraction: Double
    private let anchorMonths: Int
    private let anchorDayOfMonth: Int

    /// Ten years of closed days means a calendar without working days at all.
    private static let scanLimit = 3660

    init(anchor: Date, rule: Repeat, calendar: BusinessCalendar) {
        self.rule = rule
        self.anchor = anchor
        self.calendar = calendar
        zone = calendar.timeZone
        let (date, second) = TimeText.wallClock(anchor, zone: zone)
        anchorDay = TimeText.daysFromCivil(year: date.year, month: date.month, day: date.day)
        anchorSecond = second
        let t = anchor.timeIntervalSince1970
        anchorFraction = t - t.rounded(.down)
        anchorMonths = date.year * 12 + date.month - 1
        anchorDayOfMonth = date.day
    }

    func latestDue(atOrBefore instant: Date) -> Date? {
        var n = index(atOrBefore: localDay(instant))
        var steps = 0
        while n >= 0 && steps < Self.scanLimit {
            if let day = day(n) {
                let due = self.due(n, day: day)
                if due <= instant { return due }
            }
            n -= 1
            steps += 1
        }
        return nil
    }

    func nextDue(after instant: Date) -> Date? {
        var n = max(index(atOrBefore: localDay(instant)), 0)
        for _ in 0..<Self.scanLimit {
            if let day = day(n) {
                let due = self.due(n, day: day)
                if due > instant { return due }
            }
            n += 1
        }
        return nil
    }

    /// The local day of occurrence `n`; nil when `weekdays` skips it.
    private func day(_ n: Int) -> Int? {
        switch rule {
        case .daily: return anchorDay + n
        case .weekly: return anchorDay + 7 * n
        case .weekdays:
            let day = anchorDay + n
            guard n > 0 else { return day }
            let (y, m, d) = TimeText.civil(fromDays: day)
            return PeriodMath.isWorkingDay(LocalDate(year: y, month: m, day: d), in: calendar) ? day : nil
        case .monthly:
            let months = anchorMonths + n
            let year = TimeText.floorDiv(months, 12), month = months - year * 12 + 1
            let d = min(anchorDayOfMonth, LocalDate.daysIn(month: month, year: year))
            return TimeText.daysFromCivil(year: year, month: month, day: d)
        }
    }

    /// The largest `n` whose day is not after `day` (negative before the anchor).
    private func index(atOrBefore day: Int) -> Int {
        switch rule {
        case .daily, .weekdays: return day - anchorDay
        case .weekly: return TimeText.floorDiv(day - anchorDay, 7)
        case .monthly:
            let (y, m, _) = TimeText.civil(fromDays: day)
            let n = y * 12 + m - 1 - anchorMonths
            return (self.day(n) ?? day) > day ? n - 1 : n
        }
    }

    private func due(_ n: Int, day: Int) -> Date {
        if n == 0 { return anchor }
        let utc = TimeText.utcSeconds(wallClock: day * 86_400 + anchorSecond, zone: zone)
        return Date(timeIntervalSince1970: Double(utc) + anchorFraction)
    }

    private func localDay(_ instant: Date) -> Int {
        let date = TimeText.wallClock(instant, zone: zone).day
        return TimeText.daysFromCivil(year: date.year, month: date.month, day: date.day)
    }
}
