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
        guard let series = series(calendar: calendar) else { return occurrence(dueAt: due) }
        let lead = due.timeIntervalSince(start ?? due)
        return occurrence(dueAt: series.last(atOrBefore: now.addingTimeInterval(lead)) ?? due)
    }

    /// The first occurrence due after `instant`; nil when there is none (a one-off reminder
    /// due before it, a series that has ended, or `weekdays` on a calendar without working days).
    public func occurrence(after instant: Date, calendar: BusinessCalendar) -> ReminderOccurrence? {
        guard let series = series(calendar: calendar) else { return due > instant ? occurrence(dueAt: due) : nil }
        return series.first(after: instant).map(occurrence(dueAt:))
    }

    /// The title a moved occurrence was given for that time only (a calendar's retitled
    /// meeting); nil when the occurrence due at `occurrenceDue` has the reminder's own.
    public func occurrenceTitle(dueAt occurrenceDue: Date, calendar: BusinessCalendar) -> String? {
        guard case .rules = repeatRule else { return nil }
        return series(calendar: calendar)?.override(at: occurrenceDue)?.title
    }

    /// Whether storing it takes what only newer files hold: a rule set, a zone or alerts of its own.
    public var needsVersion3: Bool {
        if zone != nil || alerts != nil { return true }
        if case .rules = repeatRule { return true }
        return false
    }

    /// The zone its times are on the clock of: its own when it has one (an imported event
    /// keeps the zone it was written in), else the data set's calendar's (RFC 5545's floating
    /// times and all-day items).
    public func timeZone(calendar: BusinessCalendar) -> TimeZone { timeZone(default: calendar.timeZone) }

    public func timeZone(default fallback: TimeZone) -> TimeZone {
        zone.flatMap(TimeZone.init(identifier:)) ?? fallback
    }

    /// Its occurrences; nil for a one-off reminder. Occurrence 0 is `due` itself, even for
    /// `weekdays` on a day off.
    public func series(calendar: BusinessCalendar) -> SeriesExpansion? {
        guard let repeatRule else { return nil }
        let zone = timeZone(calendar: calendar)
        switch repeatRule {
        case .every(let shorthand):
            let set = RecurrenceSet(shorthand.rule(firstDue: due, zone: zone))
            guard shorthand == .weekdays else { return SeriesExpansion(set: set, start: due, zone: zone) }
            return SeriesExpansion(set: set, start: due, zone: zone) { t in
                PeriodMath.isWorkingDay(TimeText.wallClock(t, zone: zone).day, in: calendar)
            }
        case .rules(let set):
            return SeriesExpansion(set: set, start: due, zone: zone)
        }
    }
}

/// How a reminder repeats: by one of crmtop's names for a simple rule, kept by name so that
/// it follows the reminder's due time when that is edited, or by a whole RFC 5545 rule set
/// (from a calendar, or written by hand).
public enum Repetition: Equatable, Sendable {
    case every(Repeat)
    case rules(RecurrenceSet)

    public static let daily = Repetition.every(.daily)
    public static let weekdays = Repetition.every(.weekdays)
    public static let weekly = Repetition.every(.weekly)
    public static let monthly = Repetition.every(.monthly)

    public var shorthand: Repeat? {
        if case .every(let r) = self { return r }
        return nil
    }

    /// A shorthand's name or `RRULE` text, several rules joined by ` + ` (as `rulesText`
    /// writes them); nil for an empty text, which means no repetition.
    public init?(text: String, zone: TimeZone) throws(RecurrenceRule.ParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        if let shorthand = Repeat(rawValue: trimmed.lowercased()) {
            self = .every(shorthand)
            return
        }
        var rules: [RecurrenceRule] = []
        for part in trimmed.components(separatedBy: " + ") {
            var rule = part.trimmingCharacters(in: .whitespaces)
            if rule.uppercased().hasPrefix("RRULE:") { rule = String(rule.dropFirst(6)) }
            rules.append(try RecurrenceRule(parsing: rule, zone: zone))
        }
        self = .rules(RecurrenceSet(rules: rules))
    }

    /// The shorthand's name, or the rules alone (what a CSV cell holds).
    public func rulesText(zone: TimeZone) -> String {
        switch self {
        case .every(let r): r.rawValue
        case .rules(let set): set.rules.map { $0.text(zone: zone) }.joined(separator: " + ")
        }
    }

    /// The shorthand's name, or the rules as `RRULE` writes them (`;`-joined parts, rules
    /// separated by ` + `), with how many dates are added, left out or moved.
    public func name(zone: TimeZone) -> String {
        switch self {
        case .every(let r): return r.rawValue
        case .rules(let set):
            var parts = [set.rules.map { $0.text(zone: zone) }.joined(separator: " + ")]
            if !set.dates.isEmpty { parts.append("+\(set.dates.count) dates") }
            if !set.exceptions.isEmpty { parts.append("-\(set.exceptions.count) dates") }
            if !set.overrides.isEmpty { parts.append("\(set.overrides.count) moved") }
            return parts.filter { !$0.isEmpty }.joined(separator: ", ")
        }
    }
}

extension Repeat {
    /// The RFC 5545 rule each name stands for, for a series first due at `firstDue`. Monthly
    /// on the 29th to 31st takes the last day of shorter months (`BYMONTHDAY=31,-1;BYSETPOS=1`),
    /// where a plain `FREQ=MONTHLY` would skip them. `weekdays` is every day, of which the
    /// reminder keeps the working days of its calendar.
    public func rule(firstDue: Date, zone: TimeZone) -> RecurrenceRule {
        switch self {
        case .daily, .weekdays: return RecurrenceRule(.daily)
        case .weekly: return RecurrenceRule(.weekly)
        case .monthly:
            var rule = RecurrenceRule(.monthly)
            let day = TimeText.wallClock(firstDue, zone: zone).day.day
            if day > 28 {
                rule.byMonthDay = [day, -1]
                rule.bySetPos = [1]
            }
            return rule
        }
    }
}
