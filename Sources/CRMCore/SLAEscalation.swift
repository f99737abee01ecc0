import Foundation

public enum Escalation {
    /// The highest ladder level whose trigger a live clock has reached, never below the level
    /// stored on the case (manual escalations stay). Met and missed clocks no longer escalate:
    /// the ladder is about getting someone to act, and once the clock stops there is nothing
    /// left to act on for it. Time past breach is the clock's own business time (`-remaining`),
    /// so a breach on Friday evening does not climb the ladder over the weekend. `clocks` must
    /// have been computed at `now`.
    public static func level(for supportCase: SupportCase, clocks: [SLAClock],
                             ladder: [EscalationLevel], now: Date) -> Int {
        var level = supportCase.escalationLevel
        for step in ladder where step.level > level {
            if clocks.contains(where: { isReached(step.trigger, by: $0) }) { level = step.level }
        }
        return level
    }

    /// The level a case has reached at `now`, its clocks worked out from the settings.
    public static func level(of supportCase: SupportCase, settings: Settings, at now: Date) -> Int {
        let clocks = SLA.clocks(for: supportCase, settings: settings, now: now)
        return level(for: supportCase, clocks: clocks, ladder: settings.escalation, now: now)
    }

    /// The ladder levels a case climbs to after `from` and by `to`, lowest first; empty when it
    /// does not rise. What the dashboard and the notifier announce (see `recipients`) between
    /// two ticks. It compares one version of the case at two moments: a rise by hand changes
    /// the case itself and is announced by whoever made it.
    public static func rises(of supportCase: SupportCase, settings: Settings, from: Date, to: Date) -> [Int] {
        guard to > from else { return [] }
        let before = level(of: supportCase, settings: settings, at: from)
        let after = level(of: supportCase, settings: settings, at: to)
        return Set(settings.escalation.map(\.level).filter { $0 > before && $0 <= after }).sorted()
    }

    /// A level of the ladder a case reached, and when.
    public struct Rise: Equatable, Sendable {
        public var level: Int
        public var at: Date

        public init(level: Int, at: Date) {
            self.level = level
            self.at = at
        }
    }

    /// The ladder levels an open case has reached by `now` above the level stored on it, lowest
    /// first: what its history does not have yet. Each is dated when its trigger was reached
    /// (the first of the clocks that reached it), not when someone noticed, so every process
    /// that notices the same rise dates it the same way.
    public static func unrecorded(_ supportCase: SupportCase, clocks: [SLAClock], settings: Settings,
                                  now: Date) -> [Rise] {
        guard supportCase.status.isOpen else { return [] }
        let reached = level(for: supportCase, clocks: clocks, ladder: settings.escalation, now: now)
        guard reached > supportCase.escalationLevel else { return [] }
        var rises: [Rise] = []
        for step in settings.escalation.sorted(by: { $0.level < $1.level })
        where step.level > (rises.last?.level ?? supportCase.escalationLevel) && step.level <= reached {
            let moments = clocks.filter { isReached(step.trigger, by: $0) }.compactMap { clock in
                SLA.moment(clock.metric, counted: threshold(step.trigger, of: clock), of: supportCase,
                           settings: settings, now: now)
            }
            guard step.level == reached || !moments.isEmpty else { continue }
            rises.append(Rise(level: step.level, at: min(moments.min() ?? now, now)))
        }
        return rises
    }

    /// The changes that record every open case's unrecorded rises in its history: the ladder's
    /// own `CaseAction.escalate(to:)`, by nobody. What a process that notices them stores; one
    /// already recorded by another process changes nothing and is not stored again.
    public static func recordings(of cases: [SupportCase], settings: Settings, at now: Date) -> [Mutation] {
        guard !settings.escalation.isEmpty else { return [] }
        return cases.flatMap { item -> [Mutation] in
            guard item.status.isOpen else { return [] }
            let clocks = SLA.clocks(for: item, settings: settings, now: now)
            return recording(unrecorded(item, clocks: clocks, settings: settings, now: now), of: item.id)
        }
    }

    public static func recording(_ rises: [Rise], of id: String) -> [Mutation] {
        rises.map { .supportCase(.act(id: id, action: .escalate(to: $0.level), at: $0.at, actor: nil)) }
    }

    /// The business seconds a clock has counted when `trigger` is reached.
    private static func threshold(_ trigger: EscalationTrigger, of clock: SLAClock) -> TimeInterval {
        switch trigger {
        case .warning: min(clock.warnAt ?? clock.target, clock.target)
        case .breach: clock.target
        case .afterBreach(let duration): clock.target + duration
        }
    }

    public static func isReached(_ trigger: EscalationTrigger, by clock: SLAClock) -> Bool {
        guard clock.state.isLive else { return false }
        switch trigger {
        case .warning: return clock.isPastWarning
        case .breach: return clock.remaining < 0
        case .afterBreach(let duration): return clock.remaining < 0 && -clock.remaining >= duration
        }
    }

    /// Handles to notify at exactly `level`, in ladder order without repeats. Roles: `owner` is
    /// the case owner; `team-lead` the lead of the case's team (matched by team id, then name),
    /// or its members whose role is `team-lead` when the team names no lead; `head-of-support`
    /// and `senior-management` everyone with that role. Any other entry is a handle.
    public static func recipients(level: Int, case supportCase: SupportCase, people: [Person],
                                  teams: [Team], ladder: [EscalationLevel]) -> [String] {
        var result: [String] = []
        func add(_ handle: String) {
            if !result.contains(handle) { result.append(handle) }
        }
        for step in ladder where step.level == level {
            for entry in step.notify {
                switch entry {
                case "owner":
                    supportCase.owner.map(add)
                case "team-lead":
                    teamLeads(of: supportCase, people: people, teams: teams).forEach(add)
                case "head-of-support", "senior-management":
                    people.filter { $0.role == entry }.forEach { add($0.id) }
                default:
                    add(entry)
                }
            }
        }
        return result
    }

    private static func teamLeads(of supportCase: SupportCase, people: [Person], teams: [Team]) -> [String] {
        guard let name = supportCase.team else { return [] }
        let team = teams.first { $0.id == name } ?? teams.first { $0.name == name }
        if let lead = team?.lead { return [lead] }
        let keys = Set([name, team?.id, team?.name].compactMap { $0 })
        return people.filter { $0.role == "team-lead" && $0.team.map(keys.contains) ?? false }.map(\.id)
    }
}
