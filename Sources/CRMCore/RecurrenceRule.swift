import Foundation

/// One RFC 5545 recurrence rule (§3.3.10), the `RRULE` value, from daily on. Rules that
/// repeat more often than daily, or by hour, minute or second, are refused: a reminder
/// cannot ring that often, and crmtop keeps each occurrence at the first one's clock time.
public struct RecurrenceRule: Equatable, Sendable {
    public enum Frequency: String, Sendable, CaseIterable {
        case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// A `BYDAY` entry: a weekday (0 Monday … 6 Sunday), with an ordinal inside the month
    /// or year (`-1FR`, the last Friday) or none (every Friday).
    public struct WeekdayNumber: Equatable, Sendable {
        public var ordinal: Int?
        public var weekday: Int

        public init(_ weekday: Int, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }
    }

    public struct ParseError: Error, Equatable, Sendable {
        /// The part at fault, e.g. `BYDAY=XX`.
        public var part: String
        public var why: String
        public var message: String { part.isEmpty ? why : "\(part): \(why)" }
    }

    public static let weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    public static let counts = 1...10_000
    public static let intervals = 1...1_000

    public var frequency: Frequency
    public var interval = 1
    public var count: Int?
    /// The last instant an occurrence may have (inclusive).
    public var until: Date?
    /// `UNTIL` was a date: written back as one.
    public var untilIsDate = false
    public var byDay: [WeekdayNumber] = []
    public var byMonthDay: [Int] = []
    public var byMonth: [Int] = []
    public var byYearDay: [Int] = []
    public var byWeekNo: [Int] = []
    public var bySetPos: [Int] = []
    /// 0 Monday … 6 Sunday.
    public var weekStart = 0

    public init(_ frequency: Frequency) { self.frequency = frequency }

    // MARK: - Text

