import CRMCore
import Foundation

/// What the reminders pane's keys do.
enum ReminderActions {
    static func selected(_ state: AppState) -> Reminder? {
        guard state.focus == .reminders, let id = state.selection[.reminders] else { return nil }
        return state.data.reminders.first { $0.id == id }
    }

    static func note(_ state: inout AppState, _ text: String, error: Bool = false) {
        state.message = StatusMessage(text: text, isError: error,
                                      expires: state.now.addingTimeInterval(Reducer.noteLifetime))
    }

    static func acknowledge(_ state: inout AppState) -> [Effect] {
        guard let r = selected(state) else { return [] }
        let user = state.user
        guard r.isOwned(by: user) else {
            note(&state, "\(r.id) is not yours to acknowledge")
            return []
        }
        let calendar = state.data.settings.defaultCalendar
        guard case .occurrence(let current) = r.acknowledgement(for: user, at: state.now, calendar: calendar) else {
            note(&state, "Already acknowledged: \(r.title)")
            return []
        }
        let effects = Undo.change(&state, [.reminder(.acknowledgeOccurrence(id: r.id, person: user, due: current.due,
                                                                             at: state.now))],
                                  label: "acknowledge \(r.title)") { Undo.reminderStep(r, note: "acknowledgement", $0) }
        if !effects.isEmpty { note(&state, "Acknowledged: \(r.title)") }
        return effects
    }

    static func openSnoozeMenu(_ state: inout AppState) -> [Effect] {
        guard let r = selected(state) else { return [] }
        guard r.isOwned(by: state.user) else {
            note(&state, "\(r.id) is not yours to snooze")
            return []
        }
        state.modal = .menu(Menu(title: "Snooze “\(r.title)” until",
                                 labels: ["10 minutes", "1 hour", "next working morning", "a time I choose…"],
                                 purpose: .snooze(reminderID: r.id), bindings: state.keyBindings))
        return []
    }

    static func snoozeChoice(_ index: Int, id: String, _ state: inout AppState) -> [Effect] {
        state.modal = nil
        switch index {
        case 0: return snooze(id, until: state.now + 600, &state)
        case 1: return snooze(id, until: state.now + 3600, &state)
        case 2: return snooze(id, until: nextWorkingMorning(state), &state)
        default:
            state.modal = .form(Form(title: "Snooze until", fields: [
                Form.Field("Until", hint: "14:30, tomorrow 9:00, +2h or 2026-11-24 09:00"),
            ], purpose: .snoozeUntil(reminderID: id)))
            return []
        }
    }

    /// Snoozing never touches priority or due: only this owner's snooze time.
    static func snooze(_ id: String, until: Date, _ state: inout AppState) -> [Effect] {
        guard let r = state.data.reminders.first(where: { $0.id == id }) else { return [] }
        let effects = Undo.change(&state, [.reminder(.snooze(id: id, person: state.user, until: until, at: state.now))],
                                  label: "snooze \(r.title)") { Undo.reminderStep(r, note: "snooze", $0) }
        if !effects.isEmpty {
            note(&state, "Snoozed until \(Format.moment(until, zone: state.zone)): \(r.title)")
        }
        return effects
    }

    /// The start of the first working day after today, in the default calendar.
    static func nextWorkingMorning(_ state: AppState) -> Date {
        let calendar = state.data.settings.defaultCalendar
        let today = TimeText.wallClock(state.now, zone: state.zone).day
        let tomorrow = TimeText.date(today, minute: 12 * 60, zone: state.zone) + 86_400
        let tomorrowDay = TimeText.wallClock(tomorrow, zone: state.zone).day
        let midnight = TimeText.date(tomorrowDay, minute: 0, zone: state.zone)
        if calendar.hours.isEmpty { return TimeText.date(tomorrowDay, minute: 9 * 60, zone: state.zone) }
        return calendar.nextOpen(after: midnight)
    }

    static func confirmDelete(_ state: inout AppState) -> [Effect] {
        guard let r = selected(state) else { return [] }
        state.modal = .confirm(Confirm(question: "Delete “\(r.title)” for all its owners?",
                                       purpose: .deleteReminder(id: r.id)))
        return []
    }

    static func delete(_ id: String, _ state: inout AppState) -> [Effect] {
        state.modal = nil
        guard let r = state.data.reminders.first(where: { $0.id == id }) else { return [] }
        let effects = Undo.change(&state, [.reminder(.delete(id: id))], label: "delete \(r.title)") { _ in .addBack(r) }
        if !effects.isEmpty { note(&state, "Deleted: \(r.title) (u undoes)") }
        return effects
    }

    static func openLink(_ state: inout AppState) -> [Effect] {
        guard let r = selected(state) else { return [] }
        guard let link = r.link else {
            note(&state, "\(r.title) has no link")
            return []
        }
        return [.openLink(link)]
    }

    static func toggleEveryone(_ state: inout AppState) {
        state.everyone.toggle()
        state.refresh()
        note(&state, state.everyone ? "Showing everyone's reminders" : "Showing your reminders")
    }
}
