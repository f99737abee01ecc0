import CRMCore
import Foundation

/// Date, date-time and duration values (RFC 5545 §3.3).
extension ICalendar {
    /// `20261123T100000Z` in UTC; with `TZID` in that zone; floating or `VALUE=DATE` (all day,
    /// at the start of the day) in `zone`, the data set's.
    /// `zones` are those the calendar defines (see `zones(in:)`).
    public static func date(_ p: Property, zone: TimeZone, zones: [String: TimeZone] = [:]) throws(ImportProblem) -> Date {
        var zone = zone
        if let id = p.parameters["TZID"] {
            guard let named = zones[id] ?? knownZone(id) else {
                throw ImportProblem(line: p.line, field: p.name,
                                    "unknown time zone \(clip(id)): neither a zone name nor defined by a VTIMEZONE in the file")
            }
            zone = named
        }
        let v = Array(p.value.utf8)
        func digits(_ range: Range<Int>) -> String? {
            guard range.upperBound <= v.count, v[range].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return String(decoding: v[range], as: UTF8.self)
        }
        guard let y = digits(0..<4), let m = digits(4..<6), let d = digits(6..<8) else {
            throw ImportProblem(line: p.line, field: p.name, "cannot read \"\(p.value)\" as a date")
        }
        var text = "\(y)-\(m)-\(d)T00:00:00"
        if v.count > 8 {
            guard v.count >= 15, v[8] == UInt8(ascii: "T"), let h = digits(9..<11), let mi = digits(11..<13),
                  let s = digits(13..<15), v.count == 15 || (v.count == 16 && v[15] == UInt8(ascii: "Z"))
            else { throw ImportProblem(line: p.line, field: p.name, "cannot read \"\(p.value)\" as a date-time") }
            text = "\(y)-\(m)-\(d)T\(h):\(mi):\(s)" + (v.count == 16 ? "Z" : "")
        }
        guard let date = TimeText.parse(text, zone: zone) else {
            throw ImportProblem(line: p.line, field: p.name, "\"\(p.value)\" is not a real date")
        }
        return date
    }

    /// `20261123T090000Z`
    public static func utcText(_ date: Date) -> String {
        TimeText.formatUTC(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// `-PT15M`, `P1DT2H`, `P1W`; nil when unreadable.
    public static func duration(_ text: String) -> TimeInterval? {
        var s = Substring(text)
        var sign = 1.0
        if s.first == "-" || s.first == "+" { sign = s.first == "-" ? -1 : 1; s = s.dropFirst() }
        guard s.first == "P" else { return nil }
        s = s.dropFirst()
        var total = 0.0, number = "", inTime = false
        for c in s {
            if c.isNumber { number.append(c); continue }
            if c == "T" { inTime = true; continue }
            guard let n = Double(number) else { return nil }
            number = ""
            switch (c, inTime) {
            case ("W", false): total += n * 604_800
            case ("D", false): total += n * 86_400
            case ("H", true): total += n * 3600
            case ("M", true): total += n * 60
            case ("S", true): total += n
            default: return nil
            }
        }
        return number.isEmpty ? sign * total : nil
    }

    /// The shortest spelling: `-PT30M`, `-P1DT2H`, `PT0S`.
    public static func durationText(_ seconds: TimeInterval) -> String {
        let total = Int(abs(seconds).rounded())
        let days = total / 86_400, h = total / 3600 % 24, m = total / 60 % 60, sec = total % 60
        var out = (seconds < 0 ? "-P" : "P") + (days > 0 ? "\(days)D" : "")
        if h + m + sec > 0 || days == 0 {
            out += "T" + (h > 0 ? "\(h)H" : "") + (m > 0 ? "\(m)M" : "")
            if sec > 0 || h + m == 0 { out += "\(sec)S" }
        }
        return out
    }
}
