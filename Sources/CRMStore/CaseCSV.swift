import CRMCore
import Foundation

/// One field of a case as a CSV row sets it.
public enum CaseField: Equatable, Sendable {
    case title(String), customer(String?), kind(CaseKind), priority(CasePriority), status(CaseStatus)
    case owner(String?), team(String?), influencer(String?)
    case opened(Date), firstResponseAt(Date?), resolvedAt(Date?), escalationLevel(Int)

    func apply(to c: inout SupportCase) {
        switch self {
        case .title(let v): c.title = v
        case .customer(let v): c.customer = v
        case .kind(let v): c.kind = v
        case .priority(let v): c.priority = v
        case .status(let v): c.status = v
        case .owner(let v): c.owner = v
        case .team(let v): c.team = v
        case .influencer(let v): c.influencer = v
        case .opened(let v): c.opened = v
        case .firstResponseAt(let v): c.firstResponseAt = v
        case .resolvedAt(let v): c.resolvedAt = v
        case .escalationLevel(let v): c.escalationLevel = v
        }
    }
}

/// A case as a CSV row describes it: only the fields the file has columns for, so that
/// importing again keeps what only crmtop knows (pauses, history, the latest replies).
public struct ImportedCaseFields: Equatable, Sendable {
    public var line: Int
    /// Nil when the file has no ids: the row opens a new case every time it is imported.
    public var key: String?
    public var fields: [CaseField]
}

/// Cases as CSV, in the shape help desks and CRMs export tickets, and as `export` writes them.
public enum CaseCSV {
    public static let fields: [(field: String, headers: [String])] = [
        ("external_id", ["external_id", "external id", "id", "case id", "case number", "ticket id", "ticket number",
                         "ticket", "number", "uid"]),
        ("title", ["title", "subject", "summary"]),
        ("customer", ["customer", "account", "account name", "company", "organization", "organisation", "client"]),
        ("kind", ["kind", "case kind"]),
        ("priority", ["priority", "severity"]),
        ("status", ["status", "state"]),
        ("owner", ["owner", "case owner", "assignee", "assigned to", "agent"]),
        ("team", ["team", "group", "queue"]),
        ("influencer", ["influencer", "source"]),
        ("opened", ["opened", "opened at", "date/time opened", "created", "created at", "created date", "opened date",
                    "date opened"]),
        ("first_response_at", ["first_response_at", "first response", "first response at", "first reply",
                               "first reply at"]),
        ("resolved_at", ["resolved_at", "resolved", "resolved at", "solved at", "closed date", "date/time closed",
                         "closed at"]),
        ("escalation_level", ["escalation_level", "escalation level"]),
    ]

    /// Owners are found among `people` by handle, name or e-mail address (added when it
    /// may); teams and influencers in `data` by id or name. Without an id column every row is
    /// a new case (`key` nil), which `note` is told.
    public static func records(_ text: String, map: [String: String], zone: TimeZone, data: DataSet,
                               people: inout ImportPeople,
                               note: (String) -> Void = { _ in }) throws(ImportProblem) -> [ImportedCaseFields] {
        let table = try CSVTable(text, fields: fields, map: map)
        guard !table.isEmpty else { return [] }
        table.noteWithoutIDs(note)
        return try table.rows.map { row throws(ImportProblem) in try record(row, zone: zone, data: data, people: &people) }
    }

