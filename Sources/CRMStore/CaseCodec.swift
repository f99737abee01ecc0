import CRMCore
import Foundation

enum CaseCodec {
    static let fields: [StaticString] = [
        "id", "title", "customer", "kind", "priority", "status", "owner", "team", "influencer",
        "opened", "first_response_at", "last_response_at", "last_customer_message_at", "resolved_at", "pauses", "escalation_level", "history",
        "external_id",
    ]
    static let pauseFields: [StaticString] = ["start", "end"]
    static let influencerFields: [StaticString] = ["id", "name", "handle", "url", "notes"]

    static func decode(_ value: JSONValue, zone: TimeZone) throws(FieldError) -> SupportCase {
        var f = try Fields(value, known: fields)
        let item = SupportCase(
            id: try f.string("id"),
            title: try f.string("title"),
            customer: try f.string("customer", or: nil),
            kind: try f.choice("kind", or: CaseKind.standard)!,
            priority: try f.choice("priority", or: CasePriority.normal)!,
            status: try f.choice("status", or: CaseStatus.new)!,
            owner: try f.string("owner", or: nil),
            team: try f.string("team", or: nil),
            influencer: try f.string("influencer", or: nil),
            opened: try f.time("opened", zone),
            firstResponseAt: try f.optionalTime("first_response_at", zone),
            lastResponseAt: try f.optionalTime("last_response_at", zone),
            lastCustomerMessageAt: try f.optionalTime("last_customer_message_at", zone),
            resolvedAt: try f.optionalTime("resolved_at", zone),
            pauses: try f.list("pauses") { v throws(FieldError) in try decodePause(v, zone: zone) },
            escalationLevel: try f.int("escalation_level", or: 0)!,
            history: try f.list("history") { v throws(FieldError) in try HistoryCodec.decode(v, zone: zone) },
            externalID: try f.string("external_id", or: nil)
        )
        f.finish()
        return item
    }

    static func encode(_ c: SupportCase, zone: TimeZone) throws(FieldError) -> JSONOutput {
        var o = ObjectBuilder(zone: zone)
        o.put("id", c.id)
        o.put("title", c.title)
        o.put("customer", c.customer)
        o.put("kind", c.kind)
        o.put("priority", c.priority)
        o.put("status", c.status)
        o.put("owner", c.owner)
        o.put("team", c.team)
        o.put("influencer", c.influencer)
        try o.put("opened", time: c.opened)
        try o.put("first_response_at", time: c.firstResponseAt)
        try o.put("last_response_at", time: c.lastResponseAt)
        try o.put("last_customer_message_at", time: c.lastCustomerMessageAt)
        try o.put("resolved_at", time: c.resolvedAt)
        try o.put("pauses", list: c.pauses) { p throws(FieldError) in try encodePause(p, zone: zone) }
        o.put("escalation_level", c.escalationLevel)
        try o.put("history", list: c.history) { e throws(FieldError) in try HistoryCodec.encode(e, zone: zone) }
        o.put("external_id", c.externalID)
        return o.output
    }

    static func decodePause(_ value: JSONValue, zone: TimeZone) throws(FieldError) -> Pause {
        var p = try Fields(value, known: pauseFields)
        let pause = Pause(start: try p.time("start", zone), end: try p.optionalTime("end", zone))
        p.finish()
        return pause
    }

    static func encodePause(_ p: Pause, zone: TimeZone) throws(FieldError) -> JSONOutput {
        var b = ObjectBuilder(zone: zone)
        try b.put("start", time: p.start)
        try b.put("end", time: p.end)
        return b.output
    }

    static func decodeInfluencer(_ value: JSONValue) throws(FieldError) -> Influencer {
        var f = try Fields(value, known: influencerFields)
        let influencer = Influencer(id: try f.string("id"), name: try f.string("name"), handle: try f.string("handle", or: nil),
                                    url: try f.string("url", or: nil), notes: try f.string("notes", or: nil))
        f.finish()
        return influencer
    }

    static func encodeInfluencer(_ i: Influencer) -> JSONOutput {
        var o = ObjectBuilder(zone: .gmt)
        o.put("id", i.id)
        o.put("name", i.name)
        o.put("handle", i.handle)
        o.put("url", i.url)
        o.put("notes", i.notes)
        return o.output
    }
}
