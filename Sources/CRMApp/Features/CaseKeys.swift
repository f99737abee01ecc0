import CRMCore
import Foundation

/// What the cases pane's keys do. Every action is recorded in the case's history as
/// the user's, at the current moment.
enum CaseKeys {
    static func selected(_ state: AppState) -> SupportCase? {
        guard state.focus == .cases, let id = state.selection[.cases] else { return nil }
        return state.data.cases.first { $0.id == id }
    }

    static func act(_ action: CaseAction, on id: String, _ state: inout AppState) -> [Effect] {
        guard let item = state.data.cases.first(where: { $0.id == id }) else { return [] }
        let effects = Undo.change(&state, [.supportCase(.act(id: id, action: action, at: state.now, actor: state.user))],
                                  label: label(action, item)) { after in undoStep(action, before: item, after) }
        if !effects.isEmpty {
            ReminderActions.note(&state, "\(item.id) \(action.name): \(item.title)")
        }
        return effects
    }

    /// What `u` says it took back: "resolve C-2025".
    static func label(_ action: CaseAction, _ item: SupportCase) -> String {
        switch action {
        case .respond: "respond to \(item.id)"
        case .pause: "pause \(item.id)"
        case .resume: "resume \(item.id)"
        case .resolve: "resolve \(item.id)"
        case .reopen: "reopen \(item.id)"
        case .close: "close \(item.id)"
        case .assign(let owner): "assign \(item.id) to \(owner)"
        case .escalate: "escalate \(item.id)"
        }
    }

    /// What takes an action back. A response went to the customer and an escalation to the
    /// people on the ladder: neither can be called back, so the record of it stays.
    static func undoStep(_ action: CaseAction, before: SupportCase, _ state: AppState) -> UndoStep? {
        switch action {
        case .respond: return .impossible("the response to \(before.id) was already sent")
        case .escalate: return .impossible("the escalation of \(before.id) was already announced")
        case .close: return .impossible("\(before.id) is closed, and a closed case stays closed")
        case .pause, .resume, .resolve, .reopen, .assign:
            guard let after = state.data.cases.first(where: { $0.id == before.id }) else { return nil }
            return .supportCase(id: before.id, CaseUndo(from: before, to: after, undoing: action, since: state.now))
        }
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        if command == .cycleScope || command == .cycleKind {
            cycleFilters(command, &state)
            return []
        }
        guard let item = selected(state) else { return [] }
        switch command {
        case .respond: return act(.respond, on: item.id, &state)
        case .pauseResume: return act(item.isPaused ? .resume : .pause, on: item.id, &state)
        case .escalate: return act(.escalate(), on: item.id, &state)
        case .resolve:
            state.modal = .confirm(Confirm(question: "Resolve \(item.id) “\(item.title)”?",
                                           purpose: .resolveCase(id: item.id)))
        case .assign:
            var form = Form(title: "Assign \(item.id)", fields: [
                Form.Field("Owner", item.owner ?? "", hint: "a handle, e.g. \(state.user)"),
            ], purpose: .assignCase(id: item.id))
            form.focus = 0
            state.modal = .form(form)
        default: break
        }
        return []
    }

    static func assign(_ form: Form, id: String, _ state: inout AppState) -> [Effect] {
        var checked = form
        let owner = form.value("Owner")
        guard !owner.isEmpty, state.data.people.isEmpty || state.data.person(owner) != nil else {
            checked.fields[0].touched = true
            checked.setError("Owner", owner.isEmpty ? "who should own it?" : "nobody called \(owner)")
            state.modal = .form(checked)
            return []
        }
        state.modal = nil
        return act(.assign(owner: owner), on: id, &state)
    }

    private static func cycleFilters(_ command: Command, _ state: inout AppState) {
        if command == .cycleScope {
            let all = CaseScope.allCases
            state.caseScope = all[(all.firstIndex(of: state.caseScope)! + 1) % all.count]
        } else {
            state.caseKind = switch state.caseKind {
            case nil: .standard
            case .standard: .feedback
            case .feedback: nil
            }
        }
        state.refresh()
    }
}
