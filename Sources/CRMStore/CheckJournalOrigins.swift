import CRMCore

/// Where the journal last wrote a whole person, team or KPI. Until compaction such a record
/// is not in people.json or kpis.json (or is there in an older copy), so a problem in it is
/// reported at the journal's line, where its field is, rather than at a place in the
/// snapshot that does not hold it.
struct JournalOrigin {
    var line: Int
    var document: JSONDocument
    /// The change's member that holds the record (`person`).
    var member: String
}

extension Checker {
    /// The list, id and member of a journalled change that writes a whole record of the
    /// people or KPI files.
    static func wholeRecord(_ mutation: Mutation) -> (list: String, id: String, member: String)? {
        switch mutation {
        case .directory(.putPerson(let p)): ("people", p.id, "person")
        case .directory(.putTeam(let t)): ("teams", t.id, "team")
        case .directory(.putKPI(let k)): ("kpis", k.id, "kpi")
        default: nil
        }
    }

    /// Remembers where `mutation`, applied from the journal's `line`, put its record.
    mutating func noteOrigin(of mutation: Mutation, line: Int, document: JSONDocument) {
        guard let whole = Self.wholeRecord(mutation) else { return }
        journalled[whole.list + "\u{0}" + whole.id] = JournalOrigin(line: line, document: document, member: whole.member)
    }

    /// Reports `finding` at the journal line that wrote its record last; false when no line did.
    mutating func reportInJournal(_ finding: Consistency.Finding, at index: Int) -> Bool {
        let id: String? = switch finding.list {
        case "people": data.people.indices.contains(index) ? data.people[index].id : nil
        case "teams": data.teams.indices.contains(index) ? data.teams[index].id : nil
        case "kpis": data.kpis.indices.contains(index) ? data.kpis[index].id : nil
        default: nil
        }
        guard let id, let origin = journalled[finding.list + "\u{0}" + id] else { return false }
        let path: [FieldError.Step] = [.key(origin.member)] + finding.path
        // A field left out points at the record.
        let value = origin.document.value(at: path) ?? origin.document.value(at: [.key(origin.member)])
        let at = origin.document.position(of: value?.offset ?? 0)
        problems.append(LoadError(file: Journal.fileName, path: FieldError.path(path), line: origin.line,
                                  column: at.column, message: finding.message))
        return true
    }
}
