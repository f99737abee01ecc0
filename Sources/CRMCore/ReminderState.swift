import Foundation

/// Where a reminder stands for one owner at one moment.
public enum ReminderState: String, Sendable, CaseIterable, Codable {
    case upcoming, active, due, overdue, missed, snoozed, acknowledged

    /// Snoozed and acknowledged reminders sink to a dimmed section below the rest.
    public var isSettled: Bool { self == .snoozed || self == .acknowledged }

    /// Within one priority: what needs doing now comes first.
    public var urgency: Int {
        switch self {
        case .due, .overdue: 0
        case .active: 1
        case .upcoming: 2
        case .missed: 3
        case .snoozed: 4
        case .acknowledged: 5
        }
    }
}

extension Reminder {
    /// How long after the event a reminder counts as "due" rather than "overdue".
    public static let dueWindow: TimeInterval = 15 * 60

    public func state(for owner: String, at now: Date) -> ReminderState {
        if acknowledgedBy[owner] != nil { return .acknowledged }
        if let until = snoozedUntil[owner], until > now { return .snoozed }
        return timeState(at: now)
    }

    /// For a list of everyone's reminders: settled only when every owner has settled it,
    /// otherwise the state of the owners still to act.
    public func combinedState(at now: Date) -> ReminderState {
        let states = owners.map { state(for: $0, at: now) }
        if let open = states.filter({ !$0.isSettled }).min(by: { $0.urgency < $1.urgency }) { return open }
        return states.contains(.snoozed) ? .snoozed : .acknowledged
    }

    /// The state from the clock alone, ignoring acknowledgements and snoozes.
    public func timeState(at now: Date) -> ReminderState {
        if let end, now >= end { return .missed }
        if now >= due { return now < due.addingTimeInterval(Reminder.dueWindow) ? .due : .overdue }
        if now >= (start ?? due) { return .active }
        return .upcoming
    }

    public func isOwned(by person: String) -> Bool { owners.contains(person) }
}

/// The one order used on screen, by `reminder list` and by `snapshot`:
/// open before settled, then priority, then urgency of state, then due time.
public enum ReminderOrder {
    public struct Entry: Sendable, Equatable {
        public var reminder: Reminder
        public var state: ReminderState
    }

    /// `owner == nil` lists everyone's reminders with their combined state.
    public static func entries(_ reminders: [Reminder], owner: String?, at now: Date) -> [Entry] {
        var result: [Entry] = []
        result.reserveCapacity(reminders.count)
        for r in reminders {
            if let owner {
                guard r.isOwned(by: owner) else { continue }
                result.append(Entry(reminder: r, state: r.state(for: owner, at: now)))
            } else {
                result.append(Entry(reminder: r, state: r.combinedState(at: now)))
            }
        }
        result.sort(by: precedes)
        return result
    }

    public static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        if a.state.isSettled != b.state.isSettled { return !a.state.isSettled }
        if a.reminder.priority.rank != b.reminder.priority.rank {
            return a.reminder.priority.rank < b.reminder.priority.rank
        }
        if a.state.urgency != b.state.urgency { return a.state.urgency < b.state.urgency }
        if a.reminder.due != b.reminder.due { return a.reminder.due < b.reminder.due }
        return a.reminder.id < b.reminder.id
    }
}

/// Where "now" comes from. The core never reads the system clock itself.
public protocol TimeSource: Sendable {
    func now() -> Date
}

public struct SystemTime: TimeSource {
    public init() {}
    public func now() -> Date { Date() }
}

/// Starts at a pinned moment and runs on with real time (`--at` on a live screen).
public struct ShiftedTime: TimeSource {
    public let offset: TimeInterval

    public init(startingAt start: Date, realNow: Date = Date()) {
        offset = start.timeIntervalSince(realNow)
    }

    public func now() -> Date { Date().addingTimeInterval(offset) }
}
