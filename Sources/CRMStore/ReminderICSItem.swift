import CRMCore
import Foundation

/// One VTODO or VEVENT, with the occurrences of its series that other items move, as the
/// fields of a reminder.
struct ICSItemReader {
    /// The data set's zone: floating times and dates are on its clock (RFC 5545).
    let zone: TimeZone
    let zones: [String: TimeZone]
    let people: [Person]

    func record(_ c: ICalendar.Component, overrides: [ICalendar.Component],
                warnings: inout [String]) throws(ImportProblem) -> ImportedReminder {
        guard let uid = c["UID"]?.value, !uid.isEmpty else { throw ImportProblem(line: c.line, field: "UID", "missing") }
        var key = uid.hasSuffix(ReminderICS.uidSuffix) ? String(uid.dropLast(ReminderICS.uidSuffix.count)) : uid
        if let rid = c["RECURRENCE-ID"] { key += "#" + rid.value }
        let isTodo = c.name == "VTODO"
        let dtstart = try time(c["DTSTART"])
        let anchor = isTodo ? c["DUE"] ?? c["DTSTART"] : c["DTSTART"]
        var due = try time(anchor)
        if due == nil && isTodo, let stamp = try time(c["DTSTAMP"]) {
            warnings.append("\(c.line): DUE: a to-do without DUE or DTSTART; due when it was written (DTSTAMP)")
            due = stamp
        }
        guard let due else {
            throw ImportProblem(line: c.line, field: isTodo ? "DUE" : "DTSTART", isTodo ? "missing, and no DTSTART or DTSTAMP either" : "missing")
        }
        let seriesZone = anchor.map(zone(of:)) ?? zone
        let title = self.title(c, warnings: &warnings)
        var fields: [ReminderField] = [.due(due), .title(title)]
        fields.append(.zone(zoneID(anchor)))
        if isTodo, c["DUE"] != nil, let dtstart, dtstart < due { fields.append(.start(dtstart)) }
        try alarms(c, due: due, start: dtstart ?? due, end: isTodo ? due : try time(c["DTEND"]) ?? due, into: &fields)
        var notes = c["DESCRIPTION"].map { ICalendar.unescape($0.value) }
        if let url = c["URL"] {
            let link = ICalendar.unescape(url.value).trimmingCharacters(in: .whitespaces)
            if Self.isAbsolute(link) {
                fields.append(.link(link))
            } else if !link.isEmpty {
                warnings.append("\(url.line): URL: \"\(clip(link))\" is not an absolute URL; kept in the notes")
                notes = (notes.map { $0 + "\n" } ?? "") + "URL: " + link
            }
        }
        if let notes { fields.append(.notes(notes)) }
        if let p = c["PRIORITY"] {
            if let n = Int(p.value.trimmingCharacters(in: .whitespaces)), (0...9).contains(n) {
                fields.append(.priority(n == 0 || n == 5 ? .normal : n < 5 ? .high : .low))
            } else {
                warnings.append("\(p.line): PRIORITY: \"\(clip(p.value))\" is not 0 to 9; left out")
            }
        }
        if let repetition = try recurrence(c, due: due, zone: seriesZone, title: title, overrides: overrides, warnings: &warnings) {
            fields.append(.repeatRule(repetition))
        } else if let first = overrides.first {
            warnings.append("\(first.line): RECURRENCE-ID: the item it moves does not repeat; left out")
        }
        let owners = (c.all("ORGANIZER") + c.all("ATTENDEE")).compactMap { p in
            p.parameters["CN"].flatMap { PersonMatch.handle($0, in: people) } ?? PersonMatch.handle(Self.address(p.value), in: people)
        }
        // Attendees who are not people (customers, rooms) are left out rather than refused.
        if !owners.isEmpty {
            var seen: Set<String> = []
            fields.append(.owners(owners.filter { seen.insert($0).inserted }))
        }
        return ImportedReminder(line: c.line, key: key, fields: fields)
    }

