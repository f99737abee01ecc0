import CRMCore
import Foundation

/// Times as other programs write them. Anything without an offset is wall-clock time in
/// the data set's zone, and a date alone means the start of that day.
enum ImportTime {
    /// crmtop's own forms (ISO 8601, `YYYY-MM-DD HH:MM`), `YYYY-MM-DD`, `MM/DD/YYYY` with
    /// an optional `HH:MM` or `h:mm AM` (US CRMs write slashes month first), and
    /// `DD.MM.YYYY [HH:MM]` (European ones write dots day first).
    static func parse(_ text: String, zone: TimeZone) -> Date? {
        let text = text.trimmingSpaces
        if let date = TimeText.parse(text, zone: zone) { return date }
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first, let day = localDate(first) else { return nil }
        var minute = 0
        if parts.count == 2 {
            guard let m = clockMinute(parts[1]) else { return nil }
            minute = m
        }
        return TimeText.date(day, minute: minute, zone: zone)
    }

    private static func localDate(_ s: String) -> LocalDate? {
        func numbers(_ separator: Character) -> [Int]? {
            let n = s.split(separator: separator, omittingEmptySubsequences: false).compactMap { Int($0) }
            return n.count == 3 ? n : nil
        }
        let ymd: (Int, Int, Int)
        if s.contains("-"), let n = numbers("-") { ymd = (n[0], n[1], n[2]) }
        else if s.contains("/"), let n = numbers("/") { ymd = (n[2], n[0], n[1]) }
        else if s.contains("."), let n = numbers(".") { ymd = (n[2], n[1], n[0]) }
        else { return nil }
        guard ymd.0 >= 1000, (1...12).contains(ymd.1),
              (1...LocalDate.daysIn(month: ymd.1, year: ymd.0)).contains(ymd.2) else { return nil }
        return LocalDate(year: ymd.0, month: ymd.1, day: ymd.2)
    }

    /// `14:30`, `14:30:00`, `2:30 PM`, `2:30PM`.
    private static func clockMinute(_ s: String) -> Int? {
        var s = s.uppercased().replacingOccurrences(of: " ", with: "")
        var pm: Bool?
        if s.hasSuffix("AM") || s.hasSuffix("PM") {
            pm = s.hasSuffix("PM")
            s.removeLast(2)
        }
        let n = s.split(separator: ":").compactMap { Int($0) }
        guard (2...3).contains(n.count), n.count == s.split(separator: ":").count, (0..<60).contains(n[1]) else { return nil }
        var hour = n[0]
        if let pm {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        guard (0..<24).contains(hour) else { return nil }
        return hour * 60 + n[1]
    }
}
