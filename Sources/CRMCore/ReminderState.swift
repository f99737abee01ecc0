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

    // Recurrence needs the data set's default calendar: its zone keeps the clock time and
    // `weekdays` follow its working days. The default argument (UTC, open around the clock)
    // is right only for one-off reminders, which never look at it; it is there so that
    // callers written before recurrence still compile.

    /// Where `owner` stands: on the occurrence they deal with now (see `currentOccurrence`),
    /// snoozed while their snooze lasts, acknowledged once nothing is left for them.
    public func state(for owner: String, at now: Date,
                      calendar: BusinessCalendar = .aroundTheClock) -> ReminderState {
        progress(for: owner, at: now, calendar: calendar).state
    }

    /// For a list of everyone's reminders: settled only when every owner has settled it,
    /// otherwise the state of the owners still to act.
    public func combinedState(at now: Date, calendar: BusinessCalendar = .aroundTheClock) -> ReminderState {
        combinedProgress(at: now, calendar: calendar).state
    }

    /// The state from the clock alone, ignoring acknowledgements and snoozes.
    public func timeState(at now: Date, calendar: BusinessCalendar = .aroundTheClock) -> ReminderState {
        occurrence(at: now, calendar: calendar).timeState(at: now)
    }

    public func isOwned(by person: String) -> Bool { owners.contains(person) }

    /// The due time of the occurrence `owner` last acknowledged; nil when they have not.
    /// Data written by hand may give only the time of the acknowledgement; it then stands
    /// for the occurrence the clock pointed at in that moment.
    public func acknowledgedDue(for owner: String,
                                calendar: BusinessCalendar = .aroundTheClock) -> Date? {
        guard repeatRule != nil else { return acknowledgedBy[owner] == nil ? nil : due }
        if let occurrenceDue = acknowledgedOccurrence[owner] { return occurrenceDue }
        return acknowledgedBy[owner].map { occurrence(at: $0, calendar: calendar).due }
    }

    /// The occurrence `owner` deals with at `now`: the one after the occurrence they last
    /// acknowledged, unless a later one has begun reminding already. Nil once they have
    /// acknowledged the last one, as with an acknowledged one-off reminder.
    public func currentOccurrence(for owner: String, at now: Date,
                                  calendar: BusinessCalendar = .aroundTheClock) -> ReminderOccurrence? {
        let reminding = occurrence(at: now, calendar: calendar)
        guard let acknowledged = acknowledgedDue(for: owner, calendar: calendar),
              reminding.due <= acknowledged else { return reminding }
        return occurrence(after: acknowledged, calendar: calendar)
    }

    /// What acknowledging for `owner` at `now` takes: the occurrence they deal with, unless it
    /// is a repeating reminder whose acknowledged occurrence is behind them and whose next one
    /// has not begun reminding. A second press then must not skip the next occurrence unseen;
    /// it is acknowledged once it reminds, like the first.
    public func acknowledgement(for owner: String, at now: Date,
                                calendar: BusinessCalendar = .aroundTheClock) -> Acknowledgement {
        let last = acknowledgedDue(for: owner, calendar: calendar)
        guard let current = currentOccurrence(for: owner, at: now, calendar: calendar) else {
            return .already(lastDue: last, next: nil)
        }
        if repeatRule != nil, let last, current.start > now { return .already(lastDue: last, next: current) }
        return .occurrence(current)
    }

    /// The state and the occurrence to show with it: the last acknowledged one when nothing
    /// is left.
    func progress(for owner: String, at now: Date,
                  calendar: BusinessCalendar) -> (state: ReminderState, occurrence: ReminderOccurrence) {
        guard let current = currentOccurrence(for: owner, at: now, calendar: calendar) else {
            let last = acknowledgedDue(for: owner, calendar: calendar) ?? due
            return (.acknowledged, occurrence(dueAt: last))
        }
        if let until = snoozedUntil[owner], until > now { return (.snoozed, current) }
        return (current.timeState(at: now), current)
    }

    /// The most urgent owner still to act decides, and shows their occurrence.
    func combinedProgress(at now: Date,
                          calendar: BusinessCalendar) -> (state: ReminderState, occurrence: ReminderOccurrence) {
        let each = owners.map { progress(for: $0, at: now, calendar: calendar) }
        let open = each.filter { !$0.state.isSettled }
        if let first = open.min(by: { ($0.state.urgency, $0.occurrence.due) < ($1.state.urgency, $1.occurrence.due) }) {
            return first
        }
        let shown = each.map(\.occurrence).min { $0.due < $1.due } ?? occurrence(dueAt: due)
        return (each.contains { $0.state == .snoozed } ? .snoozed : .acknowledged, shown)
    }
}

