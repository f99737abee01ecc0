import CRMCore
import Foundation

/// One field of a person as an imported file sets it. Teams and managers are as the file
/// writes them (an id, a name, an e-mail address) until the plan finds who they are.
public enum PersonField: Equatable, Sendable {
    case name(String), role(String), team(String?), manager(String?), away([DateRange])
    case email(String?), chat(String?)
}

/// A person as an imported file describes it, matched by handle.
public struct ImportedPerson: Equatable, Sendable {
    public var line: Int
    public var handle: String
    public var fields: [PersonField]
}

/// People as CSV: what a CRM's user export has (name or first and last name, e-mail, role
/// or profile, team or department, manager), and what `export` writes.
public enum PeopleCSV {
    public static let fields: [(field: String, headers: [String])] = [
        ("id", ["id", "handle", "username", "user name", "alias", "login", "user id"]),
        ("name", ["name", "full name", "display name"]),
        ("first_name", ["first_name", "first name", "given name"]),
        ("last_name", ["last_name", "last name", "surname", "family name"]),
        ("email", ["email", "e-mail", "email address", "e-mail address", "mail"]),
        ("role", ["role", "profile", "job title", "title", "position"]),
        ("team", ["team", "department", "group"]),
        ("manager", ["manager", "reports to", "manager name", "manager email"]),
        ("chat", ["chat", "chat handle", "slack", "slack id", "slack handle", "teams", "matrix"]),
    ]

    /// A row without a handle gets one from its e-mail address: the handle of a person
    /// that address already names, else the part before the `@`.
    public static func records(_ text: String, map: [String: String], people: [Person]) throws(ImportProblem) -> [ImportedPerson] {
        let table = try CSVTable(text, fields: fields, map: map)
        guard !table.isEmpty else { return [] }
        guard table.columns.contains("id") || table.columns.contains("email") else {
            throw ImportProblem(line: table.headerLine, field: "id",
                                "no handle or e-mail column; name one with --map COLUMN=id or --map COLUMN=email")
        }
        return try table.rows.map { row throws(ImportProblem) in
            // Some CRMs' user names are e-mail addresses: those are read as one.
            guard let given = row.text("id") ?? row.text("email") else {
                throw row.problem(table.columns.contains("id") ? "id" : "email", "empty")
            }
            var handle = given
            if given.contains("@") {
                let local = given.split(separator: "@").first.map { String($0).lowercased() } ?? ""
                handle = PersonMatch.handle(given, in: people) ?? local
            }
            var fields: [PersonField] = []
            if let name = row.text("name") {
                fields.append(.name(name))
            } else if row.text("first_name") != nil || row.text("last_name") != nil {
                fields.append(.name([row.text("first_name"), row.text("last_name")].compactMap { $0 }.joined(separator: " ")))
            }
            if row.values["role"] != nil {
                guard let role = row.text("role") else { throw row.problem("role", "empty") }
                fields.append(.role(slug(role)))
            }
            if row.values["team"] != nil { fields.append(.team(row.text("team"))) }
            if row.values["manager"] != nil { fields.append(.manager(row.text("manager"))) }
            // The address is kept for the notifier, when the row has one.
            if let email = row.text("email") {
                if let why = Person.emailProblem(email) { throw row.problem("email", why) }
                fields.append(.email(email))
            }
            if let chat = row.text("chat") {
                if let why = Person.chatProblem(chat) { throw row.problem("chat", why) }
                fields.append(.chat(chat))
            }
            return ImportedPerson(line: row.line, handle: handle, fields: fields)
        }
    }

    /// Roles are matched against KPI goals, so `Sales Rep` is read as `sales-rep`; teams
    /// get their ids the same way.
    static func slug(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }

    /// Days away stay in the JSON; a CSV imported again leaves them as they are.
    public static func export(_ people: [Person]) -> String {
        CSV.line(["id", "name", "role", "team", "manager", "email", "chat"])
            + people.map { CSV.line([$0.id, $0.name, $0.role, $0.team ?? "", $0.manager ?? "", $0.email ?? "", $0.chat ?? ""]) }
            .joined()
    }
}

/// People and teams in the shape of `people.json`.
public enum PeopleJSONTransfer {
    public static func records(_ bytes: [UInt8]) throws(ImportProblem) -> (people: [ImportedPerson], teams: [(line: Int, team: Team)]) {
        let people = try JSONTransfer.items(bytes, "people", PeopleCodec.decodePerson).map { line, p in
            ImportedPerson(line: line, handle: p.id,
                           fields: [.name(p.name), .role(p.role), .team(p.team), .manager(p.manager), .away(p.away),
                                    .email(p.email), .chat(p.chat)])
        }
        let teams = try JSONTransfer.items(bytes, "teams", optional: true, PeopleCodec.decodeTeam).map { (line: $0.line, team: $0.item) }
        return (people, teams)
    }

