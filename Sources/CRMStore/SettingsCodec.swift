import CRMCore
import Foundation

enum SettingsCodec {
    static let fields: [StaticString] = [
        "version", "journal_seq", "calendars", "sla_policies", "escalation", "leaderboard", "notify", "wall", "routing",
        "contests", "calendar_sync",
    ]
    static let calendarFields: [StaticString] = ["name", "zone", "hours", "holidays"]
    static let policyFields: [StaticString] = [
        "kind", "priority", "first_response", "next_response", "resolution", "calendar", "warn_at_percent", "warn_before",
    ]
    static let escalationFields: [StaticString] = ["level", "after", "notify"]
    static let leaderboardFields: [StaticString] = ["top_n", "week_start", "goal_bonus", "team_score"]
    static let wallFields: [StaticString] = ["team"]
    static let weekdays = LeaderboardSettings.weekdayNames

    /// `version` is checked by the caller, before anything else is read.
    static func decode(_ root: JSONValue) throws(FieldError) -> Settings {
        var f = try Fields(root, known: fields)
        _ = f.optional("version")
        _ = f.optional("journal_seq")
        var settings = Settings(
            calendars: try f.list("calendars", decodeCalendar),
            slaPolicies: try f.list("sla_policies", decodePolicy),
            escalation: try f.list("escalation", decodeEscalation),
            leaderboard: try f.optional("leaderboard").map { v throws(FieldError) in
                try within(.key("leaderboard")) { () throws(FieldError) in try decodeLeaderboard(v) }
            } ?? LeaderboardSettings(),
            notify: try f.optional("notify").map { v throws(FieldError) in
                try within(.key("notify")) { () throws(FieldError) in try NotifySettingsCodec.decode(v) }
            } ?? NotifySettings(),
            wall: try f.optional("wall").map { v throws(FieldError) in
                try within(.key("wall")) { () throws(FieldError) in try decodeWall(v) }
            } ?? WallDisplaySettings(),
            routing: try f.optional("routing").map { v throws(FieldError) in
                try within(.key("routing")) { () throws(FieldError) in try RoutingCodec.decode(v) }
            } ?? CaseRouting())
        // After the calendars: a time without an offset is read in the default calendar's zone.
        let zone = settings.defaultCalendar.timeZone
        settings.contests = try f.list("contests") { v throws(FieldError) in try ContestCodec.decode(v, zone: zone) }
        settings.calendarAccounts = try f.list("calendar_sync", CalendarAccountCodec.decode)
        f.finish()
        return settings
    }

    static func encode(_ s: Settings) throws(FieldError) -> [JSONOutput.Member] {
        var o = ObjectBuilder(zone: .gmt)
        // Written even when empty, so a fresh file shows where calendars go.
        var calendars: [JSONOutput] = []
        for (n, c) in s.calendars.enumerated() {
            calendars.append(try within(.key("calendars")) { () throws(FieldError) in
                try within(.index(n)) { () throws(FieldError) in try encodeCalendar(c) }
            })
        }
        o.put("calendars", .array(calendars))
        try o.put("sla_policies", list: s.slaPolicies, encodePolicy)
        try o.put("escalation", list: s.escalation, encodeEscalation)
        o.put("leaderboard", try within(.key("leaderboard")) { () throws(FieldError) in
            try encodeLeaderboard(s.leaderboard)
        })
        if let notify = try within(.key("notify"), { () throws(FieldError) in try NotifySettingsCodec.encode(s.notify) }) {
            o.put("notify", notify)
        }
        o.put("wall", encodeWall(s.wall))
        // Only when set, so that files written before routing existed stay as they were.
        if !s.routing.isEmpty { o.put("routing", RoutingCodec.encode(s.routing)) }
        let zone = s.defaultCalendar.timeZone
        try o.put("contests", list: s.contests) { c throws(FieldError) in try ContestCodec.encode(c, zone: zone) }
        // Only when there are some, so that files written before calendar sync stay as they were.
        if !s.calendarAccounts.isEmpty { o.put("calendar_sync", .array(s.calendarAccounts.map(CalendarAccountCodec.encode))) }
        return o.members
    }

