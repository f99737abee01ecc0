import Foundation

// Business time arithmetic on a `BusinessCalendar`.
//
// The one rule everything follows: an instant is open when its local wall-clock time in the
// calendar's zone falls inside one of the open ranges of that local date's weekday, and that
// local date is not a holiday. Consequences worth knowing:
// - Wall-clock times skipped when clocks spring forward are never open: 01:30–03:30 on
//   2026-03-29 in Europe/Berlin is one hour long.
// - Wall-clock times repeated when clocks fall back are open twice: 00:00–06:00 on 2026-10-25
//   in Europe/Berlin is seven hours long.
// - A calendar without hours is open around the clock. If it also has no holidays it counts
//   plain elapsed seconds; its holidays, if any, close those whole local dates.
// - A calendar whose hours are all empty or invalid is never open: adding time to it never
//   arrives (`Date.distantFuture`).
// - Ranges are half-open: 09:00–17:00 is open at 09:00 and closed at 17:00. A range whose end
//   is not after its start is ignored, so a night shift is written as two ranges
//   (Mon 22:00–24:00, Tue 00:00–06:00). Minutes are clamped to 0…1440.

extension BusinessCalendar {
    /// Whether the calendar is open at `instant`.
    public func isOpen(at instant: Date) -> Bool {
        BusinessTime(self).isOpen(at: instant)
    }

    /// The earliest open instant at or after `instant` (`instant` itself when open);
    /// `Date.distantFuture` when the calendar is never open.
    public func nextOpen(after instant: Date) -> Date {
        BusinessTime(self).nextOpen(after: instant)
    }

    /// Open time between two instants; negative when `end` is before `start`.
    public func businessSeconds(from start: Date, to end: Date) -> TimeInterval {
        BusinessTime(self).businessSeconds(from: start, to: end)
    }

    /// The earliest instant at which `amount` of open time has passed since `instant`; a start in
    /// closed hours moves to the next open moment first. A negative amount goes back: the latest
    /// instant from which `-amount` of open time reaches `instant`. Zero gives `nextOpen(after:)`.
    public func adding(businessSeconds amount: TimeInterval, to instant: Date) -> Date {
        BusinessTime(self).adding(businessSeconds: amount, to: instant)
    }

    /// The open intervals of one local date, in order; a holiday has none.
    public func openIntervals(on date: LocalDate) -> [DateInterval] {
        BusinessTime(self).openIntervals(on: date)
    }
}

/// A business calendar prepared for arithmetic; `BusinessCalendar`'s methods go through it.
/// Holding one skips even the cached lookup when doing many calculations on one calendar.
public struct BusinessTime: Sendable {
    /// The calendar's name; nil for `calendarTime`.
    public let calendarName: String?

    /// The calendar's tables, in one box: a business time is handed to the SLA clock code for
    /// each of 20,000 open cases every second, and each copy of four arrays and a zone would
    /// count five references up and down.
    private let tables: Tables

    private final class Tables: Sendable {
        let zone: ZoneTable
        /// Plain elapsed seconds: no hours and no holidays.
        let continuous: Bool
        /// Open spans per weekday (0 = Monday), seconds after local midnight, sorted and disjoint.
        let spans: [[Span]]
        /// Open seconds in a week before each weekday starts; the last entry is the whole week.
        let weekPrefix: [Double]
        /// Holidays as day numbers (days since 1970-01-01), sorted and unique.
        let holidays: [Int]
        /// `holidayPrefix[i]` = open seconds the first `i` holidays take away.
        let holidayPrefix: [Double]

        init(zone: ZoneTable, continuous: Bool, spans: [[Span]], weekPrefix: [Double], holidays: [Int],
             holidayPrefix: [Double]) {
            self.zone = zone
            self.continuous = continuous
            self.spans = spans
            self.weekPrefix = weekPrefix
            self.holidays = holidays
            self.holidayPrefix = holidayPrefix
        }
    }

