import Foundation

/// The occurrences one rule gives a series starting at `start`, worked out on the wall clock
/// of `zone` (RFC 5545 §3.3.10): each occurrence is a local day at the start's clock time, so
/// a weekly 19:30 stays 19:30 there across DST. A clock time a change skips moves forward by
/// the gap (RFC 5545 §3.3.5), one that happens twice means the first.
///
/// The rule's periods (days, weeks, months, years) are numbered from the start's, so the
/// occurrences near any instant are found without walking from the start, except for a
/// rule ended by `COUNT`, which must be counted (at most 10,000).
struct RuleExpansion {
    let rule: RecurrenceRule
    let start: Date
    let zone: TimeZone
    private let startDay: Int
    private let startSecond: Int
    private let fraction: Double
    private let startMonthDay: Int
    private let startMonth: Int

    /// Periods looked through for the next occurrence before giving up: enough for the
    /// rarest rule that still repeats (a 29 February every four years, as days).
    private static let scanLimit = 1_500

    init(rule: RecurrenceRule, start: Date, zone: TimeZone) {
        self.rule = rule
        self.start = start
        self.zone = zone
        let (date, second) = TimeText.wallClock(start, zone: zone)
        startDay = TimeText.daysFromCivil(year: date.year, month: date.month, day: date.day)
        startSecond = second
        let t = start.timeIntervalSince1970
        fraction = t - t.rounded(.down)
        startMonthDay = date.day
        startMonth = date.month
    }

    /// The first occurrence after `instant`.
    func first(after instant: Date) -> Date? {
        if start > instant { return start }
        if rule.count != nil { return counted { $0 > instant } }
        var k = max(period(ofDay: localDay(instant)), 0)
        for _ in 0..<Self.scanLimit {
            for day in days(inPeriod: k) where day > startDay {
                let t = time(day)
                if let until = rule.until, t > until { return nil }
                if t > instant { return t }
            }
            k += 1
        }
        return nil
    }

    /// The last occurrence at or before `instant`.
    func last(atOrBefore instant: Date) -> Date? {
        if start > instant { return nil }
        if rule.count != nil {
            var found = start
            _ = counted { t in
                if t > instant { return true }
                found = t
                return false
            }
            return found
        }
        var k = period(ofDay: localDay(instant))
        var steps = 0
        while k >= 0 && steps < Self.scanLimit {
            for day in days(inPeriod: k).reversed() where day > startDay {
                let t = time(day)
                if t <= instant && rule.until.map({ t <= $0 }) ?? true { return t }
            }
            k -= 1
            steps += 1
        }
        return start
    }

    /// Walks the rule's occurrences in order from the start, counted, until `stop` says so;
    /// that occurrence, or nil when the count runs out first. The start counts only when the
    /// rule gives it too (the series has it anyway), as dateutil and recurring-ical-events count.
    private func counted(until stop: (Date) -> Bool) -> Date? {
        guard let count = rule.count else { return nil }
        if stop(start) { return start }
        var seen = 0, k = 0, empty = 0
        while seen < count && empty < Self.scanLimit {
            let days = days(inPeriod: k).filter { $0 >= startDay }
            empty = days.isEmpty ? empty + 1 : 0
            for day in days {
                seen += 1
                let t = day == startDay ? start : time(day)
                if day != startDay && stop(t) { return t }
                if seen == count { return nil }
            }
            k += 1
        }
        return nil
    }

    private func time(_ day: Int) -> Date {
        Date(timeIntervalSince1970: Double(TimeText.utcSeconds(wallClock: day * 86_400 + startSecond, zone: zone)) + fraction)
    }

    private func localDay(_ instant: Date) -> Int {
        let d = TimeText.wallClock(instant, zone: zone).day
        return TimeText.daysFromCivil(year: d.year, month: d.month, day: d.day)
    }

    // MARK: - Periods

    static func weekday(_ day: Int) -> Int { ((day + 3) % 7 + 7) % 7 }

    private func weekStart(_ day: Int) -> Int { day - ((Self.weekday(day) - rule.weekStart) % 7 + 7) % 7 }

    private func monthIndex(_ day: Int) -> Int {
        let (y, m, _) = TimeText.civil(fromDays: day)
        return y * 12 + m - 1
    }

    /// The number of the rule's period (counted in intervals) that holds `day`.
    private func period(ofDay day: Int) -> Int {
        let i = rule.interval
        switch rule.frequency {
        case .daily: return TimeText.floorDiv(day - startDay, i)
        case .weekly: return TimeText.floorDiv(weekStart(day) - weekStart(startDay), 7 * i)
        case .monthly: return TimeText.floorDiv(monthIndex(day) - monthIndex(startDay), i)
        case .yearly: return TimeText.floorDiv(TimeText.civil(fromDays: day).year - TimeText.civil(fromDays: startDay).year, i)
        }
    }

    /// The days of period `k`, in order, with `BYSETPOS` applied.
    private func days(inPeriod k: Int) -> [Int] {
        let i = rule.interval
        var days: [Int]
        switch rule.frequency {
        case .daily:
            let day = startDay + k * i
            days = matchesLimits(day, dayOfWeekFilter: true) ? [day] : []
        case .weekly:
            let first = weekStart(startDay) + 7 * k * i
            let weekdays = rule.byDay.isEmpty ? [Self.weekday(startDay)] : rule.byDay.map(\.weekday)
            days = (first..<first + 7).filter { weekdays.contains(Self.weekday($0)) && monthAllowed($0) }
        case .monthly:
            let m = monthIndex(startDay) + k * i
            days = monthDays(year: TimeText.floorDiv(m, 12), month: m - TimeText.floorDiv(m, 12) * 12 + 1)
                .filter(monthAllowed)
        case .yearly:
            days = yearDays(TimeText.civil(fromDays: startDay).year + k * i)
        }
        guard !rule.bySetPos.isEmpty, !days.isEmpty else { return days }
        let picked = rule.bySetPos.compactMap { p -> Int? in
            let index = p > 0 ? p - 1 : days.count + p
            return days.indices.contains(index) ? days[index] : nil
        }
        return Array(Set(picked)).sorted()
    }

