import CRMCore
import Foundation

/// Changes as JSON objects, one per journal line: `{"op": "reminder.acknowledge", "id": …}`.
/// Records inside (a whole reminder for `reminder.put`) use the same codecs as the files, so a
/// change reads exactly like the record it writes.
public enum MutationCodec {
    static let fields: [StaticString] = [
        "seq", "op", "id", "person", "at", "until", "reminder", "case", "influencer", "team", "kpi",
        "activity", "settings", "due", "fields", "action", "actor", "note", "from", "to", "marks", "since",
        "contest",
    ]

    enum Op: String, CaseIterable {
        case reminderPut = "reminder.put", reminderDelete = "reminder.delete"
        case reminderAcknowledge = "reminder.acknowledge", reminderUnacknowledge = "reminder.unacknowledge"
        case reminderSnooze = "reminder.snooze"
        case casePut = "case.put", influencerPut = "influencer.put"
        case personPut = "person.put", teamPut = "team.put", kpiPut = "kpi.put"
        case activityLog = "activity.log", settingsPut = "settings.put"
        case reminderAdd = "reminder.add", reminderEdit = "reminder.edit"
        case reminderAcknowledgeOccurrence = "reminder.acknowledge-occurrence"
        case caseOpen = "case.open", caseAct = "case.act", influencerAdd = "influencer.add"
        case personAway = "person.away"
        /// Read from older journals only; see `ReminderChange.restore`.
        case reminderRestore = "reminder.restore"
        case reminderUndo = "reminder.undo", reminderWithdraw = "reminder.withdraw", caseUndo = "case.undo"
        case contestAdd = "contest.add", contestEnd = "contest.end"
    }

    /// The members of one change; `seq` comes first when the journal numbers it.
    static func members(_ mutation: Mutation, zone: TimeZone) throws(FieldError) -> [JSONOutput.Member] {
        var o = ObjectBuilder(zone: zone)
        func op(_ op: Op) { o.put("op", op.rawValue) }
        switch mutation {
        case .reminder(.put(let r)):
            op(.reminderPut)
            o.put("reminder", try within(.key("reminder")) { () throws(FieldError) in try ReminderCodec.encode(r, zone: zone) })
        case .reminder(.delete(let id)):
            op(.reminderDelete)
            o.put("id", id)
        case .reminder(.acknowledge(let id, let person, let at)):
            op(.reminderAcknowledge)
            o.put("id", id)
            o.put("person", person)
            try o.put("at", time: at)
        case .reminder(.unacknowledge(let id, let person, let at)):
            op(.reminderUnacknowledge)
            o.put("id", id)
            o.put("person", person)
            try o.put("at", time: at)
        case .reminder(.snooze(let id, let person, let until, let at)):
            op(.reminderSnooze)
            o.put("id", id)
            o.put("person", person)
            try o.put("until", time: until)
            try o.put("at", time: at)
        case .supportCase(.put(let c)):
            op(.casePut)
            o.put("case", try within(.key("case")) { () throws(FieldError) in try CaseCodec.encode(c, zone: zone) })
        case .supportCase(.putInfluencer(let i)):
            op(.influencerPut)
            o.put("influencer", CaseCodec.encodeInfluencer(i))
        case .directory(.putPerson(let p)):
            op(.personPut)
            o.put("person", PeopleCodec.encodePerson(p))
        case .directory(.putTeam(let t)):
            op(.teamPut)
            o.put("team", PeopleCodec.encodeTeam(t))
        case .directory(.putKPI(let k)):
            op(.kpiPut)
            o.put("kpi", PeopleCodec.encodeKPI(k))
        case .logActivity(let a):
            op(.activityLog)
            o.put("activity", try within(.key("activity")) { () throws(FieldError) in try PeopleCodec.encodeActivity(a, zone: zone) })
        case .reminder(.add(let r)):
            op(.reminderAdd)
            o.put("reminder", try within(.key("reminder")) { () throws(FieldError) in try ReminderCodec.encode(r, zone: zone) })
        case .reminder(.edit(let id, let changes, let stamp)):
            op(.reminderEdit)
            o.put("id", id)
            o.put("fields", .array(try changes.map { c throws(FieldError) in try ReminderFieldCodec.encode(c, zone: zone) }))
            if let stamp { try ChangeStampCodec.put(stamp, into: &o) }
        case .reminder(.restore(let r, let stamp)):
            op(.reminderRestore)
            o.put("reminder", try within(.key("reminder")) { () throws(FieldError) in try ReminderCodec.encode(r, zone: zone) })
            try ChangeStampCodec.put(stamp, into: &o)
        case .reminder(.undo(let id, let undo, let stamp)):
            op(.reminderUndo)
            o.put("id", id)
            try UndoCodec.putReminderUndo(undo, into: &o, zone: zone)
            try ChangeStampCodec.put(stamp, into: &o)
        case .reminder(.withdraw(let r)):
            op(.reminderWithdraw)
            o.put("reminder", try within(.key("reminder")) { () throws(FieldError) in try ReminderCodec.encode(r, zone: zone) })
        case .supportCase(.undo(let id, let undo, let at, let actor)):
            op(.caseUndo)
            o.put("id", id)
            try UndoCodec.putCaseUndo(undo, into: &o, zone: zone)
            try o.put("at", time: at)
            o.put("actor", actor)
        case .reminder(.acknowledgeOccurrence(let id, let person, let due, let at)):
            op(.reminderAcknowledgeOccurrence)
            o.put("id", id)
            o.put("person", person)
            try o.put("due", time: due)
            try o.put("at", time: at)
        case .supportCase(.open(let c)):
            op(.caseOpen)
            o.put("case", try within(.key("case")) { () throws(FieldError) in try CaseCodec.encode(c, zone: zone) })
        case .supportCase(.addInfluencer(let i)):
            op(.influencerAdd)
            o.put("influencer", CaseCodec.encodeInfluencer(i))
        case .supportCase(.act(let id, let action, let at, let actor, let note)):
            op(.caseAct)
            o.put("id", id)
            o.put("action", CaseActionCodec.encode(action))
            try o.put("at", time: at)
            o.put("actor", actor)
            o.put("note", note)
        case .directory(.addAway(let person, let range)):
            op(.personAway)
            o.put("person", person)
            o.put("from", range.from.description)
            o.put("to", range.to.description)
        case .settings(let s):
            op(.settingsPut)
            o.put("settings", .object(try within(.key("settings")) { () throws(FieldError) in try SettingsCodec.encode(s) }))
        case .contest(let change):
            try ContestCodec.put(change, into: &o, zone: zone)
        }
        return o.members
    }