    // MARK: - Values

    func time(_ p: ICalendar.Property?) throws(ImportProblem) -> Date? {
        guard let p else { return nil }
        return try ICalendar.date(p, zone: zone, zones: zones)
    }

    /// The clock a time is written on: its `TZID`'s zone, UTC for `Z`, else the data set's.
    func zone(of p: ICalendar.Property) -> TimeZone {
        if let id = p.parameters["TZID"] { return zones[id] ?? ICalendar.knownZone(id) ?? zone }
        return p.value.hasSuffix("Z") ? TimeZone(identifier: "UTC")! : zone
    }

    /// The zone a reminder keeps: the one its time names (as a database id), else none. The
    /// data set's own zone is none too: such a reminder follows the data set, as crmtop's
    /// export of one without a zone of its own writes it.
    private func zoneID(_ p: ICalendar.Property?) -> String? {
        guard let p else { return nil }
        let id = p.parameters["TZID"] != nil ? zone(of: p).identifier : p.value.hasSuffix("Z") ? "UTC" : nil
        return id == zone.identifier ? nil : id
    }

    /// One line: a folded newline in a title becomes a space (and is sanitised as ever).
    private func title(_ c: ICalendar.Component, warnings: inout [String]) -> String {
        guard let summary = c["SUMMARY"] else {
            warnings.append("\(c.line): SUMMARY: missing; imported as \"(untitled)\"")
            return "(untitled)"
        }
        let text = ICalendar.unescape(summary.value)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if lines.isEmpty {
            warnings.append("\(summary.line): SUMMARY: empty; imported as \"(untitled)\"")
            return "(untitled)"
        }
        return lines.joined(separator: " ")
    }

    /// `https://…`, `mailto:…`: a scheme before the first colon.
    static func isAbsolute(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":"), colon > link.startIndex else { return false }
        let scheme = link[..<colon]
        return scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    /// The address in an `ATTENDEE`'s value; crmtop's own export names people by handle.
    static func address(_ value: String) -> String {
        let prefix = ReminderICS.handlePrefix
        return value.lowercased().hasPrefix(prefix) ? String(value.dropFirst(prefix.count)) : value
    }

    /// The first alarm says when reminding begins, as it always did; every alarm is one of
    /// the reminder's alerts, but the one crmtop's export writes for the lead time.
    private func alarms(_ c: ICalendar.Component, due: Date, start: Date, end: Date,
                        into fields: inout [ReminderField]) throws(ImportProblem) {
        let alarms = c.components.filter { $0.name == "VALARM" && $0["TRIGGER"] != nil }
        var offsets: [TimeInterval] = []
        for (n, alarm) in alarms.enumerated() {
            guard let at = try leadStart(alarm["TRIGGER"]!, start: start, end: end) else { continue }
            if n == 0 { fields.append(.start(min(at, due))) }
            if alarm[ReminderICS.leadProperty] == nil { offsets.append(due.timeIntervalSince(at)) }
        }
        if c[ReminderICS.noAlertsProperty] != nil {
            fields.append(.alerts([]))
        } else {
            fields.append(.alerts(offsets.isEmpty && alarms.allSatisfy { $0[ReminderICS.leadProperty] != nil } ? nil : offsets))
        }
    }

    /// A relative trigger counts from the start, or from the end with `RELATED=END`.
    private func leadStart(_ trigger: ICalendar.Property, start: Date, end: Date) throws(ImportProblem) -> Date? {
        if trigger.parameters["VALUE"] == "DATE-TIME" { return try ICalendar.date(trigger, zone: zone, zones: zones) }
        guard let offset = ICalendar.duration(trigger.value) else {
            throw ImportProblem(line: trigger.line, field: "TRIGGER", "cannot read \"\(trigger.value)\" as a duration")
        }
        return (trigger.parameters["RELATED"] == "END" ? end : start) + offset
    }
}
