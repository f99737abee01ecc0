import Foundation

public enum SLAState: String, Sendable, CaseIterable, Codable {
    case running, paused, warning, breached, met, missed

    /// Still counting or waiting to count again: not yet met or missed.
    public var isLive: Bool {
        switch self {
        case .running, .paused, .warning, .breached: true
        case .met, .missed: false
        }
    }
}

/// One SLA metric of one case, as of a given moment.
public struct SLAClock: Equatable, Sendable {
    public var metric: SLAMetric
    /// Business seconds allowed.
    public var target: TimeInterval
    /// Business seconds counted so far, pauses excluded.
    public var elapsed: TimeInterval
    /// `target - elapsed`; negative once breached.
    public var remaining: TimeInterval
    /// The wall-clock instant at which the clock breaches (or breached) if nothing changes; while
    /// paused, as if it resumed now. nil once met or missed, or when the calendar never opens.
    public var due: Date?
    public var state: SLAState
    /// The calendar counted in; nil for calendar time.
    public var calendarName: String?
    /// Elapsed business seconds at which the warning starts; nil when the policy sets none.
    public var warnAt: TimeInterval?

    public init(metric: SLAMetric, target: TimeInterval, elapsed: TimeInterval,
                remaining: TimeInterval, due: Date?, state: SLAState, calendarName: String?,
                warnAt: TimeInterval? = nil) {
        self.metric = metric
        self.target = target
        self.elapsed = elapsed
        self.remaining = remaining
        self.due = due
        self.state = state
        self.calendarName = calendarName
        self.warnAt = warnAt
    }

    /// Whether the warning threshold has been passed, whatever the state shows.
    public var isPastWarning: Bool {
        remaining < 0 || warnAt.map { elapsed >= $0 } ?? false
    }
}

/// SLA clocks, urgency and policy lookup. The rules:
/// - A clock counts business time from `opened` (closed time counts nothing, so a case opened on
///   Friday evening starts counting at the next opening) until it stops: first response at the
///   earlier of `firstResponseAt` and `resolvedAt` (resolving answers the customer too),
///   resolution at `resolvedAt`. A stop later than `now` has not happened yet.
/// - Pauses are subtracted from both metrics, only for the open time inside them; overlapping
///   pauses count once; an open pause (or one ending after `now`) pauses the clock now.
/// - State precedence: met/missed once stopped (met when elapsed ≤ target); otherwise breached
///   (remaining < 0), then paused, then warning, then running. A paused clock past its warning
///   threshold shows `paused`; `isPastWarning` still tells.
/// - Warning: elapsed ≥ warnAtFraction × target; `warnBefore` applies only when the fraction is
///   nil. A policy with neither never warns.
/// - A policy naming a calendar that does not exist counts calendar time, so clocks warn early
///   rather than late; `calendarName` is then nil.
/// - Next response counts from the customer's latest message, when that came at or after the
///   first response (before it, the first response answers it), until the next response or
///   resolution after it. With no such message there is no next-response clock.
public enum SLA {
    /// The policy for the case's priority: one for its kind wins over one for any kind.
    public static func policy(for supportCase: SupportCase, in settings: Settings) -> SLAPolicy? {
        let matching = settings.slaPolicies.filter { $0.priority == supportCase.priority }
        return matching.first { $0.kind == supportCase.kind } ?? matching.first { $0.kind == nil }
    }

    /// The business time a policy counts in.
    public static func businessTime(for policy: SLAPolicy, in settings: Settings) -> BusinessTime {
        guard let name = policy.calendar, let calendar = settings.calendar(named: name) else {
            return .calendarTime
        }
        return BusinessTime(calendar)
    }

    /// First response, next response, then resolution, each when the policy sets a target; none without a policy.
    public static func clocks(for supportCase: SupportCase, settings: Settings, now: Date) -> [SLAClock] {
        guard let policy = policy(for: supportCase, in: settings) else { return [] }
        return clocks(for: supportCase, policy: policy,
                      time: businessTime(for: policy, in: settings), now: now)
    }

    /// As `clocks(for:settings:now:)` with the policy and its business time already looked up,
    /// for callers that evaluate many cases against the same settings.
    public static func clocks(for supportCase: SupportCase, policy: SLAPolicy, time: BusinessTime,
                              now: Date) -> [SLAClock] {
        SLAMetric.allCases.compactMap { metric in
            guard let target = target(of: metric, in: policy), let span = span(of: metric, supportCase) else { return nil }
            return clock(metric, target: target, start: span.start, stop: span.stop,
                         supportCase: supportCase, policy: policy, time: time, now: now)
        }
    }

    /// The wall-clock moment at which the case's `metric` clock had counted `seconds`, along
    /// what happened up to `now` (pauses left out); nil when it had not counted that much by then.
    /// When a clock crossed a threshold, such as its warning or a time past its breach.
    public static func moment(_ metric: SLAMetric, counted seconds: TimeInterval, of supportCase: SupportCase,
                              settings: Settings, now: Date) -> Date? {
        guard let policy = policy(for: supportCase, in: settings), let span = span(of: metric, supportCase) else {
            return nil
        }
        let stopped = span.stop.map { $0 <= now } ?? false
        let end = stopped ? max(span.stop ?? now, span.start) : now
        let active = activeIntervals(from: span.start, to: end, pauses: supportCase.pauses, now: now)
        return instant(counting: seconds, active: active, time: businessTime(for: policy, in: settings))
    }

