/// Which limit each text field has, record by record. Field names are the data files'.
extension Reminder: FieldSized {
    public var oversizedFields: [OversizedField] {
        var c = FieldSizeCheck()
        c.check("title", title, .title)
        c.check("notes", notes, .notes)
        c.check("link", link, .link)
        c.check("owners", owners, .name)
        c.check("creator", creator, .name)
        c.check("external_id", externalID, .externalID)
        return c.found
    }
}

extension SupportCase: FieldSized {
    public var oversizedFields: [OversizedField] {
        var c = FieldSizeCheck()
        c.check("title", title, .title)
        c.check("customer", customer, .name)
        c.check("owner", owner, .name)
        c.check("team", team, .name)
        c.check("influencer", influencer, .name)
        for (i, event) in history.enumerated() {
            c.check("history", event.actor, .name, index: i, key: "actor")
            c.check("history", event.detail, .notes, index: i, key: "detail")
        }
        c.check("external_id", externalID, .externalID)
        return c.found
    }
}

extension Influencer: FieldSized {
    public var oversizedFields: [OversizedField] {
        var c = FieldSizeCheck()
        c.check("name", name, .name)
        c.check("url", url, .link)
        c.check("notes", notes, .notes)
        return c.found
    }
}

extension Person: FieldSized {
    public var oversizedFields: [OversizedField] {
        var c = FieldSizeCheck()
        c.check("id", id, .name)
        c.check("name", name, .name)
        c.check("role", role, .name)
        c.check("team", team, .name)
        c.check("manager", manager, .name)
        c.check("email", email, .name)
        c.check("chat", chat, .name)
        return c.found
    }
}

extension Team: FieldSized {
    public var oversizedFields: [OversizedField] {
        var c = FieldSizeCheck()
        c.check("id", id, .name)
        c.check("name", name, .name)
        c.check("lead", lead, .name)
        return c.found
    }
}

extension KPI: FieldSized {
    public var oversizedFields: [OversizedField] {
        var c = FieldSizeCheck()
        c.check("id", id, .name)
        c.check("name", name, .name)
        c.check("unit", unit, .name)
        return c.found
    }
}

extension Activity: FieldSized {
    public var oversizedFields: [OversizedField] {
        var c = FieldSizeCheck()
        c.check("person", person, .name)
        c.check("kpi", kpi, .name)
        c.check("note", note, .notes)
        return c.found
    }
}

extension Mutation {
    /// The fields this change would write over their limit, as `what: field has …`. A field
    /// the record already holds at that length is not counted: data that came in long is kept,
    /// only no longer made longer. Settings have no limits, apart from a contest's texts.
    public func oversizedFields(in data: DataSet) -> [(what: String, field: OversizedField)] {
        func label<T: FieldSized & Identifiable<String>>(_ kind: String, _ item: T, in list: [T]) -> [(String, OversizedField)] {
            item.oversizedFields(comparedTo: list.first { $0.id == item.id }).map { ("\(kind) \(item.id)", $0) }
        }
        switch self {
        case .reminder(.add(let r)), .reminder(.put(let r)):
            return label("reminder", r, in: data.reminders)
        case .reminder(.edit(let id, let fields, _)):
            guard let before = data.reminders.first(where: { $0.id == id }) else { return [] }
            return before.applying(fields).oversizedFields(comparedTo: before).map { ("reminder \(id)", $0) }
        case .supportCase(.put(let c)), .supportCase(.open(let c)):
            return label("case", c, in: data.cases)
        case .supportCase(.putInfluencer(let i)), .supportCase(.addInfluencer(let i)):
            return label("influencer", i, in: data.influencers)
        case .supportCase(.act(let id, _, _, _, let note)):
            var c = FieldSizeCheck()
            c.check("note", note, .notes)
            return c.found.map { ("case \(id)", $0) }
        case .directory(.putPerson(let p)):
            return label("person", p, in: data.people)
        case .directory(.putTeam(let t)):
            return label("team", t, in: data.teams)
        case .directory(.putKPI(let k)):
            return label("KPI", k, in: data.kpis)
        case .logActivity(let a):
            return a.oversizedFields.map { ("activity", $0) }
        case .contest(.add(let contest)):
            return contest.oversizedFields.map { ("contest \(contest.id)", $0) }
        case .reminder(.acknowledge), .reminder(.acknowledgeOccurrence), .reminder(.unacknowledge),
             .reminder(.snooze), .reminder(.restore), .reminder(.delete), .directory(.addAway), .settings,
             .contest(.end):
            return []
        case .reminder(.undo), .reminder(.withdraw), .supportCase(.undo):
            // Values put back are ones the record had before.
            return []
        }
    }

    /// Refuses a change that would write a field over its limit, naming each. Every way a
    /// change is made (the command line, an import, the dashboard's form) asks this before
    /// the change goes to the store.
    public func checkFieldSizes(in data: DataSet) throws(MutationError) {
        let found = oversizedFields(in: data)
        guard !found.isEmpty else { return }
        throw MutationError(found.map { "\($0.what): \($0.field.message)" }.joined(separator: "; "))
    }
}
