import CRMCore
import Foundation

/// One activity as an imported file has it, and the line it is on.
public struct ImportedActivity: Equatable, Sendable {
    public var line: Int
    public var activity: Activity
}

/// Activities as CSV: a CRM's call or task log (who, what, when, how many), and what
/// `export` writes.
public enum ActivityCSV {
    public static let fields: [(field: String, headers: [String])] = [
        ("person", ["person", "agent", "user", "rep", "owner", "assigned", "assigned to", "handle"]),
        ("kpi", ["kpi", "activity type", "type", "metric"]),
        ("at", ["at", "time", "date", "date/time", "timestamp", "completed", "completed at", "activity date"]),
        ("count", ["count", "quantity", "qty", "units"]),
        ("note", ["note", "notes", "subject", "comment", "comments"]),
    ]

    /// People are found among `people` by handle, name or e-mail address (added when it may),
    /// KPIs in `data` by id or name.
    public static func records(_ text: String, map: [String: String], zone: TimeZone, data: DataSet,
                               people: inout ImportPeople) throws(ImportProblem) -> [ImportedActivity] {
        let table = try CSVTable(text, fields: fields, map: map)
        guard !table.isEmpty else { return [] }
        for field in ["person", "kpi", "at"] { try table.require(field, "no \(field) column; name one with --map COLUMN=\(field)") }
        return try table.rows.map { row throws(ImportProblem) in
            guard let name = row.text("person") else { throw row.problem("person", "empty") }
            let person = try people.handle(named: name, line: row.line, field: "person")
            guard let kpiText = row.text("kpi") else { throw row.problem("kpi", "empty") }
            let kpi = data.kpis.first { k in [k.id, k.name].contains { sameKPI($0, kpiText) } }?.id ?? kpiText
            guard let at = try row.time("at", zone: zone) else { throw row.problem("at", "empty") }
            var count = 1
            if let text = row.text("count") {
                guard let n = Int(text) else { throw row.problem("count", "\"\(text)\" is not a whole number") }
                count = n
            }
            let note = row.values["note"].flatMap { $0.isEmpty ? nil : $0 }
            return ImportedActivity(line: row.line, activity: Activity(person: person, kpi: kpi, count: count, at: at, note: note))
        }
    }

    /// An activity report says `Call` where the KPI is `Calls`.
    private static func sameKPI(_ a: String, _ b: String) -> Bool {
        func singular(_ s: String) -> String { s.lowercased().hasSuffix("s") ? String(s.dropLast()) : s }
        return PersonMatch.same(a, b) || PersonMatch.same(singular(a), singular(b))
    }

    public static func export(_ activities: [Activity], zone: TimeZone) -> String {
        var out = CSV.line(["person", "kpi", "at", "count", "note"])
        for a in activities { out += CSV.line([a.person, a.kpi, TimeText.format(a.at, zone: zone), String(a.count), a.note ?? ""]) }
        return out
    }
}

/// Activities as `{"version": 2, "activities": [...]}`, each as `activities.jsonl` has it.
public enum ActivityJSONTransfer {
    public static func records(_ bytes: [UInt8], zone: TimeZone) throws(ImportProblem) -> [ImportedActivity] {
        try JSONTransfer.items(bytes, "activities") { v throws(FieldError) in try PeopleCodec.decodeActivity(v, zone: zone) }
            .map { ImportedActivity(line: $0.line, activity: $0.item) }
    }

