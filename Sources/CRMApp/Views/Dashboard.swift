import CRMCore
import TerminalUI

/// The whole screen as a function of state. The live terminal and `snapshot`
/// both draw through this.
public enum Dashboard {
    /// `only` draws that one pane over the whole body, the others left out.
    public static func render(_ state: AppState, only: Pane? = nil) -> CellBuffer {
        if state.wall != nil { return WallView.render(state) }
        var buffer = CellBuffer(size: state.size)
        let layout = DashboardLayout(state, only: only)
        if layout.isTooSmall {
            Chrome.drawTooSmall(into: &buffer)
            return buffer
        }
        Chrome.drawHeader(state, into: &buffer, rect: layout.header)
        for pane in Pane.allCases {
            guard let rect = layout.panes[pane] else { continue }
            var table = switch pane {
            case .reminders: RemindersPane.table(state, width: rect.width)
            case .cases: CasesPane.table(state, width: rect.width)
            case .leaderboard: LeaderboardPane.table(state, width: rect.width)
            }
            if let filter = state.filters[pane] {
                let shorter = table.shorterTitles.map { $0 + " · /\(filter)" }
                table.title += " · /\(filter)"
                table.shorterTitles = shorter
            }
            table.draw(into: &buffer, rect: rect, focused: state.focus == pane,
                       selected: state.selectedIndex(pane), storedTop: state.scroll[pane] ?? 0)
        }
        MessageArea.draw(state, into: &buffer, rect: layout.messages)
        Chrome.drawFooter(state, into: &buffer, rect: layout.footer)
        if let overlay = state.overlay {
            Overlays.draw(overlay, state, into: &buffer)
        }
        if let modal = state.modal {
            ModalView.draw(modal, state, into: &buffer)
        }
        return buffer
    }
}
