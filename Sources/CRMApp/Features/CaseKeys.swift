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
        let effects = Reducer.change(&state, [.supportCase(.act(id: id, action: action, at: state.now, actor: state.user))])
        if !effects.isEmpty {
            ReminderActions.note(&state, "\(item.id) \(action.name): \(item.title)")
        }
        return effects
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
