import Foundation

/// One change to the data, small enough to apply to whatever is on disk now.
/// Processes sharing a data directory send changes, not whole copies, so two people
/// acknowledging different reminders at once never undo each other.
public enum Mutation: Equatable, Sendable {
    case reminder(ReminderChange)
    case supportCase(CaseChange)
    case directory(DirectoryChange)
    case logActivity(Activity)
    case settings(Settings)

    /// Applies the change; refuses (and changes nothing) when what it names is gone.
    public func apply(to data: inout DataSet) throws(MutationError) {
        switch self {
        case .reminder(let change): try change.apply(to: &data)
        case .supportCase(let change): try change.apply(to: &data)
        case .directory(let change): change.apply(to: &data)
        case .logActivity(let activity): data.activities.append(activity)
        case .settings(let settings): data.settings = settings
        }
    }
}

public struct MutationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    static func missing(_ what: String, _ id: String) -> MutationError {
        MutationError("no \(what) with id \(id)")
    }
}

public enum ReminderChange: Equatable, Sendable {
    case acknowledge(id: String, person: String, at: Date)
    /// Takes an acknowledgement back (undo).
    case unacknowledge(id: String, person: String)
    /// `until == nil` ends a snooze.
    case snooze(id: String, person: String, until: Date?)
    /// Adds a reminder, or replaces the one with the same id.
    case put(Reminder)
    case delete(id: String)

    func apply(to data: inout DataSet) throws(MutationError) {
        switch self {
        case .put(let reminder):
            if let i = data.reminders.firstIndex(where: { $0.id == reminder.id }) {
                data.reminders[i] = reminder
            } else {
                data.reminders.append(reminder)
            }
        case .delete(let id):
            guard let i = data.reminders.firstIndex(where: { $0.id == id }) else { throw .missing("reminder", id) }
            data.reminders.remove(at: i)
        case .acknowledge(let id, let person, let at):
            try update(id, in: &data) { r throws(MutationError) in
                guard r.isOwned(by: person) else { throw MutationError("\(person) is not an owner of \(id)") }
                r.acknowledgedBy[person] = at
                r.snoozedUntil[person] = nil
            }
        case .unacknowledge(let id, let person):
            try update(id, in: &data) { r in r.acknowledgedBy[person] = nil }
        case .snooze(let id, let person, let until):
            try update(id, in: &data) { r throws(MutationError) in
                guard r.isOwned(by: person) else { throw MutationError("\(person) is not an owner of \(id)") }
                r.snoozedUntil[person] = until
            }
        }
    }

    private func update(_ id: String, in data: inout DataSet,
                        _ body: (inout Reminder) throws(MutationError) -> Void) throws(MutationError) {
        guard let i = data.reminders.firstIndex(where: { $0.id == id }) else { throw .missing("reminder", id) }
        try body(&data.reminders[i])
    }
}

public enum CaseChange: Equatable, Sendable {
    /// Adds a case, or replaces the one with the same id.
    case put(SupportCase)
    case putInfluencer(Influencer)

    func apply(to data: inout DataSet) throws(MutationError) {
        switch self {
        case .put(let item):
            if let i = data.cases.firstIndex(where: { $0.id == item.id }) {
                data.cases[i] = item
            } else {
                data.cases.append(item)
            }
        case .putInfluencer(let influencer):
            if let i = data.influencers.firstIndex(where: { $0.id == influencer.id }) {
                data.influencers[i] = influencer
            } else {
                data.influencers.append(influencer)
            }
        }
    }
}

/// People, teams and KPIs: the organisation the data refers to.
public enum DirectoryChange: Equatable, Sendable {
    case putPerson(Person)
    case putTeam(Team)
    case putKPI(KPI)

    func apply(to data: inout DataSet) {
        switch self {
        case .putPerson(let p): upsert(p, into: &data.people)
        case .putTeam(let t): upsert(t, into: &data.teams)
        case .putKPI(let k): upsert(k, into: &data.kpis)
        }
    }
}

func upsert<T: Identifiable>(_ item: T, into list: inout [T]) {
    if let i = list.firstIndex(where: { $0.id == item.id }) {
        list[i] = item
    } else {
        list.append(item)
    }
}