    // MARK: - Calendars

    static func decodeCalendar(_ v: JSONValue) throws(FieldError) -> BusinessCalendar {
        var f = try Fields(v, known: calendarFields)
        let name = try f.string("name")
        let zoneValue = try f.required("zone")
        let zone = try within(.key("zone")) { () throws(FieldError) in
            let id = try zoneValue.decodeString()
            guard TimeZone(identifier: id) != nil else {
                throw FieldError("unknown time zone \(zoneValue.summary); use a name like Europe/Berlin or UTC",
                                 at: zoneValue.offset)
            }
            return id
        }
        let hours = try f.list("hours") { line throws(FieldError) in
            let text = try line.decodeString()
            do throws(OpenHoursText.Problem) {
                return try OpenHoursText.parse(text)
            } catch {
                throw FieldError("\(error.description) (in \(line.summary))", at: line.offset)
            }
        }
        let calendar = BusinessCalendar(name: name, zone: zone, hours: OpenHoursText.normalized(hours.flatMap { $0 }),
                                        holidays: try f.list("holidays") { v throws(FieldError) in try v.decodeDate() })
        f.finish()
        return calendar
    }

    static func encodeCalendar(_ c: BusinessCalendar) throws(FieldError) -> JSONOutput {
        guard TimeZone(identifier: c.zone) != nil else {
            throw within(.key("zone"), FieldError("unknown time zone \"\(c.zone)\""))
        }
        for (n, r) in c.hours.enumerated() {
            if let problem = OpenHoursText.problem(with: r) {
                throw within(.key("hours"), within(.index(n), FieldError(problem)))
            }
        }
        var o = ObjectBuilder(zone: .gmt)
        o.put("name", c.name)
        o.put("zone", c.zone)
        o.put("hours", strings: OpenHoursText.format(c.hours), always: true)
        o.put("holidays", strings: c.holidays.map(\.description))
        return o.output
    }

    // MARK: - SLA policies

    static func decodePolicy(_ v: JSONValue) throws(FieldError) -> SLAPolicy {
        var f = try Fields(v, known: policyFields)
        let policy = SLAPolicy(
            kind: try f.choice("kind", or: nil),
            priority: try f.choice("priority"),
            firstResponse: try f.duration("first_response"),
            nextResponse: try f.duration("next_response"),
            resolution: try f.duration("resolution"),
            calendar: try f.string("calendar", or: nil),
            warnAtFraction: try f.optional("warn_at_percent").map { p throws(FieldError) in
                try within(.key("warn_at_percent")) { () throws(FieldError) in
                    let percent = try p.decodeNumber()
                    guard (0...100).contains(percent) else {
                        throw FieldError("expected a percentage from 0 to 100, found \(p.summary)", at: p.offset)
                    }
                    return percent / 100
                }
            },
            warnBefore: try f.duration("warn_before"))
        f.finish()
        return policy
    }

    static func encodePolicy(_ p: SLAPolicy) throws(FieldError) -> JSONOutput {
        var o = ObjectBuilder(zone: .gmt)
        o.put("kind", p.kind)
        o.put("priority", p.priority)
        try o.put("first_response", duration: p.firstResponse)
        try o.put("next_response", duration: p.nextResponse)
        try o.put("resolution", duration: p.resolution)
        // Written even when nil: an explicit null says "around the clock" to whoever reads it.
        o.put("calendar", p.calendar.map(JSONOutput.string) ?? .null)
        if let fraction = p.warnAtFraction {
            guard fraction.isFinite, (0...1).contains(fraction) else {
                throw within(.key("warn_at_percent"), FieldError("\(fraction * 100) is not a percentage from 0 to 100"))
            }
            // Six decimals are plenty for a percentage, and stop 0.57 × 100 being written
            // as 56.99999999999999.
            let percent = (fraction * 100 * 1_000_000).rounded() / 1_000_000
            o.put("warn_at_percent", percent == percent.rounded() ? .int(Int(percent)) : .double(percent))
        }
        try o.put("warn_before", duration: p.warnBefore)
        return o.output
    }

