import CRMCore
import Foundation

/// Times written in a named zone, so that a repeating item keeps its clock time across DST
/// in calendar programs, as it does in crmtop.
extension ICalendar {
    /// `20261123T100000` on the wall clock of `zone`.
    public static func localText(_ date: Date, zone: TimeZone) -> String {
        let iso = TimeText.format(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)), zone: zone)
        return String(iso.prefix(19)).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// A time property in `zone`: UTC (`Z`) when the zone is UTC, else with `TZID`.
    public static func timeProperty(_ name: String, _ date: Date, zone: TimeZone) -> Property {
        zone.secondsFromGMT() == 0 && zone.nextDaylightSavingTimeTransition(after: date) == nil
            ? Property(name, utcText(date))
            : Property(name, localText(date, zone: zone), parameters: ["TZID": zone.identifier])
    }

    /// The VTIMEZONE every `TZID` needs: one observance per offset change between `from` and
    /// `to`, each from the transition itself rather than a yearly rule, so it holds for zones
    /// whose rules changed over the years too.
    public static func timeZone(_ zone: TimeZone, from: Date, to: Date) -> Component {
        func offsetText(_ seconds: Int) -> String {
            let m = abs(seconds) / 60
            return (seconds < 0 ? "-" : "+") + String(format: "%02d%02d", m / 60, m % 60)
        }
        func observance(at start: Date, from before: Int) -> Component {
            let after = zone.secondsFromGMT(for: start)
            // No TZNAME: Foundation knows only "GMT+1" for many zones, which says less than the offsets.
            let p: [Property] = [
                Property("DTSTART", localText(start, zone: TimeZone(secondsFromGMT: before) ?? zone)),
                Property("TZOFFSETFROM", offsetText(before)),
                Property("TZOFFSETTO", offsetText(after)),
            ]
            return Component(zone.isDaylightSavingTime(for: start) ? "DAYLIGHT" : "STANDARD", properties: p)
        }
        var offset = zone.secondsFromGMT(for: from)
        var observances = [observance(at: from, from: offset)]
        var t = from
        while let next = zone.nextDaylightSavingTimeTransition(after: t), next < to {
            observances.append(observance(at: next, from: offset))
            offset = zone.secondsFromGMT(for: next)
            t = next
        }
        return Component("VTIMEZONE", properties: [Property("TZID", zone.identifier)], components: observances)
    }
}