    private var zone: ZoneTable { tables.zone }
    private var continuous: Bool { tables.continuous }
    private var spans: [[Span]] { tables.spans }
    private var weekPrefix: [Double] { tables.weekPrefix }
    private var holidays: [Int] { tables.holidays }
    private var holidayPrefix: [Double] { tables.holidayPrefix }

    private var weekOpen: Double { weekPrefix[7] }

    /// Counts every second, in UTC: SLA policies without a calendar use this.
    public static let calendarTime = BusinessTime(
        BusinessCalendar(name: "", zone: "UTC", hours: []), calendarName: nil)

    public init(_ calendar: BusinessCalendar) {
        self = compiledCalendars.value(for: calendar.name, matching: calendar) {
            BusinessTime(calendar, calendarName: calendar.name)
        }
    }

    private init(_ calendar: BusinessCalendar, calendarName: String?) {
        self.calendarName = calendarName

        var perDay = [[Span]](repeating: [], count: 7)
        if calendar.hours.isEmpty {
            perDay = [[Span]](repeating: [Span(start: 0, end: secondsPerDay)], count: 7)
        } else {
            for range in calendar.hours where (1...7).contains(range.weekday) {
                let start = Double(min(max(range.startMinute, 0), 1440) * 60)
                let end = Double(min(max(range.endMinute, 0), 1440) * 60)
                if end > start { perDay[range.weekday - 1].append(Span(start: start, end: end)) }
            }
            perDay = perDay.map(Span.merged)
        }

        var prefix = [0.0]
        for day in perDay { prefix.append(prefix.last! + day.reduce(0) { $0 + $1.length }) }

        let days = Set(calendar.holidays.compactMap(dayNumber(of:))).sorted()
        var removed = [0.0]
        for day in days {
            removed.append(removed.last! + prefix[weekdayIndex(day) + 1] - prefix[weekdayIndex(day)])
        }

        tables = Tables(zone: ZoneTable.shared(for: calendar.timeZone),
                        continuous: calendar.hours.isEmpty && days.isEmpty,
                        spans: perDay, weekPrefix: prefix, holidays: days, holidayPrefix: removed)
    }

    // MARK: Queries

    public func isOpen(at instant: Date) -> Bool {
        if continuous { return true }
        let t = seconds(instant)
        return isOpenLocal(t + zone.segment(startingAt: t).offset)
    }

    public func nextOpen(after instant: Date) -> Date {
        if continuous { return instant }
        guard weekOpen > 0 else { return .distantFuture }
        if isOpen(at: instant) { return instant }
        var t = seconds(instant)
        while true {
            let (offset, end) = zone.segment(startingAt: t)
            let local = t + offset
            if isOpenLocal(local) { return Date(timeIntervalSince1970: t) }
            let candidate = latestLocal(notExceeding: cumulative(local), near: day(local)) - offset
            // The next opening may fall in wall-clock time this offset never reaches (a skipped
            // hour); then the next offset period decides.
            if candidate < end { return Date(timeIntervalSince1970: candidate) }
            t = end
        }
    }

    public func businessSeconds(from start: Date, to end: Date) -> TimeInterval {
        if end < start { return -businessSeconds(from: end, to: start) }
        if continuous { return end.timeIntervalSince(start) }
        let stop = seconds(end)
        var t = seconds(start)
        var total = 0.0
        while t < stop {
            let (offset, boundary) = zone.segment(startingAt: t)
            let next = min(boundary, stop)
            total += cumulative(next + offset) - cumulative(t + offset)
            t = next
        }
        return total
    }

    public func adding(businessSeconds amount: TimeInterval, to instant: Date) -> Date {
        if continuous { return instant.addingTimeInterval(amount) }
        guard weekOpen > 0 else { return amount < 0 ? .distantPast : .distantFuture }
        if amount == 0 || amount.isNaN { return nextOpen(after: instant) }
        let limit = 1e11
        return amount > 0
            ? forward(min(amount, limit), from: seconds(instant))
            : backward(min(-amount, limit), from: seconds(instant))
    }