public enum Acknowledgement: Equatable, Sendable {
    case occurrence(ReminderOccurrence)
    /// Nothing to acknowledge now: `lastDue` is the occurrence acknowledged (nil for a one-off
    /// acknowledged without one), `next` the one that comes, if any.
    case already(lastDue: Date?, next: ReminderOccurrence?)
}

/// The one order used on screen, by `reminder list` and by `snapshot`:
/// open before settled, then priority, then urgency of state, then due time.
public enum ReminderOrder {
    public struct Entry: Sendable, Equatable {
        public var reminder: Reminder
        public var state: ReminderState
        /// What to show as start, due and end: for a repeating reminder the occurrence the
        /// owner deals with now, which is not `reminder.due` once the first has passed.
        public var occurrence: ReminderOccurrence

        public init(reminder: Reminder, state: ReminderState, occurrence: ReminderOccurrence) {
            self.reminder = reminder
            self.state = state
            self.occurrence = occurrence
        }
    }

    /// `owner == nil` lists everyone's reminders with their combined state.
    public static func entries(_ reminders: [Reminder], owner: String?, at now: Date,
                               calendar: BusinessCalendar = .aroundTheClock) -> [Entry] {
        var result: [Entry] = []
        result.reserveCapacity(reminders.count)
        for r in reminders {
            if let owner, !r.isOwned(by: owner) { continue }
            result.append(entry(r, owner: owner, at: now, calendar: calendar))
        }
        return ordered(result)
    }

    /// `entries` in the order of `precedes`. The sort moves small keys, not entries: an entry
    /// holds a whole reminder, and moving 100,000 of them through a merge sort (a retain and
    /// a release for each of their strings, at every step) cost more than all the rest of a
    /// frame. Each entry is copied once, into its place.
    public static func ordered(_ entries: [Entry]) -> [Entry] {
        var keys = entries.indices.map { SortKey(entries[$0], at: $0) }
        entries.withUnsafeBufferPointer { all in
            keys.sort { a, b in
                if a.head != b.head { return a.head < b.head }
                if a.due != b.due { return a.due < b.due }
                return all[a.index].reminder.id < all[b.index].reminder.id
            }
        }
        return keys.map { entries[$0.index] }
    }

    /// What `precedes` compares, but the id: settled, priority and urgency packed into one
    /// number, and the due time.
    private struct SortKey {
        var head: Int
        var due: Date
        var index: Int

        init(_ e: Entry, at index: Int) {
            head = (e.state.isSettled ? 1 : 0) << 16 | e.reminder.priority.rank << 8 | e.state.urgency
            due = e.occurrence.due
            self.index = index
        }
    }

    /// One reminder as `entries` would list it.
    public static func entry(_ r: Reminder, owner: String?, at now: Date,
                             calendar: BusinessCalendar = .aroundTheClock) -> Entry {
        let (state, occurrence) = owner.map { r.progress(for: $0, at: now, calendar: calendar) }
            ?? r.combinedProgress(at: now, calendar: calendar)
        return Entry(reminder: r, state: state, occurrence: occurrence)
    }

    public static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        if a.state.isSettled != b.state.isSettled { return !a.state.isSettled }
        if a.reminder.priority.rank != b.reminder.priority.rank {
            return a.reminder.priority.rank < b.reminder.priority.rank
        }
        if a.state.urgency != b.state.urgency { return a.state.urgency < b.state.urgency }
        if a.occurrence.due != b.occurrence.due { return a.occurrence.due < b.occurrence.due }
        return a.reminder.id < b.reminder.id
    }
}
