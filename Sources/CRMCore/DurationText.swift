import Foundation

/// Durations as people type them: `90m`, `4h`, `2d`, `1h30m`, `1d4h`, `45s`.
///
/// A day here is 24 hours of elapsed time; counting business days is the calendar's job.
public enum DurationText {
    /// Units must come largest first and at most once each (`1h30m`, not `30m1h`), so that
    /// every duration has one spelling. A leading `-` gives a negative duration, which the
    /// caller may refuse; a bare `0` is zero. Returns nil for anything else.
    public static func parse(_ text: String) -> TimeInterval? {
        var utf8 = Substring(text).utf8[...]
        var sign = 1
        if utf8.first == UInt8(ascii: "-") {
            sign = -1
            utf8 = utf8.dropFirst()
        }
        if utf8.elementsEqual("0".utf8) { return 0 }
        guard !utf8.isEmpty else { return nil }

        var total = 0, number = 0, digits = 0
        var smallestSoFar = Int.max
        for byte in utf8 {
            if (0x30...0x39).contains(byte) {
                let (times10, o1) = number.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int(byte - 0x30))
                guard !o1, !o2 else { return nil }
                number = sum
                digits += 1
                continue
            }
            guard digits > 0, let unit = unitSeconds(byte), unit < smallestSoFar else { return nil }
            let (part, o1) = number.multipliedReportingOverflow(by: unit)
            let (sum, o2) = total.addingReportingOverflow(part)
            guard !o1, !o2 else { return nil }
            total = sum
            smallestSoFar = unit
            number = 0
            digits = 0
        }
        guard digits == 0 else { return nil }  // a number without its unit
        return TimeInterval(sign * total)
    }

    /// The shortest spelling `parse` reads back: `1h30m`, `2d`, `45s`, `-15m`; `0s` for zero.
    /// Rounds to whole seconds. Values beyond any real duration (over 30 million years, or
    /// not a number) come out as `∞`/`-∞`/`?`, which `parse` refuses on purpose.
    public static func format(_ seconds: TimeInterval) -> String {
        if seconds.isNaN { return "?" }
        guard abs(seconds) < 1e15 else { return seconds < 0 ? "-∞" : "∞" }
        var rest = Int(abs(seconds).rounded())
        guard rest > 0 else { return "0s" }
        var text = seconds < 0 ? "-" : ""
        for (unit, letter) in [(86_400, "d"), (3600, "h"), (60, "m"), (1, "s")] where rest >= unit {
            text += "\(rest / unit)\(letter)"
            rest %= unit
        }
        return text
    }

    /// A duration of business time, in hours at most: `24h`, `40h`, `1h30m`, `45m`; read back
    /// by `parse`. A day of business time is 24 open hours, three working days of eight, so
    /// `1d` would be read as one of them.
    public static func formatHours(_ seconds: TimeInterval) -> String {
        guard !seconds.isNaN, abs(seconds) < 1e15 else { return format(seconds) }
        let whole = Int(abs(seconds).rounded()), hours = whole / 3600
        guard hours > 0 else { return format(seconds) }
        let rest = whole % 3600
        return (seconds < 0 ? "-" : "") + "\(hours)h" + (rest == 0 ? "" : format(TimeInterval(rest)))
    }

    private static func unitSeconds(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "d"): 86_400
        case UInt8(ascii: "h"): 3600
        case UInt8(ascii: "m"): 60
        case UInt8(ascii: "s"): 1
        default: nil
        }
    }
}