    public func openIntervals(on date: LocalDate) -> [DateInterval] {
        guard let d = dayNumber(of: date), !isHoliday(d) else { return [] }
        let dayStart = Double(d) * secondsPerDay
        let daySpans = spans[weekdayIndex(d)]
        guard !daySpans.isEmpty else { return [] }
        // UTC offsets lie within -12 h … +14 h, so this window brackets every moment of the date.
        let windowEnd = dayStart + 2 * secondsPerDay
        var t = dayStart - secondsPerDay - 3 * 3600
        var found: [Span] = []
        while t < windowEnd {
            let (offset, boundary) = zone.segment(startingAt: t)
            let next = min(boundary, windowEnd)
            for span in daySpans {
                let from = max(dayStart + span.start, t + offset)
                let to = min(dayStart + span.end, next + offset)
                if to > from { found.append(Span(start: from - offset, end: to - offset)) }
            }
            t = next
        }
        return Span.merged(found).map {
            DateInterval(start: Date(timeIntervalSince1970: $0.start),
                         end: Date(timeIntervalSince1970: $0.end))
        }
    }

    // MARK: Walking through offset periods

    private func forward(_ amount: Double, from start: Double) -> Date {
        var t = start
        var left = amount
        while true {
            let (offset, end) = zone.segment(startingAt: t)
            let base = cumulative(t + offset)
            if end.isFinite {
                let available = cumulative(end + offset) - base
                if available < left {
                    left -= available
                    t = end
                    continue
                }
            }
            let local = earliestLocal(reaching: base + left, near: day(t + offset))
            return Date(timeIntervalSince1970: min(local - offset, end))
        }
    }

    private func backward(_ amount: Double, from start: Double) -> Date {
        var t = start
        var left = amount
        while true {
            let (offset, begin) = zone.segment(endingAt: t)
            let top = cumulative(t + offset)
            let available = top - cumulative(begin + offset)
            if available < left {
                left -= available
                t = begin
                continue
            }
            let local = latestLocal(notExceeding: top - left, near: day(t + offset))
            return Date(timeIntervalSince1970: max(local - offset, begin))
        }
    }

    // MARK: Local (wall-clock) time line
    //
    // "Local seconds" count wall-clock time as if every day had 86,400 seconds: instant + offset.
    // Within one offset period the map is a shift, so open time between two instants is the
    // difference of `cumulative` at their local seconds. The weekly pattern makes `cumulative`
    // arithmetic: whole weeks times the weekly total, minus what the holidays before it take.

    /// Open seconds from the Monday 1970-01-05 epoch (negative before it) up to `local`.
    private func cumulative(_ local: Double) -> Double {
        let d = day(local)
        let weekday = weekdayIndex(d)
        let intoDay = within(weekday, local - Double(d) * secondsPerDay)
        let h = lowerBound(holidays, d)
        var value = Double(weeksSinceEpoch(d)) * weekOpen + weekPrefix[weekday] + intoDay
            - holidayPrefix[h]
        if h < holidays.count && holidays[h] == d { value -= intoDay }
        return value
    }

    /// `cumulative` at local midnight starting day `d`.
    private func atDayStart(_ d: Int) -> Double {
        Double(weeksSinceEpoch(d)) * weekOpen + weekPrefix[weekdayIndex(d)]
            - holidayPrefix[lowerBound(holidays, d)]
    }

    /// The earliest local second at which `cumulative` reaches `value`.
    private func earliestLocal(reaching value: Double, near guess: Int) -> Double {
        let d = firstDay(near: guess) { atDayStart($0) >= value } - 1
        let dayStart = Double(d) * secondsPerDay
        var need = value - atDayStart(d)
        let daySpans = spans[weekdayIndex(d)]
        for span in daySpans {
            if need <= span.length { return dayStart + span.start + need }
            need -= span.length
        }
        return dayStart + (daySpans.last?.end ?? 0)  // rounding only
    }

