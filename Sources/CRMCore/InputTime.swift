import Foundation

/// Times and days as people type them, read the same way by the dashboard's forms and by
/// every time option of the command line.
///
/// A moment: `14:30` (today), `tomorrow 9:00`, `yesterday 17:00`, `mon 14:00` (the next
/// Monday 14:00 still to come), `+2h` or `in 90m` (from now), `2h ago`, `now`, or any form
/// `TimeText` reads (`2026-11-23 14:00`, ISO 8601 with or without offset). A day:
/// `2026-12-21`, `today`, `tomorrow`, `yesterday` or a weekday name (the next one, today
/// included). Clock times and days are the wall clock of `zone`; `now` is always given.
public enum InputTime {
    /// The forms a moment may take, for messages that say what would have been read.
    public static let momentExamples = "2026-11-24 09:00, 2026-11-24T09:00:00+01:00, 14:30, tomorrow 9:00, "
        + "mon 14:00, +2h, in 90m or 2h ago"

    /// The forms a day may take, for messages.
    public static let dayExamples = "2026-12-21, today, tomorrow or a weekday like mon"

    public static func parse(_ text: String, now: Date, zone: TimeZone) -> Date? {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        if words == ["now"] { return now }
        if words.count == 1, words[0].hasPrefix("+") { return positiveDuration(words[0].dropFirst()).map { now + $0 } }
        if words.count == 2, words[0] == "+" || words[0] == "in" { return positiveDuration(words[1]).map { now + $0 } }
        if words.count == 2, words[1] == "ago" { return positiveDuration(words[0]).map { now - $0 } }
        if let moment = clockTime(words, now: now, zone: zone) { return moment }
        return TimeText.parse(text.trimmingCharacters(in: .whitespaces), zone: zone)
    }

    public static func day(_ text: String, now: Date, zone: TimeZone) -> LocalDate? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let date = LocalDate(word) { return date }
        let today = TimeText.wallClock(now, zone: zone).day
        return relativeDay(Substring(word), today: today)?.date
    }

    // MARK: - Pieces

    private static func positiveDuration(_ text: Substring) -> TimeInterval? {
        guard let seconds = DurationText.parse(String(text)), seconds >= 0 else { return nil }
        return seconds
    }

    /// `14:30`, or a day word and a clock time: `tomorrow 9:00`, `mon 14:00`.
    private static func clockTime(_ words: [Substring], now: Date, zone: TimeZone) -> Date? {
        let today = TimeText.wallClock(now, zone: zone).day
        switch words.count {
        case 1:
            return minuteOfDay(words[0]).map { TimeText.date(today, minute: $0, zone: zone) }
        case 2:
            guard let minute = minuteOfDay(words[1]), let (day, isWeekday) = relativeDay(words[0], today: today)
            else { return nil }
            let moment = TimeText.date(day, minute: minute, zone: zone)
            // A weekday means the next one still to come: on a Monday afternoon, `mon 9:00` is a week on.
            guard isWeekday, moment < now else { return moment }
            return TimeText.date(PeriodMath.adding(days: 7, to: day), minute: minute, zone: zone)
        default:
            return nil
        }
    }

    private static let dayWords = ["today": 0, "tomorrow": 1, "yesterday": -1]
    private static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The day a word names, and whether it was a weekday name (`mon`, `monday`: the next one,
    /// today included).
    private static func relativeDay(_ word: Substring, today: LocalDate) -> (date: LocalDate, isWeekday: Bool)? {
        if let offset = dayWords[String(word)] { return (PeriodMath.adding(days: offset, to: today), false) }
        guard word.count >= 3, let index = weekdayNames.firstIndex(where: { $0.hasPrefix(word) }) else { return nil }
        let ahead = (index + 1 - PeriodMath.isoWeekday(of: today) + 7) % 7
        return (PeriodMath.adding(days: ahead, to: today), true)
    }

    /// `9:00`, `14:30` → minutes after midnight.
    static func minuteOfDay(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return h * 60 + m
    }
}
