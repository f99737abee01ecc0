import Foundation

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