    /// Reads `FREQ=WEEKLY;BYDAY=MO,WE`. `zone` places an `UNTIL` without `Z` (a date, or a
    /// floating date-time) on a clock, the zone of the series it ends.
    public init(parsing text: String, zone: TimeZone) throws(ParseError) {
        var frequency: Frequency?
        var rule = RecurrenceRule(.daily)
        var seen: Set<String> = []
        for part in text.split(separator: ";", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            let shown = String(part.prefix(60))
            guard kv.count == 2, !kv[1].isEmpty else { throw ParseError(part: shown, why: "a rule part needs NAME=VALUE") }
            let name = kv[0].uppercased(), value = kv[1].uppercased()
            guard seen.insert(name).inserted else { throw ParseError(part: name, why: "given twice") }
            func fail(_ why: String) -> ParseError { ParseError(part: "\(name)=\(shown.dropFirst(name.count + 1))", why: why) }
            func numbers(_ range: ClosedRange<Int>, signed: Bool) throws(ParseError) -> [Int] {
                var out: [Int] = []
                for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let n = Self.integer(item, signed: signed), range.contains(abs(n)), n != 0 || range.lowerBound == 0 else {
                        throw fail("\"\(item)\" is not a number from \(signed ? "±" : "")\(range.lowerBound) to \(range.upperBound)")
                    }
                    out.append(n)
                }
                return out
            }
            switch name {
            case "FREQ":
                guard let f = Frequency(rawValue: value) else {
                    if ["SECONDLY", "MINUTELY", "HOURLY"].contains(value) {
                        throw fail("repeats more often than daily; crmtop reads DAILY, WEEKLY, MONTHLY and YEARLY")
                    }
                    throw fail("not a frequency; crmtop reads DAILY, WEEKLY, MONTHLY and YEARLY")
                }
                frequency = f
            case "INTERVAL":
                guard let n = Self.integer(Substring(value), signed: false), Self.intervals.contains(n) else {
                    throw fail("out of range; crmtop reads INTERVAL from \(Self.intervals.lowerBound) to \(Self.intervals.upperBound)")
                }
                rule.interval = n
            case "COUNT":
                guard let n = Self.integer(Substring(value), signed: false), Self.counts.contains(n) else {
                    throw fail("out of range; crmtop reads COUNT from \(Self.counts.lowerBound) to \(Self.counts.upperBound)")
                }
                rule.count = n
            case "UNTIL":
                guard let (date, isDate) = Self.until(value, zone: zone) else { throw fail("not a date or date-time") }
                rule.until = date
                rule.untilIsDate = isDate
            case "BYDAY":
                for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                    guard item.count >= 2, let day = Self.weekdayCodes.firstIndex(of: String(item.suffix(2))) else {
                        throw fail("\"\(item)\" is not a weekday (MO … SU, optionally numbered: 1MO, -1FR)")
                    }
                    let prefix = item.dropLast(2)
                    var ordinal: Int?
                    if !prefix.isEmpty {
                        guard let n = Self.integer(prefix, signed: true), n != 0, abs(n) <= 53 else {
                            throw fail("\"\(item)\" numbers a weekday outside ±1 to ±53")
                        }
                        ordinal = n
                    }
                    rule.byDay.append(WeekdayNumber(day, ordinal: ordinal))
                }
            case "BYMONTHDAY": rule.byMonthDay = try numbers(1...31, signed: true)
            case "BYMONTH": rule.byMonth = try numbers(1...12, signed: false)
            case "BYYEARDAY": rule.byYearDay = try numbers(1...366, signed: true)
            case "BYWEEKNO": rule.byWeekNo = try numbers(1...53, signed: true)
            case "BYSETPOS": rule.bySetPos = try numbers(1...366, signed: true)
            case "WKST":
                guard let day = Self.weekdayCodes.firstIndex(of: value) else { throw fail("not a weekday (MO … SU)") }
                rule.weekStart = day
            case "BYHOUR", "BYMINUTE", "BYSECOND":
                throw fail("crmtop repeats at the first occurrence's clock time, not by hour, minute or second")
            default:
                if name.hasPrefix("X-") { continue }
                throw fail("not a rule part")
            }
        }
        guard let frequency else { throw ParseError(part: "", why: "the rule has no FREQ") }
        guard rule.count == nil || rule.until == nil else { throw ParseError(part: "COUNT", why: "a rule ends by COUNT or by UNTIL, not both") }
        rule.frequency = frequency
        if frequency != .monthly && frequency != .yearly, let numbered = rule.byDay.first(where: { $0.ordinal != nil }) {
            throw ParseError(part: "BYDAY", why: "a numbered weekday (\(numbered.ordinal!)\(Self.weekdayCodes[numbered.weekday])) needs FREQ=MONTHLY or YEARLY")
        }
        if !rule.byWeekNo.isEmpty && frequency != .yearly { throw ParseError(part: "BYWEEKNO", why: "needs FREQ=YEARLY") }
        if !rule.byYearDay.isEmpty && (frequency == .weekly || frequency == .monthly) {
            throw ParseError(part: "BYYEARDAY", why: "needs FREQ=DAILY or YEARLY")
        }
        if frequency == .weekly && !rule.byMonthDay.isEmpty { throw ParseError(part: "BYMONTHDAY", why: "cannot go with FREQ=WEEKLY") }
        self = rule
    }

    /// The rule as `RRULE` writes it, parts in RFC 5545's order; `UNTIL` in UTC (a date stays a date).
    public func text(zone: TimeZone) -> String {
        var parts = ["FREQ=" + frequency.rawValue]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if let count { parts.append("COUNT=\(count)") }
        if let until {
            if untilIsDate {
                let day = TimeText.wallClock(until, zone: zone).day
                parts.append("UNTIL=" + String(format: "%04d%02d%02d", day.year, day.month, day.day))
            } else {
                let utc = TimeText.formatUTC(Date(timeIntervalSince1970: until.timeIntervalSince1970.rounded(.down)))
                parts.append("UNTIL=" + utc.filter { $0 != "-" && $0 != ":" })
            }
        }
        func list(_ name: String, _ values: [Int]) {
            if !values.isEmpty { parts.append(name + "=" + values.map(String.init).joined(separator: ",")) }
        }
        list("BYMONTH", byMonth)
        list("BYWEEKNO", byWeekNo)
        list("BYYEARDAY", byYearDay)
        list("BYMONTHDAY", byMonthDay)
        if !byDay.isEmpty {
            parts.append("BYDAY=" + byDay.map { ($0.ordinal.map(String.init) ?? "") + Self.weekdayCodes[$0.weekday] }
                .joined(separator: ","))
        }
        list("BYSETPOS", bySetPos)
        if weekStart != 0 { parts.append("WKST=" + Self.weekdayCodes[weekStart]) }
        return parts.joined(separator: ";")
    }

    private static func integer(_ s: Substring, signed: Bool) -> Int? {
        var digits = s
        var sign = 1
        if signed, let first = s.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            digits = s.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 9, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(digits).map { $0 * sign }
    }

    /// `20261231`, `20261231T235959Z` or a floating `20261231T235959`. A date ends at the end
    /// of that day, so an occurrence on it still counts.
    private static func until(_ s: String, zone: TimeZone) -> (Date, Bool)? {
        let v = Array(s.utf8)
        func number(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= v.count, v[r].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return Int(String(decoding: v[r], as: UTF8.self))
        }
        guard let y = number(0..<4), let m = number(4..<6), let d = number(6..<8), (1...12).contains(m),
              d >= 1, d <= LocalDate.daysIn(month: m, year: y) else { return nil }
        let day = TimeText.daysFromCivil(year: y, month: m, day: d)
        if v.count == 8 {
            return (Date(timeIntervalSince1970: Double(TimeText.utcSeconds(wallClock: day * 86_400 + 86_399, zone: zone))), true)
        }
        guard v.count == 15 || (v.count == 16 && v[15] == UInt8(ascii: "Z")), v[8] == UInt8(ascii: "T"),
              let h = number(9..<11), let mi = number(11..<13), let sec = number(13..<15), h < 24, mi < 60, sec < 61
        else { return nil }
        let local = day * 86_400 + h * 3600 + mi * 60 + min(sec, 59)
        let utc = v.count == 16 ? local : TimeText.utcSeconds(wallClock: local, zone: zone)
        return (Date(timeIntervalSince1970: Double(utc)), false)
    }
}