    private static func target(of metric: SLAMetric, in policy: SLAPolicy) -> TimeInterval? {
        switch metric {
        case .firstResponse: policy.firstResponse
        case .nextResponse: policy.nextResponse
        case .resolution: policy.resolution
        }
    }

    /// When a metric's clock starts and stops (nil: not yet), by the rules above; nil when the
    /// case has no such clock.
    private static func span(of metric: SLAMetric, _ c: SupportCase) -> (start: Date, stop: Date?)? {
        switch metric {
        case .firstResponse:
            return (c.opened, [c.firstResponseAt, c.resolvedAt].compactMap { $0 }.min())
        case .nextResponse:
            guard let message = c.lastCustomerMessageAt, let first = c.firstResponseAt, message >= first else { return nil }
            return (message, [c.lastResponseAt, c.resolvedAt].compactMap { $0 }.filter { $0 >= message }.min())
        case .resolution:
            return (c.opened, c.resolvedAt)
        }
    }

    /// The live clock with the least time left.
    public static func mostUrgent(_ clocks: [SLAClock]) -> SLAClock? {
        var best: SLAClock?
        for clock in clocks where clock.state.isLive {
            if best.map({ clock.remaining < $0.remaining }) ?? true { best = clock }
        }
        return best
    }

    /// The sort key for case lists, the next breach first: see `SLAUrgency`.
    public static func urgency(of supportCase: SupportCase, clocks: [SLAClock]) -> SLAUrgency {
        SLAUrgency(clocks: clocks, priorityRank: supportCase.priority.rank, opened: supportCase.opened,
                   id: supportCase.id)
    }

    /// `true` when `a` sorts before `b`.
    public static func urgencyOrder(_ a: (SupportCase, [SLAClock]), _ b: (SupportCase, [SLAClock])) -> Bool {
        urgency(of: a.0, clocks: a.1) < urgency(of: b.0, clocks: b.1)
    }

    // MARK: One clock

    private static func clock(_ metric: SLAMetric, target: TimeInterval, start: Date, stop: Date?,
                              supportCase: SupportCase, policy: SLAPolicy, time: BusinessTime,
                              now: Date) -> SLAClock {
        let stopped = stop.map { $0 <= now } ?? false
        let end = stopped ? max(stop ?? now, start) : now
        let active = activeIntervals(from: start, to: end, pauses: supportCase.pauses, now: now)
        let elapsed = active.reduce(0) { $0 + time.businessSeconds(from: $1.start, to: $1.end) }
        let remaining = target - elapsed
        let warnAt = policy.warnAtFraction.map { max($0 * target, 0) }
            ?? policy.warnBefore.map { max(target - $0, 0) }
        let paused = !stopped && supportCase.pauses.contains {
            $0.start <= now && ($0.end.map { $0 > now } ?? true)
        }

        let state: SLAState
        if stopped {
            state = remaining >= 0 ? .met : .missed
        } else if remaining < 0 {
            state = .breached
        } else if paused {
            state = .paused
        } else if let warnAt, elapsed >= warnAt {
            state = .warning
        } else {
            state = .running
        }

        var due: Date?
        if !stopped {
            due = remaining > 0
                ? time.adding(businessSeconds: remaining, to: max(now, start))
                : instant(counting: target, active: active, time: time) ?? active.last?.end
                    ?? time.nextOpen(after: max(now, start))
            if due == .distantFuture { due = nil }
        }
        return SLAClock(metric: metric, target: target, elapsed: elapsed, remaining: remaining,
                        due: due, state: state, calendarName: time.calendarName, warnAt: warnAt)
    }

    /// `[from, to]` without the pauses, which are clipped to it and may overlap each other.
    private static func activeIntervals(from start: Date, to end: Date, pauses: [Pause],
                                        now: Date) -> [(start: Date, end: Date)] {
        guard end > start else { return [] }
        let gaps = pauses
            .map { (start: max($0.start, start), end: min($0.end ?? now, now, end)) }
            .filter { $0.end > $0.start }
            .sorted { $0.start < $1.start }
        var result: [(start: Date, end: Date)] = []
        var cursor = start
        for gap in gaps {
            if gap.start > cursor { result.append((cursor, gap.start)) }
            cursor = max(cursor, gap.end)
        }
        if end > cursor { result.append((cursor, end)) }
        return result
    }

    /// When the counted time reached `seconds` along what actually happened; nil if it did not.
    private static func instant(counting seconds: TimeInterval, active: [(start: Date, end: Date)],
                                time: BusinessTime) -> Date? {
        var counted = 0.0
        for interval in active {
            let span = time.businessSeconds(from: interval.start, to: interval.end)
            if counted + span >= seconds {
                return time.adding(businessSeconds: seconds - counted, to: interval.start)
            }
            counted += span
        }
        return nil
    }
}
