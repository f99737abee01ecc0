import Foundation

/// Reading and writing instants as text: ISO 8601 with or without an offset, and `YYYY-MM-DD HH:MM`.
///
/// Hand-parsed because loading a data set parses hundreds of thousands of times, and the
/// Foundation formatters are both slow and locale-sensitive. Forms with an offset need no
/// time-zone data at all; only forms without one consult `zone`.
public enum TimeText {
    /// Accepts `2026-11-23T10:00:00+01:00`, `…Z`, `…+0100`, `…+01`, fractional seconds,
    /// seconds left out (`2026-11-23T10:00+01:00`), a space instead of `T`
    /// (`2026-11-23 10:00`), and any of these without an offset, which then is wall-clock
    /// time in `zone`. Returns nil when the text is not a real time.
    public static func parse(_ text: String, zone: TimeZone) -> Date? {
        var text = text
        return text.withUTF8 { parse(utf8: $0, zone: zone) }
    }

    public static func parse(utf8 s: UnsafeBufferPointer<UInt8>, zone: TimeZone) -> Date? {
        var day = RecentDay()
        return parse(utf8: s, zone: zone, recent: &day)
    }

    /// The calendar day of the last time read, and its day number: times read one after
    /// another from a log mostly fall on the same day, which then need not be worked out.
    public struct RecentDay {
        fileprivate var text: (UInt64, UInt16) = (0, 0)
        fileprivate var days = 0
        public init() {}
    }

    /// `parse`, remembering the day in `recent` for the next time read.
    public static func parse(utf8 s: UnsafeBufferPointer<UInt8>, zone: TimeZone, recent: inout RecentDay) -> Date? {
        if let seconds = wholeSecondsWithOffset(s, recent: &recent) {
            return Date(timeIntervalSinceReferenceDate: Double(seconds - unixToReference))
        }
        guard let t = Fields(s) else { return nil }
        let local = daysFromCivil(year: t.year, month: t.month, day: t.day) * 86_400
            + t.hour * 3600 + t.minute * 60 + t.second
        let seconds = t.offset.map { local - $0 } ?? utcSeconds(wallClock: local, zone: zone)
        return Date(timeIntervalSinceReferenceDate: Double(seconds - unixToReference) + t.fraction)
    }

    /// ISO 8601 with the offset `zone` has at that instant: `2026-11-23T11:00:00+01:00`.
    /// Whole seconds unless the instant has a fraction, which is kept to the millisecond.
    public static func format(_ date: Date, zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        return render(date, offset: offset, utcAsZ: false)
    }

    /// ISO 8601 in UTC: `2026-11-23T10:00:00Z`.
    public static func formatUTC(_ date: Date) -> String {
        render(date, offset: 0, utcAsZ: true)
    }

    /// The instant at which the wall clock in `zone` shows `minute` minutes after midnight
    /// of `day`, resolved the same way as `parse` resolves times without an offset.
    public static func date(_ day: LocalDate, minute: Int, zone: TimeZone) -> Date {
        let local = daysFromCivil(year: day.year, month: day.month, day: day.day) * 86_400 + minute * 60
        return Date(timeIntervalSinceReferenceDate: Double(utcSeconds(wallClock: local, zone: zone) - unixToReference))
    }

    /// The calendar date and seconds after midnight the wall clock in `zone` shows at `date`.
    public static func wallClock(_ date: Date, zone: TimeZone) -> (day: LocalDate, second: Int) {
        let local = Int((date.timeIntervalSince1970).rounded(.down)) + zone.secondsFromGMT(for: date)
        let days = floorDiv(local, 86_400)
        let (y, m, d) = civil(fromDays: days)
        return (LocalDate(year: y, month: m, day: d), local - days * 86_400)
    }

