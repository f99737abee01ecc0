import TerminalUI

/// Clicks and the wheel on the dashboard. A click focuses the pane under the pointer
/// and selects the row under it; the wheel scrolls the pane under the pointer, taking
/// the selection along only as far as it must to keep it on screen.
///
/// While a form, menu, question or filter has the keyboard the mouse does nothing, so a
/// stray click never throws away what was typed. A click anywhere closes help or details.
/// The wall display never asks for the mouse.
enum MouseInput {
    /// Rows one turn of the wheel moves, as most terminal programs do.
    static let wheelStep = 3

    static func handle(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        guard state.wall == nil, state.modal == nil else { return [] }
        if state.overlay != nil {
            if event.kind == .click { state.overlay = nil }
            return []
        }
        let layout = DashboardLayout(state)
        guard !layout.isTooSmall,
              let pane = Pane.allCases.first(where: { layout.panes[$0]?.contains(x: event.x, y: event.y) == true })
        else { return [] }
        switch event.kind {
        case .click: click(pane, row: event.y, layout, &state)
        case .wheelUp: scroll(pane, by: -wheelStep, layout, &state)
        case .wheelDown: scroll(pane, by: wheelStep, layout, &state)
        }
        return []
    }

    private static func click(_ pane: Pane, row y: Int, _ layout: DashboardLayout, _ state: inout AppState) {
        state.focus = pane
        let list = layout.listRect(pane)
        let ids = state.derived.ids(of: pane)
        let top = state.firstVisibleRow(pane)
        let index = top + (y - list.y)
        // Clicks on the title, the column headings or below the last row only focus.
        guard y >= list.y, index < ids.count else { return }
        state.selection[pane] = ids[index]
        state.scroll[pane] = top
    }

    private static func scroll(_ pane: Pane, by delta: Int, _ layout: DashboardLayout, _ state: inout AppState) {
        let visible = layout.listRect(pane).height
        let count = state.derived.ids(of: pane).count
        guard visible > 0, count > visible else { return }
        let top = min(max(0, state.firstVisibleRow(pane) + delta), count - visible)
        state.scroll[pane] = top
        if let selected = state.selectedIndex(pane) {
            let kept = min(max(selected, top), top + visible - 1)
            state.selection[pane] = state.derived.ids(of: pane)[kept]
        }
    }
}

extension AppState {
    /// The first row a pane shows now: what the pane table draws from.
    func firstVisibleRow(_ pane: Pane) -> Int {
        visibleTop(stored: scroll[pane] ?? 0, selected: selectedIndex(pane),
                   visible: DashboardLayout(self).listRect(pane).height,
                   count: derived.ids(of: pane).count)
    }
}