    /// Reads the change in `f`, whose `seq` (if any) the caller has taken already.
    static func decode(_ f: inout Fields, zone: TimeZone) throws(FieldError) -> Mutation {
        let opValue = try f.required("op")
        let op = try within(.key("op")) { () throws(FieldError) in try opValue.decodeChoice(Op.self) }
        func record<T>(_ key: StaticString, _ decode: (JSONValue) throws(FieldError) -> T) throws(FieldError) -> T {
            let value = try f.required(key)
            return try within(.key("\(key)")) { () throws(FieldError) in try decode(value) }
        }
        let mutation: Mutation
        switch op {
        case .reminderPut:
            mutation = .reminder(.put(try record("reminder") { v throws(FieldError) in try ReminderCodec.decode(v, zone: zone) }))
        case .reminderDelete:
            mutation = .reminder(.delete(id: try f.string("id")))
        case .reminderAcknowledge:
            mutation = .reminder(.acknowledge(id: try f.string("id"), person: try f.string("person"),
                                              at: try f.time("at", zone)))
        case .reminderUnacknowledge:
            mutation = .reminder(.unacknowledge(id: try f.string("id"), person: try f.string("person"),
                                                at: try f.optionalTime("at", zone)))
        case .reminderSnooze:
            mutation = .reminder(.snooze(id: try f.string("id"), person: try f.string("person"),
                                         until: try f.optionalTime("until", zone), at: try f.optionalTime("at", zone)))
        case .casePut:
            mutation = .supportCase(.put(try record("case") { v throws(FieldError) in try CaseCodec.decode(v, zone: zone) }))
        case .influencerPut:
            mutation = .supportCase(.putInfluencer(try record("influencer", CaseCodec.decodeInfluencer)))
        case .personPut:
            mutation = .directory(.putPerson(try record("person", PeopleCodec.decodePerson)))
        case .teamPut:
            mutation = .directory(.putTeam(try record("team", PeopleCodec.decodeTeam)))
        case .kpiPut:
            mutation = .directory(.putKPI(try record("kpi", PeopleCodec.decodeKPI)))
        case .activityLog:
            mutation = .logActivity(try record("activity") { v throws(FieldError) in try PeopleCodec.decodeActivity(v, zone: zone) })
        case .settingsPut:
            mutation = .settings(try record("settings", SettingsCodec.decode))
        case .reminderAdd:
            mutation = .reminder(.add(try record("reminder") { v throws(FieldError) in try ReminderCodec.decode(v, zone: zone) }))
        case .reminderEdit:
            let id = try f.string("id")
            let changes = try record("fields") { v throws(FieldError) in
                try v.decodeList { e throws(FieldError) in try ReminderFieldCodec.decode(e, zone: zone) }
            }
            mutation = .reminder(.edit(id: id, changes, try ChangeStampCodec.optional(&f, zone: zone)))
        case .reminderRestore:
            let copy = try record("reminder") { v throws(FieldError) in try ReminderCodec.decode(v, zone: zone) }
            mutation = .reminder(.restore(copy, try ChangeStampCodec.required(&f, zone: zone)))
        case .reminderUndo:
            let id = try f.string("id")
            let undo = try UndoCodec.reminderUndo(&f, zone: zone)
            mutation = .reminder(.undo(id: id, undo, try ChangeStampCodec.required(&f, zone: zone)))
        case .reminderWithdraw:
            mutation = .reminder(.withdraw(try record("reminder") { v throws(FieldError) in try ReminderCodec.decode(v, zone: zone) }))
        case .caseUndo:
            let id = try f.string("id")
            let undo = try UndoCodec.caseUndo(&f, zone: zone)
            mutation = .supportCase(.undo(id: id, undo, at: try f.time("at", zone), actor: try f.string("actor", or: nil)))
        case .reminderAcknowledgeOccurrence:
            mutation = .reminder(.acknowledgeOccurrence(id: try f.string("id"), person: try f.string("person"),
                                                        due: try f.time("due", zone), at: try f.time("at", zone)))
        case .caseOpen:
            mutation = .supportCase(.open(try record("case") { v throws(FieldError) in try CaseCodec.decode(v, zone: zone) }))
        case .influencerAdd:
            mutation = .supportCase(.addInfluencer(try record("influencer", CaseCodec.decodeInfluencer)))
        case .caseAct:
            let id = try f.string("id")
            let action = try record("action", CaseActionCodec.decode)
            mutation = .supportCase(.act(id: id, action: action, at: try f.time("at", zone),
                                         actor: try f.string("actor", or: nil), note: try f.string("note", or: nil)))
        case .contestAdd, .contestEnd:
            mutation = .contest(try ContestCodec.decodeChange(op, &f, zone: zone))
        case .personAway:
            let person = try f.string("person")
            let from = try record("from") { v throws(FieldError) in try v.decodeDate() }
            let to = try record("to") { v throws(FieldError) in try v.decodeDate() }
            mutation = .directory(.addAway(person: person, DateRange(from: from, to: to)))
        }
        f.finish()
        return mutation
    }

