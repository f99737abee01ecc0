import CRMCore
import Foundation

/// What `check` finds that no single file can show: names of people, teams, influencers,
/// KPIs and calendars that do not exist, ids given twice, times out of order, settings that
/// contradict each other. Each finding names a record by its list and position there.
enum Consistency {
    struct Finding {
        var collection: DataStore.Collection
        /// The list in the file (`reminders`), and the record's position in what was read;
        /// for a finding in an object of settings.json (`wall`), its key and no position.
        var list: String
        var index: Int?
        /// Inside the record, outermost first.
        var path: [FieldError.Step]
        var message: String
    }

    /// What is not checked when a file could not be read at all, as `check` says it.
    static func dependents(of collection: DataStore.Collection) -> [String] {
        switch collection {
        case .people: ["names of people and teams"]
        case .kpis: ["the KPIs of activities and contests"]
        case .influencers: ["the influencers of cases"]
        case .settings: ["the escalation levels of cases"]
        case .reminders, .cases, .activities: []
        }
    }

    /// The file a kind of name is looked up in.
    private static func file(of kind: KnownNames.Kind) -> DataStore.Collection {
        switch kind {
        case .person, .team, .escalationTarget: .people
        case .influencer: .influencers
        case .kpi: .kpis
        }
    }

    /// `unread` are files that could not be read at all: names are not looked up in them,
    /// since against an empty list every name would be reported (see `dependents`).
    static func findings(_ data: DataSet, unread: Set<DataStore.Collection> = []) -> [Finding] {
        var found: [Finding] = []
        func add(_ c: DataStore.Collection, _ list: String, _ n: Int, _ path: [FieldError.Step], _ message: String) {
            found.append(Finding(collection: c, list: list, index: n, path: path, message: message))
        }
        let names = KnownNames(data)
        func unknown(_ name: String, as kind: KnownNames.Kind) -> String? {
            unread.contains(file(of: kind)) ? nil : names.problem(name, as: kind)
        }
        func refer(_ c: DataStore.Collection, _ list: String, _ n: Int, _ path: [FieldError.Step], _ name: String?,
                   _ kind: KnownNames.Kind) {
            if let name, let problem = unknown(name, as: kind) { add(c, list, n, path, problem) }
        }
        func person(_ c: DataStore.Collection, _ list: String, _ n: Int, _ path: [FieldError.Step], _ handle: String?) {
            refer(c, list, n, path, handle, .person)
        }
        func team(_ c: DataStore.Collection, _ list: String, _ n: Int, _ path: [FieldError.Step], _ id: String?) {
            refer(c, list, n, path, id, .team)
        }
        func unique<T>(_ c: DataStore.Collection, _ list: String, _ items: [T], key: String, _ id: (T) -> String) {
            var first: [String: Int] = [:]
            for (n, item) in items.enumerated() where !id(item).isEmpty {
                if let earlier = first[id(item)] {
                    add(c, list, n, [.key(key)], "\(key) \"\(clip(id(item)))\" is used again; first at \(list)[\(earlier)]")
                } else {
                    first[id(item)] = n
                }
            }
        }

        unique(.people, "people", data.people, key: "id", \.id)
        for (n, p) in data.people.enumerated() {
            team(.people, "people", n, [.key("team")], p.team)
            person(.people, "people", n, [.key("manager")], p.manager)
            for (k, range) in p.away.enumerated() where range.to < range.from {
                add(.people, "people", n, [.key("away"), .index(k)], "the absence ends before it starts")
            }
        }
        unique(.people, "teams", data.teams, key: "id", \.id)
        for (n, t) in data.teams.enumerated() { person(.people, "teams", n, [.key("lead")], t.lead) }
        unique(.kpis, "kpis", data.kpis, key: "id", \.id)
        unique(.influencers, "influencers", data.influencers, key: "id", \.id)
        for (n, i) in data.influencers.enumerated() {
            if let url = i.url, let problem = Link.problem(url, shown: clip(url), like: "https://blog.example.com") {
                add(.influencers, "influencers", n, [.key("url")], problem)
            }
        }

        unique(.reminders, "reminders", data.reminders, key: "id", \.id)
        for (n, r) in data.reminders.enumerated() {
            for (k, owner) in r.owners.enumerated() { person(.reminders, "reminders", n, [.key("owners"), .index(k)], owner) }
            person(.reminders, "reminders", n, [.key("creator")], r.creator)
            if let start = r.start, start > r.due { add(.reminders, "reminders", n, [.key("start")], "start is after due") }
            if let end = r.end, end < r.due { add(.reminders, "reminders", n, [.key("end")], "end is before due") }
            for (field, map) in [("acknowledged_by", r.acknowledgedBy), ("snoozed_until", r.snoozedUntil)] {
                for handle in map.keys.sorted() where !r.owners.contains(handle) {
                    add(.reminders, "reminders", n, [.key(field), .key(handle)], "\"\(clip(handle))\" is not an owner of this reminder")
                }
            }
        }

        let levels = data.settings.escalation.map(\.level)
        unique(.cases, "cases", data.cases, key: "id", \.id)
        for (n, c) in data.cases.enumerated() {
            person(.cases, "cases", n, [.key("owner")], c.owner)
            team(.cases, "cases", n, [.key("team")], c.team)
            refer(.cases, "cases", n, [.key("influencer")], c.influencer, .influencer)
            if (c.status == .resolved || c.status == .closed) && c.resolvedAt == nil {
                add(.cases, "cases", n, [.key("status")], "status is \"\(c.status.rawValue)\" but resolved_at is missing")
            }
            for (field, time) in [("first_response_at", c.firstResponseAt), ("resolved_at", c.resolvedAt)] {
                if let time, time < c.opened { add(.cases, "cases", n, [.key(field)], "\(field) is before opened") }
            }
            for (k, pause) in c.pauses.enumerated() {
                if let end = pause.end, end < pause.start {
                    add(.cases, "cases", n, [.key("pauses"), .index(k), .key("end")], "the pause ends before it starts")
                }
            }
            if !unread.contains(.settings), c.escalationLevel > 0 && !levels.contains(c.escalationLevel) {
                add(.cases, "cases", n, [.key("escalation_level")],
                    "escalation level \(c.escalationLevel) is not on the escalation ladder in settings.json")
            }
            for (k, event) in c.history.enumerated() { person(.cases, "cases", n, [.key("history"), .index(k), .key("actor")], event.actor) }
        }

        settings(data, problem: unknown, add: add)
        found += contests(data, unread: unread)
        // Sorted, as the file's order is not kept once read; a digest for nobody batches nothing.
        for name in data.settings.notify.digest.keys.sorted() {
            guard let problem = unknown(name, as: .person) else { continue }
            found.append(Finding(collection: .settings, list: "notify", index: nil, path: [.key("digest"), .key(name)],
                                 message: problem + "; nobody gets this digest"))
        }
        if let id = data.settings.wall.team, let problem = unknown(id, as: .team) {
            found.append(Finding(collection: .settings, list: "wall", index: nil, path: [.key("team")], message: problem))
        }
        for (key, route) in CaseKind.allCases.compactMap({ k in data.settings.routing.byKind[k].map { (k.rawValue, $0) } })
            + (data.settings.routing.fallback.map { [("default", $0)] } ?? []) {
            if let owner = route.owner, let problem = unknown(owner, as: .person) {
                found.append(Finding(collection: .settings, list: "routing", index: nil, path: [.key(key), .key("owner")],
                                     message: problem))
            }
            if let team = route.team, let problem = unknown(team, as: .team) {
                found.append(Finding(collection: .settings, list: "routing", index: nil, path: [.key(key), .key("team")],
                                     message: problem))
            }
        }
        for (n, a) in data.activities.enumerated() {
            person(.activities, "activities", n, [.key("person")], a.person)
            refer(.activities, "activities", n, [.key("kpi")], a.kpi, .kpi)
        }
        return found
    }