    /// The latest local second at which `cumulative` has not passed `value`: the moment just
    /// before open time beyond `value` starts counting.
    private func latestLocal(notExceeding value: Double, near guess: Int) -> Double {
        let d = firstDay(near: guess) { atDayStart($0) > value } - 1
        let dayStart = Double(d) * secondsPerDay
        var need = value - atDayStart(d)
        let daySpans = spans[weekdayIndex(d)]
        for span in daySpans {
            if need < span.length { return dayStart + span.start + max(need, 0) }
            need -= span.length
        }
        return dayStart + (daySpans.last?.end ?? 0)  // rounding only
    }

    /// The smallest day for which `reached` holds, for a predicate that turns true once and stays
    /// true. Gallops from `guess`, so the cost grows with the log of the distance.
    private func firstDay(near guess: Int, where reached: (Int) -> Bool) -> Int {
        var no: Int
        var yes: Int
        var step = 1
        if reached(guess) {
            yes = guess
            while true {
                let probe = guess - step
                if !reached(probe) { no = probe; break }
                yes = probe
                step *= 2
            }
        } else {
            no = guess
            while true {
                let probe = guess + step
                if reached(probe) { yes = probe; break }
                no = probe
                step *= 2
            }
        }
        while yes - no > 1 {
            let mid = no + (yes - no) / 2
            if reached(mid) { yes = mid } else { no = mid }
        }
        return yes
    }

    private func isOpenLocal(_ local: Double) -> Bool {
        let d = day(local)
        guard !isHoliday(d) else { return false }
        let intoDay = local - Double(d) * secondsPerDay
        return spans[weekdayIndex(d)].contains { $0.start <= intoDay && intoDay < $0.end }
    }

    private func isHoliday(_ d: Int) -> Bool {
        let i = lowerBound(holidays, d)
        return i < holidays.count && holidays[i] == d
    }

    /// Open seconds of weekday `weekday` before `intoDay` seconds after its midnight.
    private func within(_ weekday: Int, _ intoDay: Double) -> Double {
        var total = 0.0
        for span in spans[weekday] {
            if intoDay <= span.start { break }
            total += min(intoDay, span.end) - span.start
        }
        return total
    }
}

// MARK: - Helpers

private let secondsPerDay = 86_400.0

/// Half-open `[start, end)` in seconds.
private struct Span: Sendable {
    var start: Double
    var end: Double
    var length: Double { end - start }

    static func merged(_ spans: [Span]) -> [Span] {
        var result: [Span] = []
        for span in spans.sorted(by: { $0.start < $1.start }) {
            if let last = result.last, span.start <= last.end {
                result[result.count - 1].end = max(last.end, span.end)
            } else {
                result.append(span)
            }
        }
        return result
    }
}

/// Keeps arithmetic finite and in `Int` range for any `Date`, including the distant ones.
private func seconds(_ date: Date) -> Double {
    let t = date.timeIntervalSince1970
    return t.isNaN ? 0 : min(max(t, -1e11), 1e11)
}

private func day(_ local: Double) -> Int { Int((local / secondsPerDay).rounded(.down)) }

/// 0 = Monday … 6 = Sunday; day 0 (1970-01-01) was a Thursday.
private func weekdayIndex(_ day: Int) -> Int { ((day + 3) % 7 + 7) % 7 }

/// Whole weeks between Monday 1970-01-05 and the Monday starting the week of `day`.
private func weeksSinceEpoch(_ day: Int) -> Int { (day - weekdayIndex(day) - 4) / 7 }

/// Days since 1970-01-01 (proleptic Gregorian); nil for a date that does not exist.
private func dayNumber(of date: LocalDate) -> Int? {
    guard (1...12).contains(date.month),
          (1...LocalDate.daysIn(month: date.month, year: date.year)).contains(date.day)
    else { return nil }
    // Howard Hinnant's days_from_civil.
    let y = date.month <= 2 ? date.year - 1 : date.year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (date.month + 9) % 12
    let doy = (153 * mp + 2) / 5 + date.day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

private func lowerBound(_ values: [Int], _ key: Int) -> Int {
    var lo = 0
    var hi = values.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if values[mid] < key { lo = mid + 1 } else { hi = mid }
    }
    return lo
}

