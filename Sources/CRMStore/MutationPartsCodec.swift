import CRMCore
import Foundation

/// One edited reminder field as `{"title": "…"}`, `{"due": "2026-…"}`, `{"start": null}`.
enum ReminderFieldCodec {
    static let names: [StaticString] = ["title", "notes", "link", "priority", "owners", "due", "start", "end", "repeat", "zone", "alerts"]

    static func encode(_ field: ReminderField, zone: TimeZone) throws(FieldError) -> JSONOutput {
        var o = ObjectBuilder(zone: zone)
        func text(_ key: String, _ value: String?) { o.put(key, value.map { JSONOutput.string($0) } ?? .null) }
        func time(_ key: String, _ value: Date?) throws(FieldError) {
            if let value { try o.put(key, time: value) } else { o.put(key, JSONOutput.null) }
        }
        switch field {
        case .title(let t): text("title", t)
        case .notes(let n): text("notes", n)
        case .link(let l): text("link", l)
        case .priority(let p): text("priority", p.rawValue)
        case .owners(let owners): o.put("owners", strings: owners, always: true)
        case .due(let d): try time("due", d)
        case .start(let d): try time("start", d)
        case .end(let d): try time("end", d)
        case .repeatRule(let r):
            o.put("repeat", try r.map { r throws(FieldError) in
                try within(.key("repeat")) { () throws(FieldError) in try RecurrenceCodec.encode(r, zone: zone, fileZone: zone) }
            } ?? .null)
        case .zone(let z): text("zone", z)
        case .alerts(let a):
            o.put("alerts", try a.map { list throws(FieldError) in
                .array(try list.map { d throws(FieldError) in try encodeDuration(d) })
            } ?? .null)
        }
        return o.output
    }

    static func decode(_ value: JSONValue, zone: TimeZone) throws(FieldError) -> ReminderField {
        var f = try Fields(value, known: names)
        defer { f.finish() }
        if value["title"] != nil { return .title(try f.string("title")) }
        if value["notes"] != nil { return .notes(try f.string("notes", or: nil)) }
        if value["link"] != nil { return .link(try f.string("link", or: nil)) }
        if value["priority"] != nil { return .priority(try f.choice("priority")) }
        if value["owners"] != nil { return .owners(try f.requiredList("owners") { v throws(FieldError) in try v.decodeString() }) }
        if value["due"] != nil { return .due(try f.time("due", zone)) }
        if value["start"] != nil { return .start(try f.optionalTime("start", zone)) }
        if value["end"] != nil { return .end(try f.optionalTime("end", zone)) }
        if value["repeat"] != nil {
            return .repeatRule(try f.optional("repeat").map { v throws(FieldError) in
                try within(.key("repeat")) { () throws(FieldError) in try RecurrenceCodec.decode(v, zone: zone, fileZone: zone) }
            })
        }
        if value["alerts"] != nil {
            return .alerts(try f.optional("alerts").map { v throws(FieldError) in
                try within(.key("alerts")) { () throws(FieldError) in try v.decodeList { d throws(FieldError) in try d.decodeDuration() } }
            })
        }
        if value["zone"] != nil {
            return .zone(try f.optional("zone").map { v throws(FieldError) in
                try within(.key("zone")) { () throws(FieldError) in try RecurrenceCodec.zone(v) }
            })
        }
        throw value.mismatch("one edited field, e.g. {\"title\": \"…\"}")
    }
}

/// Who made a reminder change and when, as `at`, `actor` and `note` beside the change's
/// other members.
enum ChangeStampCodec {
    static func put(_ stamp: ChangeStamp, into o: inout ObjectBuilder) throws(FieldError) {
        try o.put("at", time: stamp.at)
        o.put("actor", stamp.actor)
        o.put("note", stamp.note)
    }

    /// Nil for an edit written before reminders had a history, which has no `at`.
    static func optional(_ f: inout Fields, zone: TimeZone) throws(FieldError) -> ChangeStamp? {
        let at = try f.optionalTime("at", zone), actor = try f.string("actor", or: nil), note = try f.string("note", or: nil)
        return at.map { ChangeStamp(at: $0, actor: actor, note: note) }
    }

    static func required(_ f: inout Fields, zone: TimeZone) throws(FieldError) -> ChangeStamp {
        ChangeStamp(at: try f.time("at", zone), actor: try f.string("actor", or: nil), note: try f.string("note", or: nil))
    }
}

/// A case action as `{"name": "assigned", "owner": "lucas"}` or `{"name": "escalated", "level": 3}`.
enum CaseActionCodec {
    static let fields: [StaticString] = ["name", "owner", "level"]

    static func encode(_ action: CaseAction) -> JSONOutput {
        var members = [JSONOutput.Member("name", .string(action.name))]
        switch action {
        case .assign(let owner): members.append(.init("owner", .string(owner)))
        case .escalate(let level): if let level { members.append(.init("level", .int(level))) }
        default: break
        }
        return .object(members)
    }

    static func decode(_ value: JSONValue) throws(FieldError) -> CaseAction {
        var f = try Fields(value, known: fields)
        defer { f.finish() }
        let name = try f.string("name")
        switch name {
        case "responded": return .respond
        case "paused": return .pause
        case "resumed": return .resume
        case "resolved": return .resolve
        case "reopened": return .reopen
        case "closed": return .close
        case "assigned": return .assign(owner: try f.string("owner"))
        case "escalated": return .escalate(to: try f.int("level", or: nil))
        default: throw value.mismatch("a case action (responded, paused, resumed, resolved, reopened, closed, assigned, escalated)")
        }
    }
}
