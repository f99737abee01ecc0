import CRMCore
import CRMStore
import Foundation
import TerminalUI

/// The only place state changes. Pure: the same state and action give the same result.
public enum Reducer {
    /// How long a passing note stays in the status bar.
    public static let noteLifetime: TimeInterval = 5

    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .tick(let now):
            return refreshAnnouncing(&state) {
                $0.now = now
                if let m = $0.message, let expires = m.expires, expires <= now { $0.message = nil }
                $0.flashes = $0.flashes.filter { $0.value > now }
            }
        case .reloaded(let data):
            if state.loadError != nil, state.message?.isError == true { state.message = nil }
            return refreshAnnouncing(&state) {
                $0.data = data
                $0.lastUpdated = $0.now
                $0.loadError = nil
            }
        case .reloadFailed(let reason):
            state.loadError = reason
            if state.wall == nil {
                state.message = StatusMessage(text: reason + " (showing the data as last read)", isError: true, expires: nil)
            }
            return []
        case .resize(let size):
            state.size = size
            for pane in Pane.allCases { scrollToSelection(&state, pane) }
            return []
        case .signal(let number):
            return [.keepUnsaved, .exit(128 + number)]
        case .persisted(let data):
            if state.message?.isError == true { state.message = nil }
            state.unsavedChanges = 0
            if let data {
                state.data = data
                state.refresh()
            }
            return Unsaved.saved(&state)
        case .saveFailed(let reason, let unsaved):
            state.message = StatusMessage(text: reason + " (changes kept in memory)", isError: true, expires: nil)
            state.unsavedChanges = unsaved
            Unsaved.stillUnsaved(&state)
            return []
        case .refused(let reason):
            state.message = StatusMessage(text: reason, isError: true, expires: state.now.addingTimeInterval(noteLifetime))
            state.unsavedChanges = max(0, state.unsavedChanges - 1)
            return []
        case .recoveryFound(let recovery):
            Unsaved.offerRecovery(recovery, &state)
            return []
        case .recoveryUnreadable(let reason):
            state.message = StatusMessage(text: reason, isError: true, expires: nil)
            return []
        case .recovered(let report):
            Unsaved.report(report, &state)
            return []
        case .note(let text):
            ReminderActions.note(&state, text)
            return []
        case .key(let key):
            let command = KeyMap.resolve(key, in: KeyContext(state), state.keyBindings)
            // In a modal, a key the table leaves alone is typed or picks a menu item.
            if state.wall == nil, state.modal != nil { return ModalInput.handle(key, command, &state) }
            return command.map { dispatch($0, &state) } ?? []
        case .mouse(let event):
            return MouseInput.handle(event, &state)
        case .command(let command):
            return dispatch(command, &state)
        }
    }

    /// A command goes to whatever has the keyboard: the wall, a modal or the dashboard.
    static func dispatch(_ command: Command, _ state: inout AppState) -> [Effect] {
        if let wall = state.wall { return WallKeys.perform(command, wall) }
        if state.modal != nil { return ModalInput.perform(command, &state) }
        return perform(command, &state)
    }

    /// Applies `change`, re-derives the panes and announces what newly came due or
    /// breached, whether time moved on or the data changed under us.
    static func refreshAnnouncing(_ state: inout AppState, _ change: (inout AppState) -> Void) -> [Effect] {
        // What stood when the screen opened is not news; only what changes from it is.
        if !state.news.isSeeded {
            ComingDue.seed(&state)
            CaseAlerts.seed(&state)
            state.news.isSeeded = true
        }
        let before = ComingDue.signals(state)
        let casesBefore = CaseAlerts.signals(state.derived.cases)
        let cheered = Set(state.derived.celebrations.map(\.key))
        change(&state)
        state.refresh()
        Cheering.remember(since: cheered, &state)
        var effects = ComingDue.announce(since: before, &state) + CaseAlerts.announce(since: casesBefore, &state)
        effects += RecentNotices.remember(effects, &state)
        // Several alerts at once still ring only once.
        return effects.filter { $0 != .bell } + (effects.contains(.bell) ? [.bell] : [])
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        let pane = state.focus
        switch command {
        case .quit:
            return Unsaved.quit(&state)
        case .help:
            state.overlay = state.overlay == .help ? nil : .help
        case .close:
            state.overlay = nil
        case .focusNext:
            state.focus = Pane(rawValue: (pane.rawValue + 1) % Pane.allCases.count)!
        case .focusPrevious:
            state.focus = Pane(rawValue: (pane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .up: move(&state, by: -1)
        case .down: move(&state, by: 1)
        case .pageUp: move(&state, by: -pageSize(state, pane))
        case .pageDown: move(&state, by: pageSize(state, pane))
        case .top: move(&state, to: 0)
        case .bottom: move(&state, to: Int.max)
        case .details:
            if let id = state.selection[pane] { state.overlay = .details(pane, id: id) }
        case .acknowledge: return ReminderActions.acknowledge(&state)
        case .snooze: return ReminderActions.openSnoozeMenu(&state)
        case .newItem: state.modal = .form(ReminderForm.new(state))
        case .edit:
            if let r = ReminderActions.selected(state) { state.modal = .form(ReminderForm.edit(r, state)) }
        case .delete: return ReminderActions.confirmDelete(&state)
        case .openLink: return ReminderActions.openLink(&state)
        case .toggleEveryone: ReminderActions.toggleEveryone(&state)
        case .undo: return Undo.perform(&state)
        case .filter: state.modal = .filter(TextField(state.filters[pane] ?? ""))
        case .respond, .pauseResume, .resolve, .assign, .escalate, .cycleScope, .cycleKind:
            return CaseKeys.perform(command, &state)
        case .previousPeriod, .nextPeriod, .toggleTeams, .logActivity:
            return LeaderboardKeys.perform(command, &state)
        case .cycleTheme: return ThemeKeys.next(&state)
        case .nextField, .previousField, .submit, .cancel, .toggleShift, .confirmYes, .previousChoice, .nextChoice:
            break
        }
        return []
    }

    /// Applies changes in memory at once (the screen answers immediately) and asks the
    /// runtime to store them. A change that no longer applies is reported, not applied.
    static func change(_ state: inout AppState, _ mutations: [Mutation]) -> [Effect] {
        let sifted = state.memo.letGoOfReminders(state.data.reminders)
        do {
            if mutations.count == 1 {
                // In place: copying 100,000 reminders to change one would cost more than the
                // frame, and a mutation that throws leaves the data as it was.
                try mutations[0].apply(to: &state.data)
            } else {
                var data = state.data
                for m in mutations { try m.apply(to: &data) }
                state.data = data
            }
        } catch {
            state.message = StatusMessage(text: error.description, isError: true,
                                          expires: state.now.addingTimeInterval(noteLifetime))
            state.memo.patchReminders(sifted, to: state.data.reminders, by: [])
            return []
        }
        state.memo.patchReminders(sifted, to: state.data.reminders, by: mutations)
        state.refresh()
        return [.persist(mutations)]
    }

    static func pageSize(_ state: AppState, _ pane: Pane) -> Int {
        max(1, DashboardLayout(state).listRect(pane).height)
    }

    static func move(_ state: inout AppState, by delta: Int) {
        let current = state.selectedIndex(state.focus) ?? 0
        move(&state, to: delta < 0 ? max(0, current + delta) : current + delta)
    }

    static func move(_ state: inout AppState, to index: Int) {
        let pane = state.focus
        let ids = state.derived.ids(of: pane)
        guard !ids.isEmpty else { return }
        state.selection[pane] = ids[min(max(0, index), ids.count - 1)]
        scrollToSelection(&state, pane)
    }

    /// Keeps the selected row inside the visible window, moving the window as little as possible.
    static func scrollToSelection(_ state: inout AppState, _ pane: Pane) {
        state.scroll[pane] = visibleTop(stored: state.scroll[pane] ?? 0, selected: state.selectedIndex(pane),
                                        visible: pageSize(state, pane), count: state.derived.ids(of: pane).count)
    }
}
