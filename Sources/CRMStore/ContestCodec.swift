import CRMCore
import Foundation

/// settings.json's `contests`, and the journal's `contest.add` and `contest.end`.
enum ContestCodec {
    static let fields: [StaticString] = ["id", "name", "kpis", "from", "to", "people", "teams", "prize", "ended"]

    /// `zone` reads an `ended` written without an offset, as every time in the data is read.
    static func decode(_ v: JSONValue, zone: TimeZone) throws(FieldError) -> Contest {
        var f = try Fields(v, known: fields)
        let id = try f.string("id")
        func date(_ key: StaticString) throws(FieldError) -> LocalDate {
            let value = try f.required(key)
            return try within(.key("\(key)")) { () throws(FieldError) in try value.decodeDate() }
        }
        func handles(_ key: StaticString) throws(FieldError) -> [String] {
            try f.list(key) { v throws(FieldError) in try v.decodeString() }
        }
        let contest = Contest(
            id: id, name: try f.string("name", or: nil) ?? id,
            kpis: try f.requiredList("kpis") { v throws(FieldError) in try v.decodeString() },
            from: try date("from"), to: try date("to"),
            people: try handles("people"), teams: try handles("teams"),
            prize: try f.string("prize", or: nil), ended: try f.optionalTime("ended", zone))
        f.finish()
        return contest
    }

    static func encode(_ c: Contest, zone: TimeZone) throws(FieldError) -> JSONOutput {
        guard c.from <= c.to else { throw within(.key("to"), FieldError("the last day \(c.to) is before the first, \(c.from)")) }
        var o = ObjectBuilder(zone: zone)
        o.put("id", c.id)
        o.put("name", c.name)
        o.put("kpis", strings: c.kpis, always: true)
        o.put("from", c.from.description)
        o.put("to", c.to.description)
        // Both written even when empty, so a reader sees at once who may take part.
        o.put("people", strings: c.people, always: true)
        o.put("teams", strings: c.teams, always: true)
        o.put("prize", c.prize)
        try o.put("ended", time: c.ended)
        return o.output
    }

    static func decodeChange(_ op: MutationCodec.Op, _ f: inout Fields, zone: TimeZone) throws(FieldError) -> ContestChange {
        if op == .contestEnd { return .end(id: try f.string("id"), at: try f.time("at", zone)) }
        let value = try f.required("contest")
        return .add(try within(.key("contest")) { () throws(FieldError) in try decode(value, zone: zone) })
    }

    static func put(_ change: ContestChange, into o: inout ObjectBuilder, zone: TimeZone) throws(FieldError) {
        switch change {
        case .add(let c):
            o.put("op", MutationCodec.Op.contestAdd.rawValue)
            o.put("contest", try within(.key("contest")) { () throws(FieldError) in try encode(c, zone: zone) })
        case .end(let id, let at):
            o.put("op", MutationCodec.Op.contestEnd.rawValue)
            o.put("id", id)
            try o.put("at", time: at)
        }
    }
}

/// A contest in the shape settings.json gives it, for `--json`.
extension SettingsJSON {
    public static func contest(_ c: Contest, zone: TimeZone) throws(SaveError) -> JSONOutput {
        do throws(FieldError) {
            return try ContestCodec.encode(c, zone: zone)
        } catch {
            throw SaveError(file: DataStore.Collection.settings.fileName, path: "contests." + error.path,
                            message: error.message)
        }
    }
}
