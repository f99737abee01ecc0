import Foundation

/// One demo case written in minutes of its SLA clock before `now` (open hours for calendar
/// policies, wall time for 24×7 ones), from which dates, history and escalation follow.
struct DemoCaseSpec {
    var title: String
    var customer: String
    var kind: CaseKind = .standard
    var priority: CasePriority
    var status: CaseStatus
    var owner: String?
    var influencer: String?
    var via: String
    var opened: Int
    var responded: Int?
    /// (start, end) minutes ago; a nil end is a pause still running.
    var pauses: [(Int, Int?)] = []
    var pauseReason: String?
    var resolved: Int?
    var closed: Int?
}

extension DemoData {
    static func supportCase(_ id: String, _ s: DemoCaseSpec, _ c: DemoClock) -> SupportCase {
        let policy = policy(for: s.kind, s.priority)
        let business = policy?.calendar != nil
        func at(_ ago: Int) -> Date { c.ago(ago, businessHours: business) }

        // Each metric escalates on its own; the case carries the highest level any reached.
        let ladder = settings(calendar: c.calendar).escalation
        var crossings: [Int: Int] = [:]  // level → minutes ago it was first reached
        let metrics: [(TimeInterval?, Int?)] = [
            (policy?.firstResponse, s.responded), (policy?.resolution, s.resolved),
        ]
        for case let (target?, stop) in metrics {
            let elapsed = clockMinutes(s, until: stop ?? 0)
            for (level, threshold) in thresholds(ladder, target: target,
                                                 warn: policy?.warnAtFraction)
            where elapsed >= threshold {
                let reached = ago(ofElapsed: threshold, s)
                crossings[level] = max(crossings[level] ?? reached, reached)
            }
        }
        var events: [(Int, HistoryEvent)] = [(s.opened, HistoryEvent(
            at: at(s.opened), action: "opened", detail: "via \(s.via)"))]
        // The Support lead triages the queue; cases she owns herself she simply picked up.
        if let owner = s.owner, owner != "priya" {
            let ago = s.opened - min(5, s.opened / 2)
            events.append((ago, HistoryEvent(at: at(ago), actor: "priya", action: "assigned",
                                          detail: owner)))
        }
        if let r = s.responded {
            events.append((r, HistoryEvent(at: at(r), actor: s.owner, action: "responded")))
        }
        for (start, end) in s.pauses {
            events.append((start, HistoryEvent(at: at(start), actor: s.owner, action: "paused",
                                            detail: s.pauseReason)))
            if let end {
                events.append((end, HistoryEvent(at: at(end), action: "resumed",
                                              detail: "customer replied")))
            }
        }
        for (level, ago) in crossings.sorted(by: { $0.key < $1.key }) {
            let notify = ladder.first { $0.level == level }?.notify.joined(separator: ", ")
            events.append((ago, HistoryEvent(at: at(ago), action: "escalated",
                                          detail: "level \(level): \(notify ?? "")")))
        }
        if let r = s.resolved {
            events.append((r, HistoryEvent(at: at(r), actor: s.owner, action: "resolved")))
        }
        if let closed = s.closed {
            events.append((closed, HistoryEvent(at: at(closed), actor: s.owner, action: "closed")))
        }
        // Oldest first; at equal times the order written above (opened before escalated) holds.
        let history = events.enumerated()
            .sorted { ($1.element.0, $0.offset) < ($0.element.0, $1.offset) }
            .map(\.element.1)

        return SupportCase(
            id: id, title: s.title, customer: s.customer, kind: s.kind, priority: s.priority,
            status: s.status, owner: s.owner, team: "support", influencer: s.influencer,
            opened: at(s.opened), firstResponseAt: s.responded.map(at),
            resolvedAt: s.resolved.map(at),
            pauses: s.pauses.map { Pause(start: at($0.0), end: $0.1.map(at)) },
            escalationLevel: crossings.keys.max() ?? 0, history: history)
    }

    /// Clock minutes at which each ladder level is reached for one metric.
    private static func thresholds(_ ladder: [EscalationLevel], target: TimeInterval,
                                   warn: Double?) -> [(Int, Int)] {
        let t = Int(target / 60)
        return ladder.compactMap { step in
            switch step.trigger {
            case .warning: warn.map { (step.level, Int((Double(t) * $0).rounded(.up))) }
            case .breach: (step.level, t)
            case .afterBreach(let after): (step.level, t + Int(after / 60))
            }
        }
    }

    /// Minutes the clock ran between opening and `stop` minutes ago, pauses left out.
    private static func clockMinutes(_ s: DemoCaseSpec, until stop: Int) -> Int {
        let paused = s.pauses.reduce(0) { sum, pause in
            let overlap = min(pause.0, s.opened) - max(pause.1 ?? 0, stop)
            return sum + max(0, overlap)
        }
        return s.opened - stop - paused
    }

    /// Minutes ago at which the clock had run `elapsed` minutes.
    private static func ago(ofElapsed elapsed: Int, _ s: DemoCaseSpec) -> Int {
        var left = elapsed
        var from = s.opened
        for (start, end) in s.pauses.sorted(by: { $0.0 > $1.0 }) {
            if left <= from - start { return from - left }
            left -= from - start
            from = end ?? 0
        }
        return from - left
    }
}