// MARK: - Zone offsets

/// A zone's UTC offsets as periods between transitions. Transitions from 1900 to 2200 are read
/// once per zone and kept, because asking the system zone for the next transition on every
/// calculation would dominate the cost of sorting thousands of cases each frame.
private final class ZoneTable: Sendable {
    private let zone: TimeZone
    private let lower: Double
    private let upper: Double
    private let transitions: [Double]
    /// `offsets[i]` holds from `transitions[i - 1]` (or `lower`) to `transitions[i]` (or `upper`).
    private let offsets: [Double]

    private init(zone: TimeZone) {
        self.zone = zone
        lower = -2_208_988_800  // 1900-01-01T00:00Z
        upper = 7_258_118_400  // 2200-01-01T00:00Z
        var found: [Double] = []
        var foundOffsets = [Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: lower)))]
        var t = lower
        while let next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: t))?
            .timeIntervalSince1970, next > t, next < upper {
            found.append(next)
            foundOffsets.append(Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: next))))
            t = next
        }
        transitions = found
        offsets = foundOffsets
    }

    private static let cache = MemoCache<TimeZone, ZoneTable>()

    static func shared(for zone: TimeZone) -> ZoneTable {
        cache.value(for: zone.identifier, matching: zone) { ZoneTable(zone: zone) }
    }

    /// The offset in force at `t` and the next instant after `t` where it may change
    /// (`.infinity` when it never does).
    func segment(startingAt t: Double) -> (offset: Double, end: Double) {
        if t >= lower && t < upper {
            let i = upperBoundDouble(transitions, t)
            return (offsets[i], i < transitions.count ? transitions[i] : upper)
        }
        let offset = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t)))
        let next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: t))?
            .timeIntervalSince1970 ?? .infinity
        return (offset, t < lower ? min(next, lower) : next)
    }

    /// The offset in force just before `t` and the instant before `t` since when it has held.
    func segment(endingAt t: Double) -> (offset: Double, begin: Double) {
        if t > lower && t <= upper {
            let i = lowerBoundDouble(transitions, t)
            let begin = i > 0 ? transitions[i - 1] : lower
            return (offsets[i], begin)
        }
        // Outside the table: any earlier start is fine as long as the offset holds throughout.
        var begin = t > upper ? max(upper, t - 400 * secondsPerDay) : t - 400 * secondsPerDay
        while let next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: begin))?
            .timeIntervalSince1970, next < t, next > begin {
            begin = next
        }
        return (Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: begin))), begin)
    }
}

/// Preparing a calendar costs more than most calculations on it, and callers such as
/// `SLA.clocks(for:settings:now:)` get the calendar afresh for every case, so prepared calendars
/// are kept by name and reused while the calendar is unchanged.
private let compiledCalendars = MemoCache<BusinessCalendar, BusinessTime>()

private final class MemoCache<Source: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    // Guards `entries`; keys and values are immutable values.
    private let lock = NSLock()
    private var entries: [String: (source: Source, value: Value)] = [:]
    /// Names are user data; past this many, start afresh rather than grow without bound.
    private let capacity = 256

    func value(for key: String, matching source: Source, make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries[key], entry.source == source { return entry.value }
        let value = make()
        if entries.count >= capacity { entries.removeAll() }
        entries[key] = (source, value)
        return value
    }
}

private func upperBoundDouble(_ values: [Double], _ key: Double) -> Int {
    var lo = 0
    var hi = values.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if values[mid] <= key { lo = mid + 1 } else { hi = mid }
    }
    return lo
}

private func lowerBoundDouble(_ values: [Double], _ key: Double) -> Int {
    var lo = 0
    var hi = values.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if values[mid] < key { lo = mid + 1 } else { hi = mid }
    }
    return lo
}
