import Foundation

extension Mutation {
    /// Applies `mutations` in order and returns those that changed something (see
    /// `changesNothing`). Reminders added one after another, as an import adds them, are
    /// checked against one set of the ids and one of the people: asking the whole list for
    /// each made an import of 100,000 rows take minutes. The first refusal stops it, with
    /// those before it applied, as applying them one by one would.
    public static func apply(_ mutations: [Mutation], to data: inout DataSet) throws(MutationError) -> [Mutation] {
        var effective: [Mutation] = []
        effective.reserveCapacity(mutations.count)
        // Made at the first add of a run, kept up to date while the run lasts.
        var adding: (ids: Set<String>, people: Set<String>)?
        for mutation in mutations where !mutation.changesNothing(in: data) {
            if case .reminder(.add(let reminder)) = mutation {
                var run = adding.take() ?? (Set(data.reminders.map(\.id)), Set(data.people.map(\.id)))
                try ReminderChange.add(reminder, to: &data, taken: !run.ids.insert(reminder.id).inserted, people: run.people)
                adding = run
            } else {
                adding = nil
                try mutation.apply(to: &data)
            }
            effective.append(mutation)
        }
        return effective
    }
}

extension ReminderChange {
    /// Adds `reminder` unless its id is `taken` or it does not validate against `people`.
    static func add(_ reminder: Reminder, to data: inout DataSet, taken: Bool, people: Set<String>) throws(MutationError) {
        guard !taken else { throw MutationError("a reminder \(reminder.id) was added meanwhile; try again") }
        try reminder.validate(knownPeople: people, zone: data.settings.defaultCalendar.timeZone)
        data.reminders.append(reminder)
    }
}