    private static func record(_ row: CSVTable.Row, zone: TimeZone, data: DataSet,
                               people: inout ImportPeople) throws(ImportProblem) -> ImportedCaseFields {
        let key = row.text("external_id")
        if key == nil && row.values["external_id"] != nil { throw row.problem("external_id", "empty") }
        var fields: [CaseField] = []
        if row.values["title"] != nil {
            guard let text = row.text("title") else { throw row.problem("title", "empty") }
            fields.append(.title(text))
        }
        // Empty for feedback from an influencer or anonymous; a new case still needs one.
        if row.values["customer"] != nil { fields.append(.customer(row.text("customer"))) }
        if let text = row.text("kind") {
            guard let kind = CaseKind(rawValue: text.lowercased()) else { throw row.problem("kind", "\"\(text)\" is not case or feedback") }
            fields.append(.kind(kind))
        }
        if let text = row.text("priority") {
            guard let p = priority(text) else { throw row.problem("priority", "\"\(text)\" is not urgent, high, normal or low") }
            fields.append(.priority(p))
        }
        if let text = row.text("status") {
            guard let s = status(text) else {
                throw row.problem("status", "\"\(text)\" is not new, open, pending-customer, resolved or closed")
            }
            fields.append(.status(s))
        }
        if row.values["owner"] != nil {
            var owner: String?
            if let name = row.text("owner") { owner = try people.handle(named: name, line: row.line, field: "owner") }
            fields.append(.owner(owner))
        }
        if row.values["team"] != nil {
            fields.append(.team(try named(row, "team", in: data.teams.map { ($0.id, $0.name) })))
        }
        if row.values["influencer"] != nil {
            fields.append(.influencer(try named(row, "influencer", in: data.influencers.map { ($0.id, $0.name) })))
        }
        if row.values["opened"] != nil {
            guard let opened = try row.time("opened", zone: zone) else { throw row.problem("opened", "empty") }
            fields.append(.opened(opened))
        }
        if row.values["first_response_at"] != nil { fields.append(.firstResponseAt(try row.time("first_response_at", zone: zone))) }
        if row.values["resolved_at"] != nil { fields.append(.resolvedAt(try row.time("resolved_at", zone: zone))) }
        if let text = row.text("escalation_level") {
            guard let level = Int(text), level >= 0 else { throw row.problem("escalation_level", "\"\(text)\" is not a level (0, 1, 2 …)") }
            fields.append(.escalationLevel(level))
        }
        return ImportedCaseFields(line: row.line, key: key, fields: fields)
    }

    /// Help desks number priorities and call them critical or medium as often as not.
    /// The id of what `column` names by its id or its name; nil for an empty cell.
    private static func named(_ row: CSVTable.Row, _ column: String,
                              in known: [(id: String, name: String)]) throws(ImportProblem) -> String? {
        try row.text(column).map { name throws(ImportProblem) in
            guard let match = known.first(where: { PersonMatch.same($0.id, name) || PersonMatch.same($0.name, name) }) else {
                throw row.problem(column, "no \(column) \(name)")
            }
            return match.id
        }
    }

    private static func priority(_ text: String) -> CasePriority? {
        switch text.lowercased() {
        case "urgent", "critical", "p1", "1": .urgent
        case "high", "p2", "2": .high
        case "normal", "medium", "p3", "3": .normal
        case "low", "p4", "4": .low
        default: nil
        }
    }

    /// Statuses as help desks name them, folded into crmtop's five.
    private static func status(_ text: String) -> CaseStatus? {
        switch text.lowercased() {
        case "new": .new
        case "open", "working", "in progress", "escalated", "assigned": .open
        case "pending-customer", "pending", "on hold", "on-hold", "hold", "waiting on customer", "awaiting customer": .pendingCustomer
        case "resolved", "solved": .resolved
        case "closed": .closed
        default: nil
        }
    }

    /// What `records` reads back unchanged. A case is written under the id the other program
    /// knows it by where it has one, so that a round trip through it matches again.
    public static func export(_ cases: [SupportCase], zone: TimeZone) -> String {
        func time(_ d: Date?) -> String { d.map { TimeText.format($0, zone: zone) } ?? "" }
        return CSV.line(["id", "title", "customer", "kind", "priority", "status", "owner", "team", "influencer",
                         "opened", "first_response_at", "resolved_at", "escalation_level"])
            + cases.map { c in
                CSV.line([c.importKey, c.title, c.customer ?? "", c.kind.rawValue, c.priority.rawValue, c.status.rawValue,
                          c.owner ?? "", c.team ?? "", c.influencer ?? "", time(c.opened), time(c.firstResponseAt),
                          time(c.resolvedAt), String(c.escalationLevel)])
            }.joined()
    }
}

