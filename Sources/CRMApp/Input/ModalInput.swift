import CRMCore
import TerminalUI

/// Keys while a menu, form, question or filter line has the keyboard.
enum ModalInput {
    /// `command` is what the key table made of the key, in the modal's context.
    static func handle(_ key: Key, _ command: Command?, _ state: inout AppState) -> [Effect] {
        guard let modal = state.modal else { return [] }
        if let command, !isTextEditing(command, modal) {
            return perform(command, &state)
        }
        switch modal {
        case .form(var form):
            let field = form.focus
            if form.fields[field].isChoice {
                guard form.fields[field].typeChoice(key) else { return [] }
            } else {
                guard form.fields[field].input.handle(key) else { return [] }
                form.fields[field].input.keepCursorVisible(width: FormLayout.inputWidth(form, screen: state.size))
            }
            form.fields[field].touched = true
            revalidate(&form, state)
            state.modal = .form(form)
        case .menu(let menu):
            if case .char(let c) = key, let i = menu.items.firstIndex(where: { $0.key == c }) {
                return choose(i, menu, &state)
            }
        case .confirm(let question):
            decline(question, &state)
        case .filter(var field):
            guard field.handle(key) else { return [] }
            state.modal = .filter(field)
            applyFilter(field.value, &state)
        }
        return []
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let modal = state.modal else { return [] }
        switch (modal, command) {
        case (.form(var form), .nextField), (.form(var form), .previousField):
            form.fields[form.focus].touched = true
            form.fields[form.focus].typed = ""
            form.focus = (form.focus + (command == .nextField ? 1 : form.fields.count - 1)) % form.fields.count
            state.modal = .form(form)
        case (.form(var form), .nextChoice), (.form(var form), .previousChoice):
            form.fields[form.focus].step(by: command == .nextChoice ? 1 : -1)
            form.fields[form.focus].touched = true
            revalidate(&form, state)
            state.modal = .form(form)
        case (.form(var form), .toggleShift):
            form.shiftToWorkingTime.toggle()
            state.modal = .form(ReminderForm.validated(form, state))
        case (.form(let form), .submit):
            if case .assignCase(let id) = form.purpose { return CaseKeys.assign(form, id: id, &state) }
            return ReminderForm.submit(form, &state)
        case (.menu(var menu), .up), (.menu(var menu), .down):
            menu.selected = (menu.selected + (command == .down ? 1 : menu.items.count - 1)) % menu.items.count
            state.modal = .menu(menu)
        case (.menu(let menu), .submit):
            return choose(menu.selected, menu, &state)
        case (.confirm(let question), .confirmYes):
            switch question.purpose {
            case .deleteReminder(let id): return ReminderActions.delete(id, &state)
            case .resolveCase(let id):
                state.modal = nil
                return CaseKeys.act(.resolve, on: id, &state)
            case .applyRecovery:
                return Unsaved.applyRecovery(&state)
            }
        case (.confirm(let question), .cancel):
            decline(question, &state)
        case (.filter, .submit):
            state.modal = nil
        case (.filter, .cancel):
            state.modal = nil
            applyFilter("", &state)
        case (_, .cancel):
            state.modal = nil
        default:
            break
        }
        return []
    }

    /// Reminder forms check every field as it changes; the others when they are saved.
    static func revalidate(_ form: inout Form, _ state: AppState) {
        switch form.purpose {
        case .newReminder, .editReminder: ReminderForm.validate(&form, state)
        case .snoozeUntil, .assignCase: break
        }
    }

    /// The choice keys (← and → unless rebound) move the cursor in a text field: there the
    /// key goes to the text.
    static func isTextEditing(_ command: Command, _ modal: Modal) -> Bool {
        guard command == .nextChoice || command == .previousChoice, case .form(let form) = modal else { return false }
        return !form.fields[form.focus].isChoice
    }

    static func choose(_ index: Int, _ menu: Menu, _ state: inout AppState) -> [Effect] {
        switch menu.purpose {
        case .snooze(let id): ReminderActions.snoozeChoice(index, id: id, &state)
        case .logActivity(let kpis): LeaderboardKeys.log(index, kpis: kpis, &state)
        case .unsavedOnQuit: Unsaved.choose(index, &state)
        }
    }

    /// A question answered with anything but yes.
    static func decline(_ question: Confirm, _ state: inout AppState) {
        state.modal = nil
        if question.purpose == .applyRecovery { Unsaved.keepRecovery(&state) }
    }

    static func applyFilter(_ text: String, _ state: inout AppState) {
        state.filters[state.focus] = text.isEmpty ? nil : text
        state.scroll[state.focus] = 0
        state.refresh()
    }
}
