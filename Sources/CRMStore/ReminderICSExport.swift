import CRMCore
import Foundation

/// The calendar `crmtop export --format ics` writes: one VTODO per reminder, its series as
/// RFC 5545 writes it (rules, extra and cancelled dates, a VTODO per moved occurrence) on the
/// clock of the reminder's own zone, and a VTIMEZONE for every zone named.
extension ReminderICS {
    /// Owners are named by their e-mail address where people.json has one, else by handle in
    /// a URI that says so, since `mailto:maria` would be an address that does not exist.
    static let handlePrefix = "urn:x-crmtop:person:"
    /// Beside the `RRULE` of a shorthand (`weekdays`), so that crmtop reads back the name.
    static let shorthandProperty = "X-CRMTOP-REPEAT"
    /// On the alarm that stands for the lead time rather than for one of the alerts.
    static let leadProperty = "X-CRMTOP-LEAD"
    /// On a reminder that has no alerts at all, not even the data set's.
    static let noAlertsProperty = "X-CRMTOP-NO-ALERTS"

    /// A calendar with one VTODO per reminder; `stamp` is the DTSTAMP every item needs.
    /// Times without a zone of their own are in the data set's zone; each zone's offsets are
    /// written out from the earliest reminder to ten years after `stamp`.
    public static func export(_ reminders: [Reminder], people: [Person], zone: TimeZone, stamp: Date) -> String {
        let names = Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let emails = Dictionary(people.compactMap { p in p.email.map { (p.id, $0) } }, uniquingKeysWith: { a, _ in a })
        var usedZones: [String: TimeZone] = [:]
        func time(_ name: String, _ date: Date, _ clock: TimeZone) -> ICalendar.Property {
            let p = ICalendar.timeProperty(name, date, zone: clock)
            if p.parameters["TZID"] != nil { usedZones[clock.identifier] = clock }
            return p
        }
        var items: [ICalendar.Component] = []
        for r in reminders {
            let clock = r.timeZone(default: zone)
            let uid = r.externalID ?? r.id + uidSuffix
            var p: [ICalendar.Property] = [
                .init("UID", uid),
                .init("DTSTAMP", ICalendar.utcText(stamp)),
                .init("SUMMARY", ICalendar.escape(r.title)),
            ]
            // A repeating to-do's rule counts from DTSTART; a DUE equal to it would not be later, as RFC 5545 wants.
            p.append(time(r.repeatRule == nil ? "DUE" : "DTSTART", r.due, clock))
            p.append(.init("PRIORITY", r.priority == .high ? "1" : r.priority == .normal ? "5" : "9"))
            if let notes = r.notes { p.append(.init("DESCRIPTION", ICalendar.escape(notes))) }
            if let link = r.link { p.append(.init("URL", link)) }
            var moved: [ICalendar.Component] = []
            switch r.repeatRule {
            case nil: break
            case .every(let shorthand):
                // Working days have no rule of their own; Monday to Friday is the nearest.
                p.append(.init("RRULE", shorthand == .weekdays ? "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
                                                                : shorthand.rule(firstDue: r.due, zone: clock).text(zone: clock)))
                p.append(.init(shorthandProperty, shorthand.rawValue))
            case .rules(let set):
                p += set.rules.map { ICalendar.Property("RRULE", $0.text(zone: clock)) }
                p += set.dates.map { time("RDATE", $0, clock) }
                p += set.exceptions.map { time("EXDATE", $0, clock) }
                for o in set.overrides {
                    var id = time("RECURRENCE-ID", o.original, clock)
                    if o.thisAndFuture { id.parameters["RANGE"] = "THISANDFUTURE" }
                    moved.append(ICalendar.Component("VTODO", properties: [
                        .init("UID", uid), .init("DTSTAMP", ICalendar.utcText(stamp)), id,
                        .init("SUMMARY", ICalendar.escape(o.title ?? r.title)), time("DTSTART", o.due, clock),
                    ]))
                }
            }
            for owner in r.owners {
                let address = emails[owner].map { "mailto:" + $0 } ?? handlePrefix + owner
                p.append(.init("ATTENDEE", address, parameters: ["CN": names[owner] ?? owner]))
            }
            // The trigger counts from the due time: DUE for a one-off to-do, DTSTART for a repeating one.
            func alarm(before offset: TimeInterval, _ extra: [ICalendar.Property] = []) -> ICalendar.Component {
                ICalendar.Component("VALARM", properties: [
                    .init("ACTION", "DISPLAY"),
                    .init("DESCRIPTION", ICalendar.escape(r.title)),
                    .init("TRIGGER", ICalendar.durationText(-offset), parameters: ["RELATED": r.repeatRule == nil ? "END" : "START"]),
                ] + extra)
            }
            var alarms: [ICalendar.Component] = []
            if let start = r.start { alarms.append(alarm(before: r.due.timeIntervalSince(start), [.init(leadProperty, "TRUE")])) }
            alarms += (r.alerts ?? []).map { alarm(before: $0) }
            if r.alerts == [] { p.append(.init(noAlertsProperty, "TRUE")) }
            items.append(ICalendar.Component("VTODO", properties: p, components: alarms))
            items += moved
        }
        let first = min(stamp, reminders.map { $0.start ?? $0.due }.min() ?? stamp)
        let zones = usedZones.keys.sorted().map {
            ICalendar.timeZone(usedZones[$0]!, from: first - 86_400, to: stamp + 10 * 366 * 86_400)
        }
        return ICalendar.write(ICalendar.Component("VCALENDAR", properties: [
            .init("VERSION", "2.0"), .init("PRODID", "-//crmtop//crmtop//EN"), .init("CALSCALE", "GREGORIAN"),
        ], components: zones + items))
    }
}
