import CRMCore

/// The people an import's records name. Each must be a person by the rule `check` reports by
/// (`KnownNames`): one who is not stops the import at the record's line, or, when the import
/// may add people, is added with `newRole` and known from then on, so that a later row
/// naming them again finds the same person.
public struct ImportPeople: Sendable {
    /// What people added this way are, until a people import says otherwise.
    public static let defaultRole = "agent"

    /// The role of people added because a record names them; nil refuses them instead.
    public let newRole: String?
    /// Those added so far, in the order the file named them.
    public private(set) var added: [Person] = []
    /// Those there were and those added, for finding whom a name means.
    private(set) var people: [Person]
    private var known: KnownNames

    public init(_ data: DataSet, addingWithRole role: String? = nil) {
        newRole = role
        people = data.people
        handleSet = Set(data.people.map(\.id))
        known = KnownNames(data)
    }

    /// The handles of those there were and those added: asked once for each record.
    private(set) var handleSet: Set<String>

    /// The handle of whom `text` names as other programs write people: a handle, a name or an
    /// e-mail address. Someone new is given a handle made from it (see `PersonMatch.newHandle`).
    mutating func handle(named text: String, line: Int, field: String) throws(ImportProblem) -> String {
        // A handle as written needs no search: an import names thousands of rows' owners so.
        if handleSet.contains(text) { return text }
        if let handle = PersonMatch.handle(text, in: people) { return handle }
        let handle = PersonMatch.newHandle(for: text)
        try add(handle, name: text.contains("@") ? handle : text, written: text, line: line, field: field, who: nil)
        return handle
    }

    /// `handle` as crmtop's own files and the user name give it: exactly a person's handle.
    /// `who` says where it comes from when the record does not name it itself.
    mutating func require(_ handle: String, line: Int, field: String, who: String? = nil) throws(ImportProblem) {
        guard !known.knows(handle, as: .person) else { return }
        try add(handle, name: handle, written: handle, line: line, field: field, who: who)
    }

    private mutating func add(_ handle: String, name: String, written: String, line: Int, field: String,
                              who: String?) throws(ImportProblem) {
        guard let role = newRole else {
            let problem = known.problem(written, as: .person, who: who) ?? ""
            throw ImportProblem(line: line, field: field, problem + known.listing(.person)
                + "; add them with crmtop person add, or import with --create-people")
        }
        if let why = Self.handleProblem(handle) {
            throw ImportProblem(line: line, field: field, "\"\(clip(written))\" is not a person, and \(why)")
        }
        let person = Person(id: handle, name: name, role: role)
        if let long = person.oversizedFields.first {
            throw ImportProblem(line: line, field: field, "a new person's \(long.path): \(long.problem)")
        }
        added.append(person)
        people.append(person)
        handleSet.insert(handle)
        known.insert(person: handle)
    }

    /// Why `handle` cannot be one; nil when it can. Names are split at commas and semicolons,
    /// and a handle is typed as one word.
    static func handleProblem(_ handle: String) -> String? {
        if handle.isEmpty { return "no handle can be made of it" }
        guard handle.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" }) else { return nil }
        return "\"\(clip(handle))\" cannot be a handle: it must have no spaces, commas or semicolons"
    }
}

extension ImportPlan {
    /// Adds the people `people` added, before the records that name them.
    mutating func adding(_ people: ImportPeople) {
        guard !people.added.isEmpty else { return }
        addedPeople = people.added.map(\.id)
        mutations = people.added.map { .directory(.putPerson($0)) } + mutations
    }
}