    public static func export(_ people: [Person], teams: [Team]) throws(ImportProblem) -> [UInt8] {
        JSONTransfer.document([("people", try JSONTransfer.outputs(people, PeopleCodec.encodePerson)),
                               ("teams", try JSONTransfer.outputs(teams, PeopleCodec.encodeTeam))])
    }
}

extension ImportPlan {
    /// Matches people by handle and teams by id. A team named in a person's row that is not
    /// known by id or name is added, with an id made from the name; a manager may be anyone
    /// known or in the file, by handle, name or e-mail. Teams appear in the summary as
    /// `team ID`.
    public init(people records: [ImportedPerson], teams fileTeams: [(line: Int, team: Team)] = [],
                into data: DataSet) throws(ImportProblem) {
        var teams = data.teams
        var seenTeams: Set<String> = []
        for (line, team) in fileTeams {
            guard seenTeams.insert(team.id).inserted else { throw ImportProblem(line: line, field: "id", "team \(team.id) appears twice in the file") }
            try ImportProblem.refuseOversized(team, comparedTo: data.teams.first { $0.id == team.id }, line: line)
            track(team, in: &teams, label: "team " + team.id)
        }
        var seen: Set<String> = []
        var people: [(line: Int, person: Person, existing: Person?)] = []
        for record in records {
            func problem(_ field: String, _ message: String) -> ImportProblem { ImportProblem(line: record.line, field: field, message) }
            guard seen.insert(record.handle).inserted else { throw problem("id", "\(record.handle) appears twice in the file") }
            if let why = ImportPeople.handleProblem(record.handle) { throw problem("id", why) }
            let existing = data.person(record.handle)
            var person = existing ?? Person(id: record.handle, name: record.handle, role: "")
            for field in record.fields {
                switch field {
                case .name(let name): person.name = name
                case .role(let role): person.role = role
                case .team(nil): person.team = nil
                case .team(let name?):
                    if let team = teams.first(where: { PersonMatch.same($0.id, name) || PersonMatch.same($0.name, name) }) {
                        person.team = team.id
                    } else {
                        let team = Team(id: PeopleCSV.slug(name), name: name)
                        track(team, in: &teams, label: "team " + team.id)
                        person.team = team.id
                    }
                case .manager(let text): person.manager = text
                case .away(let ranges): person.away = ranges
                case .email(let address): person.email = address
                case .chat(let handle): person.chat = handle
                }
            }
            if person.role.isEmpty { throw problem("role", "missing; a new person needs a role") }
            try ImportProblem.refuseOversized(person, comparedTo: existing, line: record.line)
            people.append((record.line, person, existing))
        }
        // Managers and leads are found once everyone is known, so a file may name one further down.
        let everyone = data.people.filter { p in !people.contains { $0.person.id == p.id } } + people.map(\.person)
        for (line, team) in fileTeams {
            if let lead = team.lead, !everyone.contains(where: { $0.id == lead }) {
                throw ImportProblem(line: line, field: "lead", "no person \(lead)")
            }
        }
        for (line, var person, existing) in people {
            if let text = person.manager {
                guard let handle = PersonMatch.handle(text, in: everyone) else {
                    throw ImportProblem(line: line, field: "manager", "no person \(text)")
                }
                guard handle != person.id else { throw ImportProblem(line: line, field: "manager", "\(person.id) cannot manage themselves") }
                person.manager = handle
            }
            if person == existing { unchanged.append(person.id); continue }
            if let existing {
                updated.append(person.id)
                changes[person.id] = ImportChanges.of(existing, person)
            } else {
                added.append(person.id)
            }
            mutations.append(.directory(.putPerson(person)))
        }
    }

    private mutating func track(_ team: Team, in teams: inout [Team], label: String) {
        if let i = teams.firstIndex(where: { $0.id == team.id }) {
            if teams[i] == team { unchanged.append(label); return }
            changes[label] = ImportChanges.describe([("name", teams[i].name, team.name), ("lead", teams[i].lead, team.lead)])
            teams[i] = team
            updated.append(label)
        } else {
            teams.append(team)
            added.append(label)
        }
        mutations.append(.directory(.putTeam(team)))
    }
}