/// A file gives a status, not when the wait on the customer began or ended; SLA clocks stand
/// still while a pause runs, so one is started when a case comes in waiting on the customer
/// (from the import on, as nothing earlier is known) and ended when it comes in no longer waiting.
private func syncPauses(_ item: inout SupportCase, at: Date) {
    if item.status == .pendingCustomer {
        if !item.isPaused { item.pauses.append(Pause(start: max(at, item.opened))) }
    } else if item.isPaused {
        let end = item.status.isOpen ? at : item.resolvedAt ?? at
        for n in item.pauses.indices where item.pauses[n].end == nil { item.pauses[n].end = max(end, item.pauses[n].start) }
    }
}

extension ImportPlan {
    /// Matches each row to a case by key. New cases need a title, a customer and the time
    /// they were opened; every case is checked as `check` would, so the first bad row stops
    /// the import. `stamp` goes into the history of each case added or changed, so its actor
    /// must be one of `people` (or be added by it).
    public init(caseRows records: [ImportedCaseFields], into data: DataSet, people: ImportPeople? = nil,
                stamp: ChangeStamp) throws(ImportProblem) {
        var byKey: [String: SupportCase] = [:]
        for c in data.cases { byKey[c.importKey] = c }
        var ids = IDSequence(prefix: "C-", existing: data.cases.lazy.map(\.id)), seen: Set<String> = []
        let levels = Set(data.settings.escalation.map(\.level))
        var people = people ?? ImportPeople(data)
        for record in records {
            func problem(_ field: String, _ message: String) -> ImportProblem { ImportProblem(line: record.line, field: field, message) }
            if let key = record.key, !seen.insert(key).inserted { throw problem("external_id", "\(key) appears twice in the file") }
            let existing = record.key.flatMap { byKey[$0] }
            var item = existing ?? SupportCase(id: "", title: "", customer: nil, opened: Date(timeIntervalSince1970: 0),
                                               externalID: record.key)
            for field in record.fields { field.apply(to: &item) }
            let setsOpened = record.fields.contains { if case .opened = $0 { true } else { false } }
            if setsOpened, let why = SupportCase.openingProblem(item.opened, now: stamp.at, zone: data.settings.defaultCalendar.timeZone) {
                throw problem("opened", why)
            }
            if existing == nil {
                for (name, given) in [("title", !item.title.isEmpty), ("customer", item.customer != nil || item.kind == .feedback),
                                      ("opened", setsOpened)] where !given {
                    throw problem(name, "missing; a new case needs it")
                }
            }
            let setsResolved = record.fields.contains { if case .resolvedAt(.some) = $0 { true } else { false } }
            if item.status.isOpen {
                if setsResolved { throw problem("resolved_at", "set, but the status \(item.status.rawValue) is open") }
                item.resolvedAt = nil
            } else if item.resolvedAt == nil {
                throw problem("resolved_at", "missing; a \(item.status.rawValue) case needs the time it was resolved")
            }
            syncPauses(&item, at: stamp.at)
            for (name, time) in [("first_response_at", item.firstResponseAt), ("resolved_at", item.resolvedAt)] {
                if let time, time < item.opened { throw problem(name, "before the case was opened") }
            }
            if item.escalationLevel > 0 && !levels.contains(item.escalationLevel) {
                throw problem("escalation_level", "\(item.escalationLevel) is not a level on the escalation ladder")
            }
            try ImportProblem.refuseOversized(item, comparedTo: existing, line: record.line)
            if let existing, item == existing { unchanged.append(item.id); continue }
            if let actor = stamp.actor {
                try people.require(actor, line: record.line, field: "history",
                                   who: "the user, whom the case's history names as importing it")
            }
            if let existing {
                changes[item.id] = ImportChanges.of(existing, item, zone: data.settings.defaultCalendar.timeZone)
                item.history.append(HistoryEvent(at: stamp.at, actor: stamp.actor, action: "updated", detail: stamp.note))
                updated.append(item.id)
                mutations.append(.supportCase(.put(item)))
            } else {
                item.id = ids.next()
                item.history = [HistoryEvent(at: stamp.at, actor: stamp.actor, action: "imported", detail: stamp.note)]
                added.append(item.id)
                mutations.append(.supportCase(.open(item)))
            }
        }
        adding(people)
    }
}
