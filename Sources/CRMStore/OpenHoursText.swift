import CRMCore

/// Weekly open hours as people write them: `Mon-Fri 09:00-17:00`, `Sat,Sun 10:00-14:00`.
/// The same spelling serves the settings file and `crmtop calendar set --hours`.
public enum OpenHoursText {
    static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// One line: days (names, ranges like `Mon-Fri`, comma-separated; a range may wrap
    /// past Sunday) and one span of clock time, which may end at `24:00`. Throws a sentence
    /// saying what is wrong.
    public static func parse(_ text: String) throws(Problem) -> [OpenRange] {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { throw Problem("expected days and hours like \"Mon-Fri 09:00-17:00\"") }
        let days = try parseDays(parts[0])
        let times = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard times.count == 2, let from = minutes(times[0]), let to = minutes(times[1]) else {
            throw Problem("expected hours like 09:00-17:00, found \"\(parts[1])\"")
        }
        guard from < to, from < 24 * 60 else {
            throw Problem("\(parts[1]) closes before it opens; write a span that crosses midnight as two lines")
        }
        return days.map { OpenRange(weekday: $0, startMinute: from, endMinute: to) }
    }

    /// Groups days with the same hours onto one line, in the order of the first such day.
    /// Lines from `parse` come back in this shape (sorted, duplicates merged).
    public static func format(_ ranges: [OpenRange]) -> [String] {
        var groups: [(from: Int, to: Int, days: Set<Int>)] = []
        for r in normalized(ranges) {
            if let n = groups.firstIndex(where: { $0.from == r.startMinute && $0.to == r.endMinute }) {
                groups[n].days.insert(r.weekday)
            } else {
                groups.append((r.startMinute, r.endMinute, [r.weekday]))
            }
        }
        return groups.map { "\(formatDays($0.days)) \(clock($0.from))-\(clock($0.to))" }
    }

    /// Sorted by weekday then opening time, each range once: the form files load into.
    public static func normalized(_ ranges: [OpenRange]) -> [OpenRange] {
        var seen = Set<[Int]>()
        return ranges
            .filter { seen.insert([$0.weekday, $0.startMinute, $0.endMinute]).inserted }
            .sorted { ($0.weekday, $0.startMinute, $0.endMinute) < ($1.weekday, $1.startMinute, $1.endMinute) }
    }

    /// The first day, by name, on which some span of `a` and some span of `b` are open at
    /// the same moment; nil when they never are (spans that only touch, like 09:00-12:00 and
    /// 12:00-17:00, do not overlap).
    public static func overlap(_ a: [OpenRange], _ b: [OpenRange]) -> String? {
        for x in normalized(a) {
            for y in b where y.weekday == x.weekday && x.startMinute < y.endMinute && y.startMinute < x.endMinute {
                return dayNames[x.weekday - 1]
            }
        }
        return nil
    }

    /// Why a range cannot be written in this spelling, or nil when it can.
    public static func problem(with r: OpenRange) -> String? {
        if !(1...7).contains(r.weekday) { return "weekday \(r.weekday) is not 1 (Monday) to 7 (Sunday)" }
        if !(0..<(24 * 60)).contains(r.startMinute) || !(1...(24 * 60)).contains(r.endMinute) {
            return "open hours must lie within the day (00:00 to 24:00)"
        }
        if r.startMinute >= r.endMinute { return "open hours close before they open" }
        return nil
    }

    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    // MARK: - Pieces

    private static func parseDays(_ text: Substring) throws(Problem) -> [Int] {
        var days: [Int] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count), let first = day(ends[0]), let last = day(ends[ends.count - 1]) else {
                throw Problem("expected days like Mon-Fri or Sat,Sun, found \"\(text)\"")
            }
            var d = first
            while true {
                if !days.contains(d) { days.append(d) }
                if d == last { break }
                d = d % 7 + 1
            }
        }
        return days.sorted()
    }

    private static func day(_ text: Substring) -> Int? {
        dayNames.firstIndex { $0.lowercased() == text.lowercased() }.map { $0 + 1 }
    }

    private static func formatDays(_ days: Set<Int>) -> String {
        var runs: [String] = []
        var d = 1
        while d <= 7 {
            guard days.contains(d) else { d += 1; continue }
            var end = d
            while days.contains(end + 1) { end += 1 }
            runs.append(end == d ? dayNames[d - 1] : "\(dayNames[d - 1])-\(dayNames[end - 1])")
            d = end + 1
        }
        return runs.joined(separator: ",")
    }

    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              (0...59).contains(m), h < 24 || (h == 24 && m == 0)
        else { return nil }
        return h * 60 + m
    }

    private static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
