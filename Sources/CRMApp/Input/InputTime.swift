import CRMCore
import Foundation

/// Times as people type them into a form: `14:30` (today), `tomorrow 9:00`, `+2h` or
/// `in 90m` (from now), or any form the command line takes (`2026-11-23 14:00`, ISO 8601).
public enum InputTime {
    public static func parse(_ text: String, now: Date, zone: TimeZone) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t.hasPrefix("+") || t.hasPrefix("in ") {
            let amount = t.hasPrefix("+") ? String(t.dropFirst()) : String(t.dropFirst(3))
            return DurationText.parse(amount.trimmingCharacters(in: .whitespaces)).map { now + $0 }
        }
        var day = TimeText.wallClock(now, zone: zone).day
        var clock = Substring(t)
        if t.hasPrefix("today ") {
            clock = clock.dropFirst(6)
        } else if t.hasPrefix("tomorrow ") {
            clock = clock.dropFirst(9)
            let noon = TimeText.date(day, minute: 12 * 60, zone: zone) + 86_400
            day = TimeText.wallClock(noon, zone: zone).day
        }
        if let minute = minuteOfDay(clock) { return TimeText.date(day, minute: minute, zone: zone) }
        return TimeText.parse(text, zone: zone)
    }

    /// `9:00`, `14:30` → minutes after midnight.
    static func minuteOfDay(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2,
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }
}
