import CRMCore
import Foundation

/// One reminder as an imported file describes it: what it sets, and where it was written.
public struct ImportedReminder: Equatable, Sendable {
    public var line: Int
    /// The id the file knows it by; matched against `Reminder.importKey`. Nil when the file
    /// has no ids: the record is a new reminder every time it is imported.
    public var key: String?
    /// Only the fields the file carries, so that re-importing keeps what was changed here
    /// in fields the other program knows nothing of (acknowledgements, a follow-up window).
    public var fields: [ReminderField]

    public init(line: Int, key: String?, fields: [ReminderField]) {
        self.line = line
        self.key = key
        self.fields = fields
    }
}

/// A record that cannot be imported; `field` names the column or property, and `column`
/// is where on the line it is, when the format tells (JSON does).
public struct ImportProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int?
    public var field: String
    public var problem: String

    public init(line: Int, column: Int? = nil, field: String, _ problem: String) {
        self.line = line
        self.column = column
        self.field = field
        self.problem = problem
    }

    public var description: String { "\(line)\(column.map { ":\($0)" } ?? ""): \(field): \(problem)" }
}

extension ImportProblem {
    /// Refuses `record`, read at `line`, when it would write a field over its size limit that
    /// `before`, the record as stored, does not already hold (`FieldLimit`).
    static func refuseOversized<Record: FieldSized>(_ record: Record, comparedTo before: Record?,
                                                    line: Int) throws(ImportProblem) {
        guard let first = record.oversizedFields(comparedTo: before).first else { return }
        throw ImportProblem(line: line, field: first.path, first.problem)
    }
}

extension Reminder {
    /// What an import matches on: the other program's id, or crmtop's own for records
    /// that came from a crmtop export.
    public var importKey: String { externalID ?? id }
}

/// What importing would do, worked out before anything is written.
public struct ImportPlan: Equatable, Sendable {
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    /// For each id in `updated`, what changes in it (`priority: high → urgent; …`).
    public var changes: [String: String] = [:]
    /// The handles of people added because records name them (`ImportPeople`).
    public var addedPeople: [String] = []
    public var mutations: [Mutation] = []

    /// Matches each record to a reminder by key and builds the change. Records that set no
    /// owner get `defaultOwner`; every owner a record brings must be one of `people` (those
    /// the records' names were found among, with any it adds). Every result is validated here,
    /// so that the first bad record stops the import before anything is applied. `stamp` goes
    /// into the history of every reminder added (`imported`) or changed (`edited`).
    public init(_ records: [ImportedReminder], into data: DataSet, defaultOwner: String, people: ImportPeople? = nil,
                stamp: ChangeStamp) throws(ImportProblem) {
        var byKey: [String: Reminder] = [:]
        for r in data.reminders { byKey[r.importKey] = r }
        var ids = data.reminderIDs
        var people = people ?? ImportPeople(data)
        let zone = data.settings.defaultCalendar.timeZone
        var seen: Set<String> = []
        for record in records {
            if let key = record.key, !seen.insert(key).inserted {
                throw ImportProblem(line: record.line, field: "id", "\(key) appears twice in the file")
            }
            let found = record.key.flatMap { byKey[$0] }
            let result: Reminder
            if let existing = found {
                result = existing.applying(record.fields)
                if result == existing { unchanged.append(existing.id); continue }
                updated.append(existing.id)
                changes[existing.id] = Reminder.changes(from: existing, to: result, zone: zone)
                mutations.append(.reminder(.edit(id: existing.id, record.fields, stamp)))
            } else {
                guard record.fields.contains(where: { if case .title = $0 { true } else { false } }) else {
                    throw ImportProblem(line: record.line, field: "title", "missing")
                }
                guard record.fields.contains(where: { if case .due = $0 { true } else { false } }) else {
                    throw ImportProblem(line: record.line, field: "due", "missing")
                }
                let id = ids.next()
                let blank = Reminder(id: id, title: "", owners: [defaultOwner], due: Date(timeIntervalSince1970: 0),
                                     externalID: record.key)
                result = blank.applying(record.fields).made(.imported, stamp)
                added.append(id)
                mutations.append(.reminder(.add(result)))
            }
            let namesOwners = record.fields.contains { if case .owners = $0 { true } else { false } }
            for owner in result.owners where !(found?.owners.contains(owner) ?? false) {
                try people.require(owner, line: record.line, field: "owners",
                                   who: namesOwners ? nil : "the user, as the row names no owner")
            }
            // Named by field and line: a new record has no id yet, only the one it would get.
            let problems = result.problems(knownPeople: people.handleSet, zone: zone)
            if let first = problems.first {
                let more = problems.dropFirst().map { "; \($0.field.rawValue): \($0.message)" }.joined()
                throw ImportProblem(line: record.line, field: first.field.rawValue, first.message + more)
            }
            try ImportProblem.refuseOversized(result, comparedTo: found, line: record.line)
        }
        adding(people)
    }
}
