import Foundation

/// Orders case lists by the next breach, the one ordering every queue uses (`case list`, the
/// dashboard, the wall, snapshots):
/// 1. breached cases, most overdue first (by business time past the target);
/// 2. cases whose clocks run, by the wall-clock instant the first of them breaches: time left
///    is business time, so an hour left on office hours late in the day is due after two hours
///    left on a 24×7 clock; a clock whose calendar never opens comes after every dated one;
/// 3. paused cases, least time left first: they cannot breach while they wait on the
///    customer, so they follow everything that can;
/// 4. cases without a live clock.
/// Ties go to the higher priority, then the older case, then the id.
public struct SLAUrgency: Comparable, Sendable {
    public enum Standing: Int, Sendable {
        case breached, running, paused, quiet
    }

    public var standing: Standing
    /// Breached and paused: remaining business seconds; running: the due instant in seconds
    /// since the reference date (infinity when it never comes); quiet: 0.
    public var key: Double
    public var priorityRank: Int
    public var opened: Date
    public var id: String

    public init(standing: Standing, key: Double, priorityRank: Int, opened: Date, id: String) {
        self.standing = standing
        self.key = key
        self.priorityRank = priorityRank
        self.opened = opened
        self.id = id
    }

    /// Where a case stands in the queue, from its clocks at one moment.
    public init(clocks: [SLAClock], priorityRank: Int, opened: Date, id: String) {
        var breached: Double?
        var due: Double?
        var paused: Double?
        for clock in clocks where clock.state.isLive {
            if clock.remaining < 0 {
                breached = min(breached ?? clock.remaining, clock.remaining)
            } else if clock.state == .paused {
                paused = min(paused ?? clock.remaining, clock.remaining)
            } else {
                let at = clock.due?.timeIntervalSinceReferenceDate ?? .infinity
                due = min(due ?? at, at)
            }
        }
        let (standing, key): (Standing, Double) =
            if let breached { (.breached, breached) }
            else if let due { (.running, due) }
            else if let paused { (.paused, paused) }
            else { (.quiet, 0) }
        self.init(standing: standing, key: key, priorityRank: priorityRank, opened: opened, id: id)
    }

    public static func < (a: SLAUrgency, b: SLAUrgency) -> Bool {
        if a.standing != b.standing { return a.standing.rawValue < b.standing.rawValue }
        if a.key != b.key { return a.key < b.key }
        if a.priorityRank != b.priorityRank { return a.priorityRank < b.priorityRank }
        if a.opened != b.opened { return a.opened < b.opened }
        return a.id < b.id
    }
}
