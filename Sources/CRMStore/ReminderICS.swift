import CRMCore
import Foundation

/// Reminders as iCalendar: to-dos (VTODO) both ways, and events (VEVENT) read as reminders
/// of themselves. A series keeps its rules, its extra and cancelled dates, its moved
/// occurrences (the same `UID` again with `RECURRENCE-ID`) and the zone it was written in.
public enum ReminderICS {
    /// UIDs crmtop makes up end in this, so that its own export maps back to its ids.
    static let uidSuffix = "@crmtop"
    /// `uidSuffix`, for the calendar sync, which writes the same UIDs as an export.
    public static var uidSuffixText: String { uidSuffix }

    public struct Result: Equatable, Sendable {
        public var records: [ImportedReminder] = []
        /// What was read loosely or left out, e.g. a rule crmtop cannot repeat; `LINE: PROPERTY: why`.
        public var warnings: [String] = []
    }

    static let itemNames: Set<String> = ["VTODO", "VEVENT"]

    /// `onlyWithAlarms` leaves out events without a VALARM, as crmtop did before events
    /// counted as reminders of themselves.
    public static func records(_ text: String, zone: TimeZone, people: [Person],
                               onlyWithAlarms: Bool = false) throws(ImportProblem) -> Result {
        var result = Result()
        let top: [ICalendar.Component]
        do { top = try ICalendar.parse(text, warnings: &result.warnings) } catch {
            throw ImportProblem(line: error.line, field: "ics", error.message)
        }
        for stray in top where stray.name != "VCALENDAR" {
            guard !itemNames.contains(stray.name) else {
                throw ImportProblem(line: stray.line, field: stray.name,
                                    "outside any VCALENDAR; a calendar file holds its items between BEGIN:VCALENDAR and END:VCALENDAR")
            }
            result.warnings.append("\(stray.line): \(clip(stray.name)): outside any VCALENDAR; left out")
        }
        let calendars = top.filter { $0.name == "VCALENDAR" }
        guard !calendars.isEmpty else { throw ImportProblem(line: 1, field: "ics", "no BEGIN:VCALENDAR in the file") }
        var items = 0, withoutAlarm = 0
        for calendar in calendars {
            let reader = ICSItemReader(zone: zone, zones: ICalendar.zones(in: calendar), people: people)
            let all = calendar.components.filter { itemNames.contains($0.name) }
            items += all.count
            // A moved occurrence is the series' UID again with RECURRENCE-ID; it belongs to the series.
            var moved: [String: [ICalendar.Component]] = [:]
            var masters: Set<String> = []
            for item in all {
                let uid = item["UID"]?.value ?? ""
                if item["RECURRENCE-ID"] != nil { moved[uid, default: []].append(item) } else { masters.insert(uid) }
            }
            for item in all {
                let uid = item["UID"]?.value ?? ""
                let isOverride = item["RECURRENCE-ID"] != nil
                if isOverride && masters.contains(uid) { continue }
                if item.name == "VEVENT" && !item.components.contains(where: { $0.name == "VALARM" }) {
                    withoutAlarm += 1
                    if onlyWithAlarms { continue }
                }
                // Done and cancelled items need no reminding; skipping them keeps a calendar's
                // finished to-dos from arriving overdue.
                if let status = item["STATUS"]?.value.uppercased(), status == "COMPLETED" || status == "CANCELLED" {
                    continue
                }
                if isOverride {
                    result.warnings.append("\(item.line): RECURRENCE-ID: the series it moves an occurrence of is not in the file; imported on its own")
                }
                result.records.append(try reader.record(item, overrides: isOverride ? [] : moved[uid] ?? [],
                                                        warnings: &result.warnings))
            }
        }
        guard items > 0 else { throw ImportProblem(line: 1, field: "ics", "no events or to-dos in the file") }
        if onlyWithAlarms && withoutAlarm > 0 {
            result.warnings.append("1: VEVENT: \(withoutAlarm) event\(withoutAlarm == 1 ? "" : "s") without an alarm left out (--only-with-alarms)")
        }
        return result
    }
}
