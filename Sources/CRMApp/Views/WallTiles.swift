import CRMCore
import TerminalUI

/// The clock and the counts a room cares about, in digits sized to the terminal.
enum WallTiles {
    static func draw(_ state: AppState, into buffer: inout CellBuffer, rects: [Rect]) {
        let d = state.derived
        // Minutes only: the clock then changes once a minute, and so does the screen when idle.
        let tiles: [(value: String, label: String, role: Role)] = [
            (Format.clock(state.now, zone: state.zone, seconds: false), Format.date(state.now, zone: state.zone), .emphasis),
            ("\(d.casesBreached)", "BREACHED", d.casesBreached > 0 ? .slaBreached : .text),
            ("\(d.casesAtRisk)", "AT RISK", d.casesAtRisk > 0 ? .slaWarning : .text),
            ("\(d.remindersDue)", "REMINDERS DUE", d.remindersDue > 0 ? .reminderDue : .text),
        ]
        for (tile, rect) in zip(tiles, rects) where !rect.isEmpty {
            let (digits, label) = rect.takeBottom(1)
            buffer.drawBigDigits(tile.value, centeredIn: digits, role: tile.role, ascii: state.ascii)
            let text = Text.truncate(tile.label, to: label.width)
            let w = DisplayWidth.of(text)
            buffer.put(text, x: label.x + (label.width - w) / 2, y: label.y, role: tile.role == .text ? .dim : tile.role)
        }
    }
}