    private func monthAllowed(_ day: Int) -> Bool {
        rule.byMonth.isEmpty || rule.byMonth.contains(TimeText.civil(fromDays: day).month)
    }

    /// A daily rule's limits: month, day of month, day of year, weekday.
    private func matchesLimits(_ day: Int, dayOfWeekFilter: Bool) -> Bool {
        let (y, m, d) = TimeText.civil(fromDays: day)
        if !rule.byMonth.isEmpty && !rule.byMonth.contains(m) { return false }
        if !rule.byMonthDay.isEmpty {
            let length = LocalDate.daysIn(month: m, year: y)
            guard rule.byMonthDay.contains(where: { $0 == d || $0 == d - length - 1 }) else { return false }
        }
        if !rule.byYearDay.isEmpty {
            let first = TimeText.daysFromCivil(year: y, month: 1, day: 1)
            let length = TimeText.daysFromCivil(year: y + 1, month: 1, day: 1) - first
            let n = day - first + 1
            guard rule.byYearDay.contains(where: { $0 == n || $0 == n - length - 1 }) else { return false }
        }
        if dayOfWeekFilter && !rule.byDay.isEmpty && !rule.byDay.contains(where: { $0.weekday == Self.weekday(day) }) {
            return false
        }
        return true
    }

    /// The days of one month: by day of month and/or weekday (numbered within the month),
    /// else the start's day of month (skipped where the month is too short).
    private func monthDays(year: Int, month: Int) -> [Int] {
        let first = TimeText.daysFromCivil(year: year, month: month, day: 1)
        let length = LocalDate.daysIn(month: month, year: year)
        let byMonthDay = monthDayNumbers(length).map { first + $0 - 1 }
        if rule.byDay.isEmpty {
            return rule.byMonthDay.isEmpty ? (startMonthDay <= length ? [first + startMonthDay - 1] : []) : byMonthDay
        }
        let byDay = weekdays(in: first..<first + length)
        return rule.byMonthDay.isEmpty ? byDay : byDay.filter(byMonthDay.contains)
    }

    private func monthDayNumbers(_ length: Int) -> [Int] {
        Array(Set(rule.byMonthDay.compactMap { n -> Int? in
            let d = n > 0 ? n : length + n + 1
            return (1...length).contains(d) ? d : nil
        })).sorted()
    }

    /// `BYDAY` within `span`: every such weekday, or the n-th from the start (the end when negative).
    private func weekdays(in span: Range<Int>) -> [Int] {
        var out: Set<Int> = []
        for entry in rule.byDay {
            let firstMatch = span.lowerBound + ((entry.weekday - Self.weekday(span.lowerBound)) % 7 + 7) % 7
            let lastMatch = span.upperBound - 1 - ((Self.weekday(span.upperBound - 1) - entry.weekday) % 7 + 7) % 7
            if let n = entry.ordinal {
                let day = n > 0 ? firstMatch + 7 * (n - 1) : lastMatch - 7 * (-n - 1)
                if span.contains(day) { out.insert(day) }
            } else {
                out.formUnion(stride(from: firstMatch, to: span.upperBound, by: 7))
            }
        }
        return out.sorted()
    }

    private func yearDays(_ year: Int) -> [Int] {
        let first = TimeText.daysFromCivil(year: year, month: 1, day: 1)
        let next = TimeText.daysFromCivil(year: year + 1, month: 1, day: 1)
        let months = rule.byMonth.isEmpty ? nil : rule.byMonth.sorted()
        if !rule.byWeekNo.isEmpty {
            let weekdays = rule.byDay.isEmpty ? [Self.weekday(startDay)] : rule.byDay.map(\.weekday)
            return weekNumberDays(year).filter { weekdays.contains(Self.weekday($0)) && monthAllowed($0) }
        }
        if !rule.byYearDay.isEmpty {
            return (first..<next).filter { matchesLimits($0, dayOfWeekFilter: true) }
        }
        if !rule.byMonthDay.isEmpty || (rule.byDay.isEmpty || months != nil) {
            let inMonths = months ?? (rule.byMonthDay.isEmpty && rule.byDay.isEmpty ? [startMonth] : Array(1...12))
            return inMonths.flatMap { monthDays(year: year, month: $0) }
        }
        return weekdays(in: first..<next)
    }

    /// The days of the weeks `BYWEEKNO` names: week 1 is the first with at least four days
    /// in the year, weeks starting on `WKST` (ISO 8601 with Monday).
    private func weekNumberDays(_ year: Int) -> [Int] {
        func firstWeek(_ y: Int) -> Int {
            let jan1 = TimeText.daysFromCivil(year: y, month: 1, day: 1)
            let start = weekStart(jan1)
            return jan1 - start > 3 ? start + 7 : start
        }
        let week1 = firstWeek(year), weeks = (firstWeek(year + 1) - week1) / 7
        var out: [Int] = []
        for n in rule.byWeekNo {
            let w = n > 0 ? n : weeks + n + 1
            guard (1...weeks).contains(w) else { continue }
            let s = week1 + 7 * (w - 1)
            out += Array(s..<s + 7)
        }
        return Array(Set(out)).sorted()
    }
}
