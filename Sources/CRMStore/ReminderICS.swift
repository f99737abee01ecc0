import CRMCore
import Foundation

/// Reminders as iCalendar: to-dos (VTODO) both ways, and events (VEVENT) that carry an
/// alarm, since an event nobody asked to be reminded of is not a reminder.
public enum ReminderICS {
    /// UIDs crmtop makes up end in this, so that its own export maps back to its ids.
    static let uidSuffix = "@crmtop"
    /// `uidSuffix`, for the calendar sync, which writes the same UIDs as an export.
    public static var uidSuffixText: String { uidSuffix }

    public struct Result: Equatable, Sendable {
        public var records: [ImportedReminder] = []
        /// What could not be kept, e.g. a recurrence crmtop cannot repeat; `LINE: PROPERTY: why`.
        public var warnings: [String] = []
    }

    public static func records(_ text: String, zone: TimeZone, people: [Person]) throws(ImportProblem) -> Result {
        let top: [ICalendar.Component]
        do { top = try ICalendar.parse(text) } catch { throw ImportProblem(line: error.line, field: "ics", error.message) }
        var result = Result()
        for calendar in top where calendar.name == "VCALENDAR" {
            let zones = ICalendar.zones(in: calendar)
            for item in calendar.components where item.name == "VTODO" || item.name == "VEVENT" {
                if item.name == "VEVENT" && !item.components.contains(where: { $0.name == "VALARM" }) { continue }
                // Done and cancelled items need no reminding; skipping them keeps a calendar's
                // finished to-dos from arriving overdue.
                if let status = item["STATUS"]?.value.uppercased(), status == "COMPLETED" || status == "CANCELLED" {
                    continue
                }
                result.records.append(try record(item, zone: zone, zones: zones, people: people,
                                                 warnings: &result.warnings))
            }
        }
        return result
    }

    private static func record(_ c: ICalendar.Component, zone: TimeZone, zones: [String: TimeZone], people: [Person],
                               warnings: inout [String]) throws(ImportProblem) -> ImportedReminder {
        guard let uid = c["UID"]?.value, !uid.isEmpty else { throw ImportProblem(line: c.line, field: "UID", "missing") }
        let key = uid.hasSuffix(uidSuffix) ? String(uid.dropLast(uidSuffix.count)) : uid
        func time(_ name: String) throws(ImportProblem) -> Date? {
            guard let p = c[name] else { return nil }
            return try ICalendar.date(p, zone: zone, zones: zones)
        }
        let dtstart = try time("DTSTART")
        let isTodo = c.name == "VTODO"
        guard let due = isTodo ? try time("DUE") ?? dtstart : dtstart else {
            throw ImportProblem(line: c.line, field: isTodo ? "DUE" : "DTSTART", "missing")
        }
        var fields: [ReminderField] = [.due(due)]
        if let summary = c["SUMMARY"] { fields.append(.title(ICalendar.unescape(summary.value))) }
        if isTodo, c["DUE"] != nil, let dtstart, dtstart < due { fields.append(.start(dtstart)) }
        if let alarm = c.components.first(where: { $0.name == "VALARM" && $0["TRIGGER"] != nil }),
           let lead = try leadStart(alarm["TRIGGER"]!, start: dtstart ?? due,
                                    end: isTodo ? due : try time("DTEND") ?? due, zone: zone, zones: zones) {
            fields.append(.start(min(lead, due)))
        }
        if let d = c["DESCRIPTION"] { fields.append(.notes(ICalendar.unescape(d.value))) }
        if let url = c["URL"] { fields.append(.link(url.value)) }
        if let p = c["PRIORITY"] {
            guard let n = Int(p.value), (0...9).contains(n) else {
                throw ImportProblem(line: p.line, field: "PRIORITY", "\"\(p.value)\" is not 0 to 9")
            }
            fields.append(.priority(n == 0 || n == 5 ? .normal : n < 5 ? .high : .low))
        }
        if let rule = c["RRULE"] {
            try ICalendar.checkRecurrenceRange(rule)
            let (repeatRule, why) = repeatRule(rule.value)
            if let why { warnings.append("\(rule.line): RRULE: \(why)") }
            fields.append(.repeatRule(repeatRule))
        }
        let owners = (c.all("ORGANIZER") + c.all("ATTENDEE")).compactMap { p in
            p.parameters["CN"].flatMap { PersonMatch.handle($0, in: people) } ?? PersonMatch.handle(p.value, in: people)
        }
        // Attendees who are not people (customers, rooms) are left out rather than refused.
        if !owners.isEmpty {
            var seen: Set<String> = []
            fields.append(.owners(owners.filter { seen.insert($0).inserted }))
        }
        return ImportedReminder(line: c.line, key: key, fields: fields)
    }

