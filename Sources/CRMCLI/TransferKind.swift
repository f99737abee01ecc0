import CRMCore
import CRMStore
import Foundation

/// What `import` and `export` move: each kind with the formats it has and, for CSV, the
/// fields a column can be mapped to.
enum TransferKind: String, CaseIterable {
    case reminders, cases, people, activities

    static let names = allCases.map(\.rawValue).joined(separator: ", ")

    /// The formats it imports from. Only reminders belong in a calendar; activities also
    /// come as `activities.jsonl` itself.
    var formats: [String] {
        switch self {
        case .reminders: ["json", "csv", "ics"]
        case .activities: ["json", "csv", "jsonl"]
        case .cases, .people: ["json", "csv"]
        }
    }

    var csvFields: [String] { csvColumns.map(\.field) }

    /// The fields a CSV column can fill, with the header names each is known by.
    var csvColumns: [(field: String, headers: [String])] {
        switch self {
        case .reminders: ReminderCSV.fields
        case .cases: CaseCSV.fields
        case .people: PeopleCSV.fields
        case .activities: ActivityCSV.fields
        }
    }

    /// Works out what importing `text` (in `format`) would change; writes nothing. A problem
    /// in a CSV file names the column as the file does. `people` are those records may name,
    /// and who may be added; notes about the file go to `warn`.
    func plan(_ format: String, text: String, bytes: [UInt8], map: [String: String], session: Session,
              people: ImportPeople, source: ChangeStamp, onlyWithAlarms: Bool = false,
              warn: (String) -> Void) throws(ImportProblem) -> ImportPlan {
        // Said once the import is sure to go ahead: a refused file needs no advice on the next one.
        var notes: [String] = []
        do {
            let plan = try read(format, text: text, bytes: bytes, map: map, session: session, people: people,
                                source: source, onlyWithAlarms: onlyWithAlarms, note: { notes.append($0) }, warn: warn)
            notes.forEach(warn)
            return plan
        } catch {
            throw format == "csv" ? error.namingColumn(in: text, fields: csvColumns, map: map) : error
        }
    }

    private func read(_ format: String, text: String, bytes: [UInt8], map: [String: String], session: Session,
                      people: ImportPeople, source: ChangeStamp, onlyWithAlarms: Bool, note: (String) -> Void,
                      warn: (String) -> Void) throws(ImportProblem) -> ImportPlan {
        let data = session.data, zone = session.zone
        var people = people
        switch (self, format) {
        case (.reminders, "json"):
            return try ImportPlan(try ReminderJSONTransfer.records(bytes, zone: zone), into: data,
                                  defaultOwner: session.user, people: people, stamp: source)
        case (.reminders, "ics"):
            let result = try ReminderICS.records(text, zone: zone, people: data.people, onlyWithAlarms: onlyWithAlarms)
            result.warnings.forEach(warn)
            return try ImportPlan(result.records, into: data, defaultOwner: session.user, people: people, stamp: source)
        case (.reminders, _):
            let records = try ReminderCSV.records(text, map: map, zone: zone, people: &people, note: note)
            return try ImportPlan(records, into: data, defaultOwner: session.user, people: people, stamp: source)
        case (.cases, "json"):
            return try ImportPlan(cases: try CaseJSONTransfer.records(bytes, zone: zone, now: source.at), into: data, people: people)
        case (.cases, _):
            let records = try CaseCSV.records(text, map: map, zone: zone, data: data, people: &people, note: note)
            return try ImportPlan(caseRows: records, into: data, people: people, stamp: source)
        case (.people, "json"):
            let records = try PeopleJSONTransfer.records(bytes)
            return try ImportPlan(people: records.people, teams: records.teams, into: data)
        case (.people, _):
            return try ImportPlan(people: try PeopleCSV.records(text, map: map, people: data.people), into: data)
        case (.activities, "json"):
            return try ImportPlan(activities: try ActivityJSONTransfer.records(bytes, zone: zone), into: data, people: people)
        case (.activities, "jsonl"):
            return try ImportPlan(activities: try ActivityJSONTransfer.records(lines: bytes, zone: zone), into: data,
                                  people: people)
        case (.activities, _):
            let records = try ActivityCSV.records(text, map: map, zone: zone, data: data, people: &people)
            return try ImportPlan(activities: records, into: data, people: people)
        }
    }

    /// The whole of this kind in `format`, as `plan` reads it back unchanged.
    func export(_ format: String, session: Session) throws(ImportProblem) -> String {
        let data = session.data, zone = session.zone
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        switch (self, format) {
        case (.reminders, "json"): return text(try ReminderJSONTransfer.export(data.reminders, zone: zone))
        case (.reminders, "csv"): return ReminderCSV.export(data.reminders, zone: zone)
        case (.reminders, _): return ReminderICS.export(data.reminders, people: data.people, zone: zone, stamp: session.now)
        case (.cases, "json"): return text(try CaseExport.json(data.cases, zone: zone))
        case (.cases, _): return CaseCSV.export(data.cases, zone: zone)
        case (.people, "json"): return text(try PeopleJSONTransfer.export(data.people, teams: data.teams))
        case (.people, _): return PeopleCSV.export(data.people)
        case (.activities, "json"): return text(try ActivityJSONTransfer.export(data.activities, zone: zone))
        case (.activities, _): return ActivityCSV.export(data.activities, zone: zone)
        }
    }
}