    /// `activities.jsonl` as a data directory holds it (a `{"version":2}` line, then one
    /// activity a line), read as fast as crmtop reads its own.
    public static func records(lines bytes: [UInt8], zone: TimeZone) throws(ImportProblem) -> [ImportedActivity] {
        let activities: [Activity]
        do throws(ActivityLines.Failure) {
            activities = try ActivityLines.decode(FileBytes(bytes), header: true, zone: zone, firstIndex: 0).activities
        } catch {
            var failure = FieldError(error.message, at: error.offset)
            failure.steps = error.path.reversed()
            let at = TextPosition(of: error.offset, in: bytes)
            throw ImportProblem(line: at.line, column: at.column,
                                field: failure.path.isEmpty ? "activities" : failure.path, error.message)
        }
        // Blank lines hold no activity: the first line with text is the version, each after it one activity.
        var lines: [Int] = [], line = 1, lineHasText = false
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if lineHasText { lines.append(line) }
                line += 1
                lineHasText = false
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") {
                lineHasText = true
            }
        }
        if lineHasText { lines.append(line) }
        return activities.enumerated().map { n, a in ImportedActivity(line: n + 1 < lines.count ? lines[n + 1] : line, activity: a) }
    }

    public static func export(_ activities: [Activity], zone: TimeZone) throws(ImportProblem) -> [UInt8] {
        try JSONTransfer.file("activities", activities) { a throws(FieldError) in try PeopleCodec.encodeActivity(a, zone: zone) }
    }
}

/// Activities have no id: one is known by what it says. Two with the same person, KPI,
/// time (to the second), count and note are the same activity, counted as often as it
/// appears, so a file imported again adds nothing and two identical calls in one minute
/// stay two.
struct ActivityKey: Hashable {
    var person: String
    var kpi: String
    var second: Int64
    var count: Int
    var note: String?

    init(_ a: Activity) {
        person = a.person
        kpi = a.kpi
        second = Int64(a.at.timeIntervalSince1970.rounded(.down))
        count = a.count
        note = a.note
    }

    /// What a changed record still has in common with the one it changes.
    var moment: ActivityKey {
        var key = self
        key.count = 0
        key.note = nil
        return key
    }
}

extension ImportPlan {
    /// Adds the activities the data set does not hold yet (see `ActivityKey`); the summary
    /// names them `line N`. Logged activities are never changed, so a record that differs
    /// from a logged one only in its count or note is refused rather than counted twice.
    /// Whom an activity is of must be one of `people`, or be added by it.
    public init(activities records: [ImportedActivity], into data: DataSet, people: ImportPeople? = nil) throws(ImportProblem) {
        var logged: [ActivityKey: Int] = [:], loggedMoments: [ActivityKey: Int] = [:]
        for a in data.activities {
            let key = ActivityKey(a)
            logged[key, default: 0] += 1
            loggedMoments[key.moment, default: 0] += 1
        }
        var people = people ?? ImportPeople(data)
        let known = KnownNames(data)
        var fresh: [(line: Int, activity: Activity, moment: ActivityKey)] = []
        for record in records {
            let a = record.activity
            func problem(_ field: String, _ message: String) -> ImportProblem { ImportProblem(line: record.line, field: field, message) }
            try people.require(a.person, line: record.line, field: "person")
            if DerivedKPI.isReserved(a.kpi) { throw problem("kpi", "\(a.kpi) is counted from crmtop's own cases and reminders") }
            if let refusal = known.refusal(a.kpi, as: .kpi) { throw problem("kpi", refusal) }
            if a.count == 0 { throw problem("count", "must not be 0") }
            try ImportProblem.refuseOversized(a, comparedTo: nil, line: record.line)
            let key = ActivityKey(a)
            if let n = logged[key], n > 0 {
                logged[key] = n - 1
                loggedMoments[key.moment]! -= 1
                unchanged.append("line \(record.line)")
            } else {
                fresh.append((record.line, a, key.moment))
            }
        }
        // Only now is it known which logged activities no record matched.
        for (line, activity, moment) in fresh {
            if let n = loggedMoments[moment], n > 0 {
                throw ImportProblem(line: line, field: "count", "differs from the activity of \(activity.person) for "
                    + "\(activity.kpi) logged at that time; logged activities are not changed by an import")
            }
            added.append("line \(line)")
            mutations.append(.logActivity(activity))
        }
        adding(people)
    }
}
