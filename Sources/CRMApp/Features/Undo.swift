import CRMCore
import Foundation

/// A change that `u` can take back, and what to call it.
public struct UndoEntry: Equatable, Sendable {
    public var label: String
    public var step: UndoStep
}

/// How to take a change back. Each way sends a change of its own that applies to the data on
/// disk as it is then, and refuses where it would throw away what someone did since.
public enum UndoStep: Equatable, Sendable {
    /// Puts back the fields and owners' marks an acknowledgement, snooze or edit touched;
    /// `note` names the change in the reminder's history.
    case reminder(id: String, ReminderUndo, note: String)
    /// Adds a deleted reminder back.
    case addBack(Reminder)
    /// Deletes a reminder just added, unless someone changed it since.
    case withdraw(Reminder)
    /// Puts back what an action on a case changed.
    case supportCase(id: String, CaseUndo)
    /// Logs a correction that cancels a logged activity, on the same day.
    case activity(Activity)
    /// The change cannot be taken back, and why: nothing before it can be either.
    case impossible(String)
}

/// The one undo of the dashboard: whatever the pane, `u` takes back the person's last change.
enum Undo {
    static let depth = 50

    /// Applies a change and, once it is applied, remembers how to take it back; `step` reads
    /// the state after the change (nil: the change changed nothing there is to undo).
    static func change(_ state: inout AppState, _ mutations: [Mutation], label: String,
                       step: (AppState) -> UndoStep?) -> [Effect] {
        let effects = Reducer.change(&state, mutations)
        if !effects.isEmpty, let step = step(state) { record(UndoEntry(label: label, step: step), &state) }
        return effects
    }

    static func record(_ entry: UndoEntry, _ state: inout AppState) {
        if case .impossible = entry.step {
            // Nothing older can be taken back past a change that cannot be.
            state.undoStack = [entry]
            return
        }
        state.undoStack.append(entry)
        if state.undoStack.count > depth { state.undoStack.removeFirst() }
    }

    /// How to take back the change that made `before` into the reminder with its id in `state`.
    static func reminderStep(_ before: Reminder, note: String, _ state: AppState) -> UndoStep? {
        guard let after = state.data.reminders.first(where: { $0.id == before.id }) else { return nil }
        let undo = ReminderUndo(from: before, to: after, since: state.now)
        return undo.isEmpty ? nil : .reminder(id: before.id, undo, note: note)
    }

    /// Whether `u` would do something now.
    static func isAvailable(_ state: AppState) -> Bool {
        guard let last = state.undoStack.last else { return false }
        if case .impossible = last.step { return false }
        return true
    }

    /// What `u` would do now, for the help.
    static func prospect(_ state: AppState) -> String {
        guard let last = state.undoStack.last else { return "nothing to undo yet" }
        if case .impossible(let why) = last.step { return "cannot undo: " + why }
        return "would undo: " + last.label
    }

    static func perform(_ state: inout AppState) -> [Effect] {
        guard let last = state.undoStack.last else {
            ReminderActions.note(&state, "Nothing to undo")
            return []
        }
        let mutations: [Mutation]
        switch inverse(last.step, state) {
        case .failure(let refusal):
            ReminderActions.note(&state, refusal.message, error: true)
            return []
        case .success(let inverse):
            mutations = inverse
        }
        // A refusal (someone changed it since) is shown by `change`; the entry stays, so the
        // person can see why again rather than undo something older by surprise.
        let effects = Reducer.change(&state, mutations)
        guard !effects.isEmpty else { return [] }
        state.undoStack.removeLast()
        ReminderActions.note(&state, "Undone: \(last.label)")
        return effects
    }

    /// The change that takes `step` back, made now by the user.
    private static func inverse(_ step: UndoStep, _ state: AppState) -> Result<[Mutation], MutationError> {
        let stamp = { (note: String) in ChangeStamp(at: state.now, actor: state.user, note: note) }
        switch step {
        case .reminder(let id, let undo, let note):
            return .success([.reminder(.undo(id: id, undo, stamp(note)))])
        case .addBack(var copy):
            guard !state.data.reminders.contains(where: { $0.id == copy.id }) else {
                return .failure(MutationError("not undone: another reminder has the id \(copy.id) now"))
            }
            copy.record(.undone, stamp("delete"))
            return .success([.reminder(.add(copy))])
        case .withdraw(let added):
            return .success([.reminder(.withdraw(added))])
        case .supportCase(let id, let undo):
            return .success([.supportCase(.undo(id: id, undo, at: state.now, actor: state.user))])
        case .activity(let logged):
            // At the logged moment, so that it cancels the count of the day it went to.
            return .success([.logActivity(Activity(person: logged.person, kpi: logged.kpi, count: -logged.count,
                                                   at: logged.at, note: "undo"))])
        case .impossible(let why):
            return .failure(MutationError("cannot undo: " + why))
        }
    }
}