    private static func settings(_ data: DataSet, problem: (String, KnownNames.Kind) -> String?,
                                 add: (DataStore.Collection, String, Int, [FieldError.Step], String) -> Void) {
        let s = data.settings
        var names: [String: Int] = [:]
        for (n, calendar) in s.calendars.enumerated() {
            if let earlier = names[calendar.name] {
                add(.settings, "calendars", n, [.key("name")], "calendar \"\(clip(calendar.name))\" is named again; first at calendars[\(earlier)]")
            } else {
                names[calendar.name] = n
            }
        }
        var policies: [String: Int] = [:]
        for (n, p) in s.slaPolicies.enumerated() {
            if let name = p.calendar, names[name] == nil {
                add(.settings, "sla_policies", n, [.key("calendar")], "calendar \"\(clip(name))\" is not in calendars")
            }
            if p.warnAtFraction != nil && p.warnBefore != nil {
                add(.settings, "sla_policies", n, [.key("warn_before")], "warn_at_percent and warn_before are both set; only warn_at_percent counts")
            }
            let key = "\(p.priority.rawValue) priority (\(p.kind.map { "kind \($0.rawValue)" } ?? "any kind"))"
            if let earlier = policies[key] {
                add(.settings, "sla_policies", n, [.key("priority")], "a second policy for \(key); only sla_policies[\(earlier)] counts")
            } else {
                policies[key] = n
            }
        }
        var levels: [Int: Int] = [:]
        for (n, level) in s.escalation.enumerated() {
            if let earlier = levels[level.level] {
                add(.settings, "escalation", n, [.key("level")], "level \(level.level) is given again; first at escalation[\(earlier)]")
            } else {
                levels[level.level] = n
            }
            for (k, name) in level.notify.enumerated() {
                if let found = problem(name, .escalationTarget) {
                    add(.settings, "escalation", n, [.key("notify"), .index(k)], found)
                }
            }
        }
    }

    /// A known field an unknown one was probably meant to be: one or two letters off, or the
    /// same apart from case and separators.
    static func intended(_ name: String, among known: [StaticString]) -> String? {
        let plain = { (s: String) in s.lowercased().filter { $0 != "_" && $0 != "-" } }
        let candidates = known.map(\.description).filter { $0 != "version" }
        if let same = candidates.first(where: { plain($0) == plain(name) }) { return same }
        guard name.count >= 4 else { return nil }
        return candidates.map { ($0, distance(Array(name.lowercased()), Array($0))) }
            .filter { $0.1 <= (name.count >= 8 ? 2 : 1) }.min { $0.1 < $1.1 }?.0
    }

    /// Edits (insert, delete, replace, swap two neighbours) turning one into the other.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
