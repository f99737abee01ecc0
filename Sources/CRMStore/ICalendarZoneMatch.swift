import CRMCore
import Foundation

/// A VTIMEZONE under a name no database knows (`TZID:Canberra, Melbourne, Sydney`, or one a
/// program made up) still says what its clock does: its observances give the offsets and the
/// days they change. The zone crmtop uses for it is the database zone whose offsets agree at
/// every change and between them over two years; a zone the name mentions a city of is
/// preferred, then the zones Windows names map to, then any other in alphabetical order.
extension ICalendar {
    static func matchingZone(_ vtimezone: Component, near year: Int = 2026) -> TimeZone? {
        let windowStart = TimeText.date(LocalDate(year: year, month: 1, day: 1), minute: 0, zone: TimeZone(secondsFromGMT: 0)!)
        let windowEnd = windowStart.addingTimeInterval(2 * 366 * 86_400)
        guard let changes = offsetChanges(vtimezone, from: windowStart, to: windowEnd), !changes.isEmpty else { return nil }
        func offset(at t: Date) -> Int? { changes.last { $0.at <= t }?.offset }
        var samples = stride(from: 0.0, to: windowEnd.timeIntervalSince(windowStart), by: 30 * 86_400)
            .map { windowStart.addingTimeInterval($0) }
        for change in changes where change.at >= windowStart {
            samples += [change.at.addingTimeInterval(-7200), change.at.addingTimeInterval(7200)]
        }
        let expected = samples.map(offset)
        guard !expected.contains(where: { $0 == nil }) else { return nil }
        let name = vtimezone["TZID"]?.value.lowercased() ?? ""
        let known = TimeZone.knownTimeZoneIdentifiers.sorted()
        let hinted = known.filter { id in
            let city = id.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ").lowercased() } ?? ""
            return city.count > 2 && name.contains(city)
        }
        let candidates = hinted + windowsZones.values.sorted() + known
        return candidates.lazy.compactMap(TimeZone.init(identifier:)).first { zone in
            zip(samples, expected).allSatisfy { zone.secondsFromGMT(for: $0) == $1 }
        }
    }

    /// Each change of offset the observances make, oldest first, from the last one before
    /// `from` to `to`; nil when an observance cannot be read.
    private static func offsetChanges(_ vtimezone: Component, from: Date, to: Date) -> [(at: Date, offset: Int)]? {
        var out: [(at: Date, offset: Int)] = []
        for observance in vtimezone.components where observance.name == "STANDARD" || observance.name == "DAYLIGHT" {
            guard let before = observance["TZOFFSETFROM"].flatMap({ offsetSeconds($0.value) }),
                  let after = observance["TZOFFSETTO"].flatMap({ offsetSeconds($0.value) }),
                  let clock = TimeZone(secondsFromGMT: before), let startProperty = observance["DTSTART"],
                  let start = try? date(Property("DTSTART", startProperty.value), zone: clock)
            else { return nil }
            var rules: [RecurrenceRule] = []
            for rule in observance.all("RRULE") {
                guard let parsed = try? RecurrenceRule(parsing: rule.value, zone: clock) else { return nil }
                rules.append(parsed)
            }
            let dates = observance.all("RDATE").flatMap { $0.value.split(separator: ",") }
                .compactMap { try? date(Property("RDATE", String($0)), zone: clock) }
            let series = SeriesExpansion(set: RecurrenceSet(rules: rules, dates: dates), start: start, zone: clock)
            if let last = series.last(atOrBefore: from) { out.append((last, after)) }
            out += series.occurrences(from: from, to: to).map { ($0, after) }
        }
        return out.sorted { $0.at < $1.at }
    }

    /// `+1000`, `-0500`, `+053000`.
    static func offsetSeconds(_ text: String) -> Int? {
        let v = Array(text.utf8)
        guard v.count == 5 || v.count == 7, v[0] == UInt8(ascii: "+") || v[0] == UInt8(ascii: "-"),
              v.dropFirst().allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let n = v.dropFirst().map { Int($0) - 0x30 }
        let seconds = (n[0] * 10 + n[1]) * 3600 + (n[2] * 10 + n[3]) * 60 + (v.count == 7 ? n[4] * 10 + n[5] : 0)
        guard seconds < 24 * 3600 else { return nil }
        return v[0] == UInt8(ascii: "-") ? -seconds : seconds
    }
}
