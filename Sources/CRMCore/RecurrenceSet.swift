import Foundation

/// A repeating item's whole recurrence as RFC 5545 defines it (§3.8.5): the union of its
/// rules' occurrences and its extra dates (`RDATE`), less its exceptions (`EXDATE`), with
/// single occurrences moved (`RECURRENCE-ID`). The first occurrence is the item's own time.
public struct RecurrenceSet: Equatable, Sendable {
    public var rules: [RecurrenceRule]
    public var dates: [Date]
    public var exceptions: [Date]
    public var overrides: [OccurrenceOverride]

    public init(rules: [RecurrenceRule] = [], dates: [Date] = [], exceptions: [Date] = [],
                overrides: [OccurrenceOverride] = []) {
        self.rules = rules
        self.dates = dates
        self.exceptions = exceptions
        self.overrides = overrides
    }

    public init(_ rule: RecurrenceRule) { self.init(rules: [rule]) }
}

/// One occurrence of a series moved (or retitled): the one originally at `original` is at
/// `due` instead. With `thisAndFuture` (`RANGE=THISANDFUTURE`) every later one moves by the
/// same amount too.
public struct OccurrenceOverride: Equatable, Sendable {
    public var original: Date
    public var due: Date
    public var title: String?
    public var thisAndFuture: Bool

    public init(original: Date, due: Date, title: String? = nil, thisAndFuture: Bool = false) {
        self.original = original
        self.due = due
        self.title = title
        self.thisAndFuture = thisAndFuture
    }

    var shift: TimeInterval { due.timeIntervalSince(original) }
}

/// The occurrences of a `RecurrenceSet` for a series whose first occurrence is `start`, on
/// the clock of `zone`. `keep` drops occurrences on days the item does not fall on (the
/// `weekdays` shorthand's days off).
public struct SeriesExpansion: Sendable {
    let set: RecurrenceSet
    let start: Date
    let zone: TimeZone
    let keep: @Sendable (Date) -> Bool
    private let rules: [RuleExpansion]
    /// The overrides that move every later occurrence, earliest first.
    private let ranges: [OccurrenceOverride]
    private let moved: Set<Date>
    private let cancelled: Set<Date>

    /// Occurrences skipped (exceptions, days off) before giving up: ten years of days.
    private static let skipLimit = 3_660

    public init(set: RecurrenceSet, start: Date, zone: TimeZone, keep: @escaping @Sendable (Date) -> Bool = { _ in true }) {
        self.set = set
        self.start = start
        self.zone = zone
        self.keep = keep
        rules = set.rules.map { RuleExpansion(rule: $0, start: start, zone: zone) }
        ranges = set.overrides.filter(\.thisAndFuture).sorted { $0.original < $1.original }
        moved = Set(set.overrides.filter { !$0.thisAndFuture }.map(\.original))
        cancelled = Set(set.exceptions)
    }

    // MARK: - Before moves

    /// The first occurrence as the rules and dates give it, after `instant`.
    private func baseFirst(after instant: Date) -> Date? {
        var t = instant
        for _ in 0..<Self.skipLimit {
            var best = start > t ? start : nil
            for rule in rules { if let d = rule.first(after: t), best.map({ d < $0 }) ?? true { best = d } }
            for d in set.dates where d > t && best.map({ d < $0 }) ?? true { best = d }
            guard let found = best else { return nil }
            if !cancelled.contains(found) && (found == start || keep(found)) && !moved.contains(found) { return found }
            t = found
        }
        return nil
    }

    private func baseLast(atOrBefore instant: Date) -> Date? {
        var t = instant
        for _ in 0..<Self.skipLimit {
            var best = start <= t ? start : nil
            for rule in rules { if let d = rule.last(atOrBefore: t), best.map({ d > $0 }) ?? true { best = d } }
            for d in set.dates where d <= t && best.map({ d > $0 }) ?? true { best = d }
            guard let found = best else { return nil }
            if !cancelled.contains(found) && (found == start || keep(found)) && !moved.contains(found) { return found }
            t = found.addingTimeInterval(-0.001)
        }
        return nil
    }

    // MARK: - After moves

    /// The stretches of original times that one shift applies to: before the first
    /// this-and-future override none, then each one's until the next.
    private var segments: [(from: Date?, to: Date?, shift: TimeInterval)] {
        var out: [(Date?, Date?, TimeInterval)] = [(nil, ranges.first?.original, 0)]
        for (n, r) in ranges.enumerated() {
            out.append((r.original, n + 1 < ranges.count ? ranges[n + 1].original : nil, r.shift))
        }
        return out
    }

    /// The first occurrence after `instant`, with every move applied.
    public func first(after instant: Date) -> Date? {
        var best: Date?
        func consider(_ d: Date) { if d > instant && best.map({ d < $0 }) ?? true { best = d } }
        for s in segments {
            var from = instant.addingTimeInterval(-s.shift)
            if let lower = s.from, from < lower { from = lower.addingTimeInterval(-0.001) }
            if let d = baseFirst(after: from), s.to.map({ d < $0 }) ?? true { consider(d.addingTimeInterval(s.shift)) }
        }
        for o in set.overrides where !o.thisAndFuture && !cancelled.contains(o.original) { consider(o.due) }
        return best
    }

    /// The last occurrence at or before `instant`, with every move applied.
    public func last(atOrBefore instant: Date) -> Date? {
        var best: Date?
        func consider(_ d: Date) { if d <= instant && best.map({ d > $0 }) ?? true { best = d } }
        for s in segments {
            var until = instant.addingTimeInterval(-s.shift)
            if let upper = s.to, until >= upper { until = upper.addingTimeInterval(-0.001) }
            if let d = baseLast(atOrBefore: until), s.from.map({ d >= $0 }) ?? true { consider(d.addingTimeInterval(s.shift)) }
        }
        for o in set.overrides where !o.thisAndFuture && !cancelled.contains(o.original) { consider(o.due) }
        return best
    }

    /// Every occurrence in `from..<to`, in order (at most `limit`).
    public func occurrences(from: Date, to: Date, limit: Int = 10_000) -> [Date] {
        var out: [Date] = []
        var t = from.addingTimeInterval(-0.001)
        while out.count < limit, let next = first(after: t), next < to {
            out.append(next)
            t = next
        }
        return out
    }

    /// The override that moved the occurrence now at `due`, if one did.
    public func override(at due: Date) -> OccurrenceOverride? {
        set.overrides.first { !$0.thisAndFuture && $0.due == due }
    }
}
