import CRMCore
import TerminalUI

/// The clock and the counts a room cares about, in digits sized to the terminal.
enum WallTiles {
    struct Shown {
        var tile: WallLayout.Tile
        var role: Role
    }

    static func tiles(_ state: AppState) -> [Shown] {
        let d = state.derived
        // Minutes only: the clock then changes once a minute, and so does the screen when idle.
        return [
            Shown(tile: .init(value: Format.clock(state.now, zone: state.zone, seconds: false),
                              label: Format.date(state.now, zone: state.zone)), role: .emphasis),
            Shown(tile: .init(value: "\(d.casesBreached)", label: "BREACHED"), role: d.casesBreached > 0 ? .slaBreached : .text),
            Shown(tile: .init(value: "\(d.casesAtRisk)", label: "AT RISK"), role: d.casesAtRisk > 0 ? .slaWarning : .text),
            Shown(tile: .init(value: "\(d.remindersDue)", label: "REMINDERS DUE"), role: d.remindersDue > 0 ? .reminderDue : .text),
        ]
    }

    static func draw(_ shown: [Shown], ascii: Bool, into buffer: inout CellBuffer, rects: [Rect]) {
        for (tile, rect) in zip(shown, rects) where !rect.isEmpty {
            let (digits, label) = rect.takeBottom(1)
            buffer.drawBigDigits(tile.tile.value, centeredIn: digits, role: tile.role, ascii: ascii)
            let text = Text.truncate(tile.tile.label, to: label.width)
            let w = DisplayWidth.of(text)
            buffer.put(text, x: label.x + (label.width - w) / 2, y: label.y, role: tile.role == .text ? .dim : tile.role)
        }
    }
}
