import CRMCore
import Foundation

/// When one of the user's reminders starts reminding or comes due, it lights up for a
/// few seconds, says so in the status bar, and a notice goes out.
enum ComingDue {
    static let flashLength: TimeInterval = 5

    static func announce(since before: [String: ReminderState], _ state: inout AppState) -> [Effect] {
        guard !before.isEmpty else { return [] }
        var effects: [Effect] = []
        for entry in state.derived.reminders {
            guard let old = before[entry.reminder.id], old != entry.state else { continue }
            let kind: Notice.Kind
            switch (old, entry.state) {
            case (.upcoming, .active): kind = .reminderActive
            case (.upcoming, .due), (.active, .due), (.snoozed, .due), (.snoozed, .overdue): kind = .reminderDue
            default: continue
            }
            let r = entry.reminder
            // Across a room only what is urgent should catch the eye.
            let alerts = state.wall == nil || (kind == .reminderDue && r.priority == .high)
            if alerts { state.flashes[r.id] = state.now + flashLength }
            ReminderActions.note(&state, (kind == .reminderDue ? "Due now: " : "Reminder: ") + r.title)
            effects.append(.notify(Notice(kind: kind, id: r.id, title: r.title, recipients: r.owners, at: state.now)))
            if kind == .reminderDue, alerts, state.bellOnDue || state.wall?.bell == true { effects.append(.bell) }
        }
        return effects
    }
}
