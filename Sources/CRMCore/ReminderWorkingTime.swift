import Foundation

extension Reminder {
    /// Why the start or the due time falls outside the calendar's working time, one line each;
    /// empty when both are inside. Of `occurrence` when given: a repeating reminder warns about
    /// the occurrence it shows, not its first (a monthly one due on a Sunday in January may be
    /// on a Wednesday in June). Without it, of the reminder's own times, as a form edits them.
    public func workingTimeWarnings(calendar: BusinessCalendar, of occurrence: ReminderOccurrence? = nil) -> [String] {
        var warnings: [String] = []
        let shownStart = start == nil ? nil : (occurrence?.start ?? start)
        let shownDue = occurrence?.due ?? due
        if let shownStart, let problem = Self.outsideWorkingTime(shownStart, calendar) {
            warnings.append("start \(TimeText.format(shownStart, zone: calendar.timeZone)) \(problem)")
        }
        if let problem = Self.outsideWorkingTime(shownDue, calendar) {
            warnings.append("due \(TimeText.format(shownDue, zone: calendar.timeZone)) \(problem)")
        }
        return warnings
    }

    /// The reminder moved into working time: due to the next working moment, start and end
    /// along with it (keeping the lead and the follow-up time), then the start on to the next
    /// working moment if it is still outside. Nil when the calendar is never open.
    public func shiftedToWorkingTime(calendar: BusinessCalendar) -> Reminder? {
        let newDue = calendar.nextOpen(after: due)
        guard newDue != .distantFuture else { return nil }
        var r = applying([.due(newDue)])
        r.start = r.start.map { calendar.nextOpen(after: $0) }
        return r
    }

    private static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    private static func outsideWorkingTime(_ instant: Date, _ calendar: BusinessCalendar) -> String? {
        guard !calendar.isOpen(at: instant) else { return nil }
        let day = TimeText.wallClock(instant, zone: calendar.timeZone).day
        if calendar.holidays.contains(day) { return "is on a holiday (\(day))" }
        let weekday = PeriodMath.isoWeekday(of: day)
        let name = weekdayNames[weekday - 1]
        guard PeriodMath.isWorkingDay(day, in: calendar) else { return "is on a \(name), not a working day" }
        let hours = calendar.hours.filter { $0.weekday == weekday && $0.endMinute > $0.startMinute }
            .sorted { $0.startMinute < $1.startMinute }
            .map { "\(clock($0.startMinute))-\(clock($0.endMinute))" }
        return "is outside working hours (\(name) \(hours.joined(separator: ", ")))"
    }

    /// "09:30". Not `String(format:)`: `reminder list` warns of every reminder outside working
    /// hours, and Foundation's formatting was a third of listing 100,000 of them.
    private static func clock(_ minute: Int) -> String {
        let hour = minute / 60, rest = minute % 60
        return (hour < 10 ? "0" : "") + String(hour) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }
}
