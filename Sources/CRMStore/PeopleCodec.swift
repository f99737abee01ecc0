import CRMCore
import Foundation

/// People, teams, KPIs and the activities logged against them.
enum PeopleCodec {
    static let personFields: [StaticString] = ["id", "name", "role", "team", "manager", "away", "email", "chat"]
    static let rangeFields: [StaticString] = ["from", "to"]
    static let teamFields: [StaticString] = ["id", "name", "lead"]
    static let kpiFields: [StaticString] = ["id", "name", "unit", "points", "daily_cap", "goals"]
    static let goalFields: [StaticString] = ["role", "count", "period"]
    static let activityFields: [StaticString] = ["person", "kpi", "count", "at", "note"]

    static func decodePerson(_ value: JSONValue) throws(FieldError) -> Person {
        var f = try Fields(value, known: personFields)
        let person = Person(
            id: try f.string("id"), name: try f.string("name"), role: try f.string("role"),
            team: try f.string("team", or: nil), manager: try f.string("manager", or: nil),
            away: try f.list("away") { v throws(FieldError) in
                var r = try Fields(v, known: rangeFields)
                let from = try r.required("from"), to = try r.required("to")
                let range = DateRange(
                    from: try within(.key("from")) { () throws(FieldError) in try from.decodeDate() },
                    to: try within(.key("to")) { () throws(FieldError) in try to.decodeDate() })
                r.finish()
                return range
            },
            email: try f.string("email", or: nil, checkedBy: Person.emailProblem),
            chat: try f.string("chat", or: nil, checkedBy: Person.chatProblem))
        f.finish()
        return person
    }

    static func encodePerson(_ p: Person) -> JSONOutput {
        var o = ObjectBuilder(zone: .gmt)
        o.put("id", p.id)
        o.put("name", p.name)
        o.put("role", p.role)
        o.put("team", p.team)
        o.put("manager", p.manager)
        o.put("email", p.email)
        o.put("chat", p.chat)
        if !p.away.isEmpty {
            o.put("away", .array(p.away.map {
                .object([.init("from", .string($0.from.description)), .init("to", .string($0.to.description))])
            }))
        }
        return o.output
    }

    static func decodeTeam(_ value: JSONValue) throws(FieldError) -> Team {
        var f = try Fields(value, known: teamFields)
        let team = Team(id: try f.string("id"), name: try f.string("name"), lead: try f.string("lead", or: nil))
        f.finish()
        return team
    }

    static func encodeTeam(_ t: Team) -> JSONOutput {
        var o = ObjectBuilder(zone: .gmt)
        o.put("id", t.id)
        o.put("name", t.name)
        o.put("lead", t.lead)
        return o.output
    }

    static func decodeKPI(_ value: JSONValue) throws(FieldError) -> KPI {
        var f = try Fields(value, known: kpiFields)
        let kpi = KPI(
            id: try f.string("id"), name: try f.string("name"), unit: try f.string("unit", or: nil),
            points: try f.int("points"), dailyCap: try f.int("daily_cap", or: nil),
            goals: try f.list("goals") { v throws(FieldError) in
                var g = try Fields(v, known: goalFields)
                let goal = Goal(role: try g.string("role"), count: try g.int("count"), period: try g.choice("period"))
                g.finish()
                return goal
            })
        f.finish()
        return kpi
    }

    static func encodeKPI(_ k: KPI) -> JSONOutput {
        var o = ObjectBuilder(zone: .gmt)
        o.put("id", k.id)
        o.put("name", k.name)
        o.put("unit", k.unit)
        o.put("points", k.points)
        o.put("daily_cap", k.dailyCap)
        if !k.goals.isEmpty {
            o.put("goals", .array(k.goals.map {
                .object([.init("role", .string($0.role)), .init("count", .int($0.count)),
                         .init("period", .string($0.period.rawValue))])
            }))
        }
        return o.output
    }

    static func decodeActivity(_ value: JSONValue, zone: TimeZone) throws(FieldError) -> Activity {
        var f = try Fields(value, known: activityFields)
        let activity = Activity(person: try f.string("person"), kpi: try f.string("kpi"),
                                count: try f.int("count", or: 1)!, at: try f.time("at", zone),
                                note: try f.string("note", or: nil))
        f.finish()
        return activity
    }

    static func encodeActivity(_ a: Activity, zone: TimeZone) throws(FieldError) -> JSONOutput {
        var o = ObjectBuilder(zone: zone)
        o.put("person", a.person)
        o.put("kpi", a.kpi)
        o.put("count", a.count)
        try o.put("at", time: a.at)
        o.put("note", a.note)
        return o.output
    }
}

/// Records exactly as people.json, kpis.json and activities.jsonl hold them, for commands
/// that print them: one spelling of each field, whether on disk or on screen.
public enum DirectoryJSON {
    public static func person(_ person: Person) -> JSONOutput { PeopleCodec.encodePerson(person) }

    public static func kpi(_ kpi: KPI) -> JSONOutput { PeopleCodec.encodeKPI(kpi) }

    /// Times are written with the offset of `zone`; one outside the years 0001–9999 is refused.
    public static func activity(_ activity: Activity, zone: TimeZone) throws -> JSONOutput {
        try PeopleCodec.encodeActivity(activity, zone: zone)
    }
}