    /// The form crmtop writes, `2026-11-23T10:00:00+01:00`, read without the general parser's
    /// bookkeeping: files hold hundreds of thousands of them. Nil for any other form.
    @inline(__always)
    static func wholeSecondsWithOffset(_ s: UnsafeBufferPointer<UInt8>, recent: inout RecentDay) -> Int? {
        guard s.count == 25, s[4] == 0x2D, s[7] == 0x2D, s[10] == 0x54, s[13] == 0x3A, s[16] == 0x3A,
              s[19] == 0x2B || s[19] == 0x2D, s[22] == 0x3A else { return nil }
        var bad = false
        func number(_ at: Int, _ width: Int) -> Int {
            var v = 0
            for k in at..<(at + width) {
                let d = Int(s[k]) &- 0x30
                if d < 0 || d > 9 { bad = true }
                v = v &* 10 &+ d
            }
            return v
        }
        let date = UnsafeRawPointer(s.baseAddress!)
        let text = (date.loadUnaligned(as: UInt64.self), date.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        if text != recent.text {
            let year = number(0, 4), month = number(5, 2), day = number(8, 2)
            guard !bad, (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year)
            else { return nil }
            recent.text = text
            recent.days = daysFromCivil(year: year, month: month, day: day)
        }
        let hour = number(11, 2), minute = number(14, 2), second = number(17, 2)
        let offset = (number(20, 2) * 3600 + number(23, 2) * 60) * (s[19] == 0x2D ? -1 : 1)
        guard !bad, hour < 24, minute < 60, second < 60, number(20, 2) < 24, number(23, 2) < 60 else { return nil }
        return recent.days * 86_400 + hour * 3600 + minute * 60 + second - offset
    }

    // MARK: - Wall clock to UTC

    /// A wall-clock time can occur twice (clocks go back) or never (clocks go forward).
    /// Twice: the earlier instant, as people mean the first 02:30 they live through.
    /// Never: moved forward by the size of the gap (02:30 becomes 03:30), as `Calendar` does.
    static func utcSeconds(wallClock local: Int, zone: TimeZone) -> Int {
        func offset(at t: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t))) }
        // A day either side brackets every real offset (all lie within ±14 h), and no zone
        // changes its offset twice within two days.
        let before = offset(at: local - 86_400), after = offset(at: local + 86_400)
        let early = local - before, late = local - after
        let earlyFits = offset(at: early) == before, lateFits = offset(at: late) == after
        switch (earlyFits, lateFits) {
        case (true, true): return min(early, late)
        case (true, false): return early
        case (false, true): return late
        case (false, false): return early
        }
    }

    // MARK: - Rendering

    private static func render(_ date: Date, offset: Int, utcAsZ: Bool) -> String {
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded()) + offset * 1000
        let local = floorDiv(millis, 1000), fraction = millis - local * 1000
        let days = floorDiv(local, 86_400), second = local - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        var out = [UInt8]()
        out.reserveCapacity(29)
        func put(_ n: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = abs(n)
            while divisor * 10 <= rest { divisor *= 10 }
            while divisor > 0 {
                out.append(0x30 + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        func char(_ c: Unicode.Scalar) { out.append(UInt8(ascii: c)) }
        if y < 0 { char("-") }
        put(y, 4); char("-"); put(m, 2); char("-"); put(d, 2); char("T")
        put(second / 3600, 2); char(":"); put(second / 60 % 60, 2); char(":"); put(second % 60, 2)
        if fraction != 0 { char("."); put(fraction, 3) }
        if offset == 0 && utcAsZ {
            char("Z")
        } else {
            char(offset < 0 ? "-" : "+")
            put(abs(offset) / 3600, 2); char(":"); put(abs(offset) / 60 % 60, 2)
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian; H. Hinnant's days_from_civil)

    static let unixToReference = 978_307_200

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

/// The pieces of a time as written, checked for range but not yet placed in a zone.
private struct Fields {
    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
    var fraction = 0.0
    var offset: Int?

    init?(_ s: UnsafeBufferPointer<UInt8>) {
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= s.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                let d = Int(s[k]) - 0x30
                guard (0...9).contains(d) else { return nil }
                v = v * 10 + d
            }
            i += n
            return v
        }
        func take(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        let colon: UInt8 = 0x3A, dash: UInt8 = 0x2D, plus: UInt8 = 0x2B

        guard let y = digits(4), take(dash), let mo = digits(2), take(dash), let d = digits(2),
              (1...12).contains(mo), (1...LocalDate.daysIn(month: mo, year: y)).contains(d),
              i < s.count, s[i] == 0x54 || s[i] == 0x74 || s[i] == 0x20
        else { return nil }
        i += 1
        guard let h = digits(2), take(colon), let mi = digits(2), h < 24, mi < 60 else { return nil }
        (year, month, day, hour, minute) = (y, mo, d, h, mi)

        if take(colon) {
            guard let sec = digits(2), sec < 60 else { return nil }
            second = sec
            if take(0x2E) {
                // Nanoseconds are more than a Date can hold; further digits are read and dropped.
                let start = i
                var value = 0, kept = 0, scale = 1.0
                while i < s.count, (0x30...0x39).contains(s[i]) {
                    if kept < 9 {
                        value = value * 10 + Int(s[i] - 0x30)
                        kept += 1
                        scale *= 10
                    }
                    i += 1
                }
                guard i > start else { return nil }
                fraction = Double(value) / scale
            }
        }
        guard i < s.count else { return }  // no offset: wall-clock time
        if s[i] == 0x5A || s[i] == 0x7A {
            i += 1
            offset = 0
        } else if s[i] == plus || s[i] == dash {
            let sign = s[i] == dash ? -1 : 1
            i += 1
            guard let oh = digits(2), oh < 24 else { return nil }
            var om = 0
            if i < s.count {
                _ = take(colon)
                guard let m = digits(2), m < 60 else { return nil }
                om = m
            }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == s.count else { return nil }
    }
}
