import Foundation

/// A change to the reminders. Every one but `put`, `delete` and `withdraw` records an event in the
/// reminder's history with its time and who made it; `add` carries the reminder's first event.
/// Changes written before reminders had a history carry no time (`at`, `stamp` nil) and
/// record nothing.
public enum ReminderChange: Equatable, Sendable {
    /// Acknowledges the occurrence `person` deals with at `at`; a repeating reminder moves
    /// them on to the next one.
    case acknowledge(id: String, person: String, at: Date)
    /// Acknowledges the occurrence due at `due` unless `person` is past it already, so a
    /// change sent twice (a retried command, two terminals) moves them on only once.
    case acknowledgeOccurrence(id: String, person: String, due: Date, at: Date)
    /// Takes an acknowledgement back (undo).
    case unacknowledge(id: String, person: String, at: Date?)
    /// `until == nil` ends a snooze.
    case snooze(id: String, person: String, until: Date?, at: Date?)
    /// Adds a new reminder. Refused when its id is taken, which means someone else added a
    /// reminder since the id was chosen.
    case add(Reminder)
    /// Adds a reminder, or replaces the one with the same id.
    case put(Reminder)
    /// Changes the given fields, in order, and keeps everything else as it is now.
    case edit(id: String, [ReminderField], ChangeStamp?)
    /// Puts back an earlier copy: every field as in the copy, the history as it is now (the
    /// copy's when the reminder was deleted since) with an `undone` event. How undo worked
    /// before `undo`; still read from older journals, no longer written, since it also put
    /// back what others changed meanwhile.
    case restore(Reminder, ChangeStamp)
    case delete(id: String)
    /// Takes one change back (an undo): puts back the fields and owners' marks it touched,
    /// refused when any of them was changed since (see `Reminder.undoing`).
    case undo(id: String, ReminderUndo, ChangeStamp)
    /// Deletes a reminder as it was added (undoing the add); refused when anyone changed it since.
    case withdraw(Reminder)

    func apply(to data: inout DataSet) throws(MutationError) {
        let calendar = data.settings.defaultCalendar
        let people = data.people.map(\.id)
        let zone = calendar.timeZone
        switch self {
        case .add(let reminder):
            try Self.add(reminder, to: &data, taken: data.reminders.contains { $0.id == reminder.id },
                         people: Set(people))
        case .put(let reminder):
            if let i = data.reminders.firstIndex(where: { $0.id == reminder.id }) {
                data.reminders[i] = reminder
            } else {
                data.reminders.append(reminder)
            }
        case .edit(let id, let fields, let stamp):
            try update(id, in: &data) { r throws(MutationError) in
                var edited = r.applying(fields)
                try edited.validate(people: people, zone: zone)
                if let stamp, let changes = Reminder.changes(from: r, to: edited, zone: zone) {
                    edited.record(.edited, stamp, detail: changes)
                }
                r = edited
            }
        case .restore(let copy, let stamp):
            var restored = copy
            let i = data.reminders.firstIndex { $0.id == copy.id }
            if let i { restored.history = data.reminders[i].history }
            restored.record(.undone, stamp)
            if let i { data.reminders[i] = restored } else { data.reminders.append(restored) }
        case .delete(let id):
            guard let i = data.reminders.firstIndex(where: { $0.id == id }) else { throw .missing("reminder", id) }
            data.reminders.remove(at: i)
        case .undo(let id, let undo, let stamp):
            guard let i = data.reminders.firstIndex(where: { $0.id == id }) else {
                throw MutationError("not undone: \(id) was deleted since")
            }
            data.reminders[i] = try data.reminders[i].undoing(undo, stamp: stamp, people: people, zone: zone)
        case .withdraw(let added):
            guard let i = data.reminders.firstIndex(where: { $0.id == added.id }) else {
                throw MutationError("not undone: \(added.id) was deleted since")
            }
            guard data.reminders[i] == added else {
                throw MutationError("not undone: " + data.reminders[i].changeSince(added: added))
            }
            data.reminders.remove(at: i)
        case .acknowledge(let id, let person, let at):
            try update(id, in: &data) { r throws(MutationError) in
                try r.requireOwner(person)
                guard let current = r.currentOccurrence(for: person, at: at, calendar: calendar) else { return }
                r.recordAcknowledgement(by: person, of: current.due, at: at, zone: zone)
            }
        case .acknowledgeOccurrence(let id, let person, let due, let at):
            try update(id, in: &data) { r throws(MutationError) in
                try r.requireOwner(person)
                if let done = r.acknowledgedDue(for: person, calendar: calendar), done >= due { return }
                r.recordAcknowledgement(by: person, of: due, at: at, zone: zone)
            }
        case .unacknowledge(let id, let person, let at):
            try update(id, in: &data) { r in
                let wasAcknowledged = r.acknowledgedBy[person] != nil
                r.acknowledgedBy[person] = nil
                r.acknowledgedOccurrence[person] = nil
                if let at, wasAcknowledged { r.record(.unacknowledged, ChangeStamp(at: at, actor: person)) }
            }
        case .snooze(let id, let person, let until, let at):
            try update(id, in: &data) { r throws(MutationError) in
                try r.requireOwner(person)
                let before = r.snoozedUntil[person]
                r.snoozedUntil[person] = until
                guard let at, before != until else { return }
                let stamp = ChangeStamp(at: at, actor: person)
                if let until {
                    r.record(.snoozed, stamp, detail: "until " + Reminder.shortTime(until, zone: zone))
                } else {
                    r.record(.unsnoozed, stamp)
                }
            }
        }
    }

    private func update(_ id: String, in data: inout DataSet,
                        _ body: (inout Reminder) throws(MutationError) -> Void) throws(MutationError) {
        guard let i = data.reminders.firstIndex(where: { $0.id == id }) else { throw .missing("reminder", id) }
        try body(&data.reminders[i])
    }
}

extension Reminder {
    fileprivate func requireOwner(_ person: String) throws(MutationError) {
        guard isOwned(by: person) else { throw MutationError("\(person) is not an owner of \(id)") }
    }

    fileprivate mutating func recordAcknowledgement(by person: String, of occurrenceDue: Date, at: Date,
                                                    zone: TimeZone) {
        acknowledgedBy[person] = at
        // A one-off reminder has one occurrence; writing it down would only repeat `due`.
        if repeatRule != nil { acknowledgedOccurrence[person] = occurrenceDue }
        snoozedUntil[person] = nil
        record(.acknowledged, ChangeStamp(at: at, actor: person),
               detail: repeatRule == nil ? nil : "occurrence due " + Reminder.shortTime(occurrenceDue, zone: zone))
    }
}