    // MARK: - Escalation

    static func decodeEscalation(_ v: JSONValue) throws(FieldError) -> EscalationLevel {
        var f = try Fields(v, known: escalationFields)
        let level = try f.int("level")
        let afterValue = try f.required("after")
        let trigger = try within(.key("after")) { () throws(FieldError) in try decodeTrigger(afterValue) }
        let notify = try f.list("notify") { v throws(FieldError) in try v.decodeString() }
        f.finish()
        return EscalationLevel(level: level, trigger: trigger, notify: notify)
    }

    static func decodeTrigger(_ v: JSONValue) throws(FieldError) -> EscalationTrigger {
        guard let trigger = v.string.flatMap(EscalationTrigger.init(text:)) else {
            throw v.mismatch("warning, breach or breach+DURATION (like breach+2h)")
        }
        return trigger
    }

    static func encodeEscalation(_ e: EscalationLevel) throws(FieldError) -> JSONOutput {
        if case .afterBreach(let seconds) = e.trigger {
            _ = try within(.key("after")) { () throws(FieldError) in try durationText(seconds) }
        }
        var o = ObjectBuilder(zone: .gmt)
        o.put("level", e.level)
        o.put("after", e.trigger.text)
        o.put("notify", strings: e.notify, always: true)
        return o.output
    }

    // MARK: - Leaderboard

    static func decodeLeaderboard(_ v: JSONValue) throws(FieldError) -> LeaderboardSettings {
        var f = try Fields(v, known: leaderboardFields)
        var weekStart = 1
        if let day = f.optional("week_start") {
            weekStart = try within(.key("week_start")) { () throws(FieldError) in
                guard let text = day.string, let n = weekdays.firstIndex(of: text) else {
                    throw day.mismatch("one of " + weekdays.joined(separator: ", "))
                }
                return n + 1
            }
        }
        let settings = LeaderboardSettings(topN: try f.int("top_n", or: nil), weekStart: weekStart,
                                           goalBonus: try f.int("goal_bonus", or: 0)!,
                                           teamScore: try f.choice("team_score", or: nil) ?? .sum)
        f.finish()
        return settings
    }

    static func encodeLeaderboard(_ l: LeaderboardSettings) throws(FieldError) -> JSONOutput {
        guard (1...7).contains(l.weekStart) else {
            throw within(.key("week_start"), FieldError("weekday \(l.weekStart) is not 1 (Monday) to 7 (Sunday)"))
        }
        var o = ObjectBuilder(zone: .gmt)
        o.put("top_n", l.topN.map(JSONOutput.int) ?? .null)
        o.put("week_start", weekdays[l.weekStart - 1])
        o.put("goal_bonus", l.goalBonus)
        o.put("team_score", l.teamScore)
        return o.output
    }
}

extension SettingsCodec {
    static func decodeWall(_ v: JSONValue) throws(FieldError) -> WallDisplaySettings {
        var f = try Fields(v, known: wallFields)
        let wall = WallDisplaySettings(team: try f.string("team", or: nil))
        f.finish()
        return wall
    }

    static func encodeWall(_ w: WallDisplaySettings) -> JSONOutput {
        var o = ObjectBuilder(zone: .gmt)
        // Written even when nil: an explicit null says "everyone's reminders" to whoever reads it.
        o.put("team", w.team.map(JSONOutput.string) ?? .null)
        return o.output
    }
}

/// Adds `step` to an error's path; for errors built where they are thrown.
func within(_ step: FieldError.Step, _ error: FieldError) -> FieldError {
    var error = error
    error.steps.append(step)
    return error
}
