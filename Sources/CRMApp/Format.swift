import Foundation

/// Human-readable times and durations, shared by every view and the CLI's text output.
public enum Format {
    /// "2h15m", "3d", "45s": the two largest units, for relative times.
    public static func span(_ seconds: TimeInterval) -> String {
        let s = Int(abs(seconds).rounded(.down))
        let d = s / 86_400, h = (s % 86_400) / 3600, m = (s % 3600) / 60
        if d > 0 { return h > 0 ? "\(d)d\(h)h" : "\(d)d" }
        if h > 0 { return m > 0 ? "\(h)h\(m)m" : "\(h)h" }
        if m > 0 { return "\(m)m" }
        return "\(s)s"
    }

    /// An SLA countdown, in business time: `1:23:45`, `26:00:00`, `-0:12:09` once breached;
    /// `1:23` without seconds, and from 100 hours on (`-160:05`), where they are noise and would
    /// not fit the column. Hours never become days: 26 open hours shown as `1d 02:00` would
    /// read as one working day and two hours.
    public static func countdown(_ seconds: TimeInterval, showSeconds: Bool = true) -> String {
        let s = Int(abs(seconds).rounded(.down))
        let sign = seconds < 0 ? "-" : ""
        let withSeconds = showSeconds && s < 100 * 3600
        return sign + "\(s / 3600):" + two((s % 3600) / 60) + (withSeconds ? ":" + two(s % 60) : "")
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func gregorian(_ zone: TimeZone) -> Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = zone
        return c
    }

    /// "Mon 23 Nov 2026"
    public static func date(_ date: Date, zone: TimeZone) -> String {
        let c = gregorian(zone).dateComponents([.year, .month, .day, .weekday], from: date)
        return "\(weekdays[c.weekday! - 1]) \(c.day!) \(months[c.month! - 1]) \(c.year!)"
    }

    /// "10:00:00"
    public static func clock(_ date: Date, zone: TimeZone, seconds: Bool = true) -> String {
        let c = gregorian(zone).dateComponents([.hour, .minute, .second], from: date)
        let hm = two(c.hour!) + ":" + two(c.minute!)
        return seconds ? hm + ":" + two(c.second!) : hm
    }

    /// "Tue 24 Nov 14:30": a wall-clock moment near now, for details.
    public static func moment(_ date: Date, zone: TimeZone) -> String {
        let c = gregorian(zone).dateComponents([.month, .day, .weekday, .hour, .minute], from: date)
        return "\(weekdays[c.weekday! - 1]) \(c.day!) \(months[c.month! - 1]) "
            + two(c.hour!) + ":" + two(c.minute!)
    }

    /// "23 Nov"
    public static func dayMonth(_ date: Date, zone: TimeZone) -> String {
        let c = gregorian(zone).dateComponents([.month, .day], from: date)
        return "\(c.day!) \(months[c.month! - 1])"
    }
}

extension Format {
    /// "2026-11-24 09:00": how a time is prefilled in a form, readable back by `InputTime`.
    public static func input(_ date: Date, zone: TimeZone) -> String {
        let c = gregorian(zone).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(c.year!)-" + two(c.month!) + "-" + two(c.day!) + " " + two(c.hour!) + ":" + two(c.minute!)
    }
}

extension Format {
    /// "Tue 09:30" within six days of now, "12 Dec" further off: a deadline beside a countdown.
    public static func nearInstant(_ date: Date, now: Date, zone: TimeZone) -> String {
        guard abs(date.timeIntervalSince(now)) < 6 * 86_400 else { return dayMonth(date, zone: zone) }
        let c = gregorian(zone).dateComponents([.weekday, .hour, .minute], from: date)
        return "\(weekdays[c.weekday! - 1]) " + two(c.hour!) + ":" + two(c.minute!)
    }

    /// Goal progress as "84%", or "—" for someone without a goal: no goal is not 0 %.
    public static func percent(_ attainment: Double?, ascii: Bool = false) -> String {
        guard let attainment else { return ascii ? "-" : "—" }
        return "\(Int((attainment * 100).rounded()))%"
    }
}
