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
    case contest(ContestChange)

    /// Whether applying it to `data` would change nothing, so that storing it would only
    /// lengthen the journal: a rise another process already recorded.
    public func changesNothing(in data: DataSet) -> Bool {
        if case .supportCase(let change) = self { return change.changesNothing(in: data) }
        return false
    }

    /// Applies the change; refuses (and changes nothing) when what it names is gone.
    public func apply(to data: inout DataSet) throws(MutationError) {
        switch self {
        case .reminder(let change):
            try change.apply(to: &data)
            if case .delete(let id) = change { data.retireReminderID(id) }
        case .supportCase(let change): try change.apply(to: &data)
        case .directory(let change): try change.apply(to: &data)
        case .logActivity(let activity): data.activities.append(activity)
        case .settings(let settings): data.settings = settings
        case .contest(let change): try change.apply(to: &data)
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

    static func taken(_ what: String, _ id: String) -> MutationError {
        MutationError("\(what) \(id) already exists; try again")
    }
}