    /// One change as compact JSON, for tools and tests; the journal adds its sequence number.
    public static func encode(_ mutation: Mutation, zone: TimeZone = .gmt) throws(SaveError) -> [UInt8] {
        do throws(FieldError) {
            return JSONWriter.compact(.object(try members(mutation, zone: zone)))
        } catch {
            throw SaveError(file: Journal.fileName, path: error.path, message: error.message)
        }
    }

    /// One change as a JSON value, to go inside other output (`crmtop recover --json`).
    public static func json(_ mutation: Mutation, zone: TimeZone = .gmt) throws(SaveError) -> JSONOutput {
        do throws(FieldError) {
            return .object(try members(mutation, zone: zone))
        } catch {
            throw SaveError(file: Journal.fileName, path: error.path, message: error.message)
        }
    }

    public static func decode(_ bytes: [UInt8], zone: TimeZone = .gmt) throws(LoadError) -> Mutation {
        let document: JSONDocument
        do throws(JSONSyntaxError) {
            document = try .parse(bytes)
        } catch {
            throw LoadError(file: Journal.fileName, syntax: error, in: bytes)
        }
        do throws(FieldError) {
            var f = try Fields(document.root, known: fields)
            _ = f.optional("seq")
            return try decode(&f, zone: zone)
        } catch {
            let at = document.position(of: error.offset ?? 0)
            throw LoadError(file: Journal.fileName, path: error.path, line: at.line, column: at.column,
                            message: error.message)
        }
    }
}