    /// A relative trigger counts from the start, or from the end with `RELATED=END`.
    private static func leadStart(_ trigger: ICalendar.Property, start: Date, end: Date,
                                  zone: TimeZone, zones: [String: TimeZone]) throws(ImportProblem) -> Date? {
        if trigger.parameters["VALUE"] == "DATE-TIME" { return try ICalendar.date(trigger, zone: zone, zones: zones) }
        guard let offset = ICalendar.duration(trigger.value) else {
            throw ImportProblem(line: trigger.line, field: "TRIGGER", "cannot read \"\(trigger.value)\" as a duration")
        }
        return (trigger.parameters["RELATED"] == "END" ? end : start) + offset
    }

    private static let weekdays: Set<String> = ["MO", "TU", "WE", "TH", "FR"]

    /// crmtop repeats every day, working day, week or month for ever; anything else is
    /// imported once, with the reason.
    static func repeatRule(_ text: String) -> (Repeat?, String?) {
        var parts: [String: String] = [:]
        for part in text.split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2 { parts[kv[0].uppercased()] = kv[1].uppercased() }
        }
        let days = Set((parts["BYDAY"] ?? "").split(separator: ",").map(String.init))
        if let interval = parts["INTERVAL"], interval != "1" { return (nil, "every \(interval) periods cannot be kept; imported once") }
        let limited = parts["COUNT"] != nil || parts["UNTIL"] != nil
        let found: Repeat?
        switch parts["FREQ"] {
        case "DAILY": found = days.isEmpty ? .daily : days == weekdays ? .weekdays : nil
        case "WEEKLY": found = days == weekdays ? .weekdays : days.count <= 1 ? .weekly : nil
        case "MONTHLY": found = parts.keys.allSatisfy({ ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYMONTHDAY", "WKST"].contains($0) }) ? .monthly : nil
        default: found = nil
        }
        guard let found else { return (nil, "\(text) cannot be kept; imported once") }
        return (found, limited ? "an end to the repetition cannot be kept; it repeats on" : nil)
    }

    /// A calendar with one VTODO per reminder; `stamp` is the DTSTAMP every item needs.
    /// Times are in the data set's zone, whose offsets are written out from the earliest
    /// reminder to ten years after `stamp`.
    public static func export(_ reminders: [Reminder], people: [Person], zone: TimeZone, stamp: Date) -> String {
        let names = Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let todos = reminders.map { r -> ICalendar.Component in
            var p: [ICalendar.Property] = [
                .init("UID", r.externalID ?? r.id + uidSuffix),
                .init("DTSTAMP", ICalendar.utcText(stamp)),
                .init("SUMMARY", ICalendar.escape(r.title)),
                ICalendar.timeProperty("DUE", r.due, zone: zone),
                .init("PRIORITY", r.priority == .high ? "1" : r.priority == .normal ? "5" : "9"),
            ]
            if let notes = r.notes { p.append(.init("DESCRIPTION", ICalendar.escape(notes))) }
            if let link = r.link { p.append(.init("URL", link)) }
            if let rule = r.repeatRule { p.append(.init("RRULE", rrule(rule))) }
            for owner in r.owners {
                p.append(.init("ATTENDEE", "mailto:" + owner, parameters: ["CN": names[owner] ?? owner]))
            }
            var alarms: [ICalendar.Component] = []
            if let start = r.start {
                alarms.append(ICalendar.Component("VALARM", properties: [
                    .init("ACTION", "DISPLAY"),
                    .init("DESCRIPTION", ICalendar.escape(r.title)),
                    .init("TRIGGER", ICalendar.durationText(start.timeIntervalSince(r.due)), parameters: ["RELATED": "END"]),
                ]))
            }
            return ICalendar.Component("VTODO", properties: p, components: alarms)
        }
        var zones: [ICalendar.Component] = []
        if ICalendar.timeProperty("DUE", stamp, zone: zone).parameters["TZID"] != nil {
            let first = min(stamp, reminders.map { $0.start ?? $0.due }.min() ?? stamp)
            zones.append(ICalendar.timeZone(zone, from: first - 86_400, to: stamp + 10 * 366 * 86_400))
        }
        return ICalendar.write(ICalendar.Component("VCALENDAR", properties: [
            .init("VERSION", "2.0"), .init("PRODID", "-//crmtop//crmtop//EN"), .init("CALSCALE", "GREGORIAN"),
        ], components: zones + todos))
    }

    private static func rrule(_ rule: Repeat) -> String {
        switch rule {
        case .daily: "FREQ=DAILY"
        case .weekdays: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
        case .weekly: "FREQ=WEEKLY"
        case .monthly: "FREQ=MONTHLY"
        }
    }
}
