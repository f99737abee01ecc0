import CRMCore
import Foundation

/// Reminders as CSV with a header row. Columns are found by name, so the CSV a CRM exports
/// imports as it is; `--map` names the columns it calls something else.
public enum ReminderCSV {
    /// The fields a column can fill, with the header names they are known by unmapped.
    public static let fields: [(field: String, headers: [String])] = [
        ("external_id", ["external_id", "external id", "id", "record id", "activity id", "task id", "uid"]),
        ("title", ["title", "subject", "task", "name"]),
        ("due", ["due", "due date", "due_date", "date", "deadline", "activity date"]),
        ("start", ["start", "reminder", "reminder date", "reminder time", "reminder date/time"]),
        ("lead", ["lead", "lead time"]),
        ("end", ["end", "follow-up until"]),
        ("priority", ["priority"]),
        ("owners", ["owners", "owner", "assigned to", "assigned_to", "assignee"]),
        ("notes", ["notes", "description", "comments"]),
        ("link", ["link", "url"]),
        ("repeat", ["repeat"]),
    ]

    static let exportColumns = ["external_id", "title", "priority", "owners", "start", "due", "end", "repeat",
                                "link", "notes"]

    /// `map` takes a column name (any case) to a field name; columns nobody claims are ignored.
    /// Owners are found among `people`, which adds them when it may. Without an id column
    /// every row is a new reminder (`key` nil), which `note` is told.
    public static func records(_ text: String, map: [String: String], zone: TimeZone, people: inout ImportPeople,
                               note: (String) -> Void = { _ in }) throws(ImportProblem) -> [ImportedReminder] {
        let table = try CSVTable(text, fields: fields, map: map)
        guard !table.isEmpty else { return [] }
        table.noteWithoutIDs(note)
        return try table.rows.map { row throws(ImportProblem) in
            try record(row.values, line: row.line, zone: zone, people: &people)
        }
    }

    private static func record(_ v: [String: String], line: Int, zone: TimeZone,
                               people: inout ImportPeople) throws(ImportProblem) -> ImportedReminder {
        func problem(_ field: String, _ message: String) -> ImportProblem { ImportProblem(line: line, field: field, message) }
        func time(_ field: String) throws(ImportProblem) -> Date? {
            guard let text = v[field], !text.isEmpty else { return nil }
            guard let date = ImportTime.parse(text, zone: zone) else { throw problem(field, "cannot read \"\(text)\" as a time") }
            return date
        }
        let key = v["external_id"]
        if key?.isEmpty == true { throw problem("external_id", "empty") }
        var fields: [ReminderField] = []
        if let title = v["title"] { fields.append(.title(title)) }
        if let due = try time("due") { fields.append(.due(due)) } else if v["due"] != nil { throw problem("due", "empty") }
        if v["start"] != nil { fields.append(.start(try time("start"))) }
        if let lead = v["lead"], !lead.isEmpty, let due = try time("due") {
            guard let seconds = DurationText.parse(lead), seconds >= 0 else { throw problem("lead", "cannot read \"\(lead)\" as a duration") }
            fields.append(.start(due - seconds))
        }
        if v["end"] != nil { fields.append(.end(try time("end"))) }
        if let text = v["priority"], !text.isEmpty {
            guard let p = priority(text) else { throw problem("priority", "\"\(text)\" is not high, normal or low") }
            fields.append(.priority(p))
        }
        if let text = v["owners"], !text.isEmpty {
            let names = text.split(whereSeparator: { $0 == ";" || $0 == "," }).map(\.trimmingSpaces)
            var owners: [String] = []
            for name in names where !name.isEmpty {
                let id = try people.handle(named: name, line: line, field: "owners")
                if !owners.contains(id) { owners.append(id) }
            }
            fields.append(.owners(owners))
        }
        if let notes = v["notes"] { fields.append(.notes(notes.isEmpty ? nil : notes)) }
        if let link = v["link"] { fields.append(.link(link.isEmpty ? nil : link)) }
        if let text = v["repeat"] {
            do throws(RecurrenceRule.ParseError) {
                fields.append(.repeatRule(try Repetition(text: text, zone: zone)))
            } catch {
                throw problem("repeat", "\"\(clip(text))\" is not daily, weekdays, weekly, monthly or an RRULE (\(error.message))")
            }
        }
        return ImportedReminder(line: line, key: key, fields: fields)
    }

    /// CRMs say Urgent and Medium as often as high and normal.
    private static func priority(_ text: String) -> ReminderPriority? {
        switch text.lowercased() {
        case "high", "urgent", "1": .high
        case "normal", "medium", "2": .normal
        case "low", "3": .low
        default: nil
        }
    }

    public static func export(_ reminders: [Reminder], zone: TimeZone) -> String {
        func time(_ d: Date?) -> String { d.map { TimeText.format($0, zone: zone) } ?? "" }
        return CSV.line(exportColumns) + reminders.map { r in
            CSV.line([r.importKey, r.title, r.priority.rawValue, r.owners.joined(separator: ";"), time(r.start),
                      time(r.due), time(r.end), r.repeatRule?.rulesText(zone: r.timeZone(default: zone)) ?? "", r.link ?? "", r.notes ?? ""])
        }.joined()
    }
}
