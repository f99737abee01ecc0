import CRMCore
import Foundation
import TerminalUI

/// The header and footer lines around the panes.
enum Chrome {
    static func drawHeader(_ state: AppState, into buffer: inout CellBuffer, rect: Rect) {
        buffer.fill(rect, role: .header)
        let d = state.derived
        let date = Format.date(state.now, zone: state.zone)
        let clock = Format.clock(state.now, zone: state.zone)
        let counts: [(String, Role)] = [
            ("\(d.remindersDue) due", d.remindersDue > 0 ? .headerAccent : .header),
            ("\(d.casesAtRisk) at risk", d.casesAtRisk > 0 ? .slaWarning : .header),
            ("\(d.casesBreached) breached", d.casesBreached > 0 ? .slaBreached : .header),
        ]
        // The clock and the counts matter most; the date shortens and then goes before they do.
        let variants: [[(String, Role)]] = [
            [(date + " " + clock, .header)] + counts,
            [(String(date.dropLast(5)) + " " + clock, .header)] + counts,
            [(clock, .header)] + counts,
            [(clock, .header)] + counts.filter { !$0.0.hasPrefix("0 ") },
            [(clock, .header)],
        ]
        let minimumLeft = 8
        let right = variants.first { width(of: $0) + minimumLeft <= rect.width } ?? []
        let rightWidth = width(of: right)
        let name = " crmtop │ \(state.userDisplayName) (\(state.user))"
        buffer.put(padded: state.ascii ? name.replacingOccurrences(of: "│", with: "|") : name,
                   x: rect.x, y: rect.y, width: max(0, rect.width - rightWidth - 1), role: .header)
        var x = rect.maxX - rightWidth
        for (i, (text, role)) in right.enumerated() {
            if i > 0 { x += 2 }
            x += buffer.put(text, x: x, y: rect.y, role: role)
        }
    }

    /// Columns a header segment list takes, with two spaces between and one at the end.
    private static func width(of segments: [(String, Role)]) -> Int {
        segments.isEmpty ? 0 : segments.reduce(0) { $0 + DisplayWidth.of($1.0) } + 2 * (segments.count - 1) + 1
    }

    /// Hints in table order; when they do not all fit, the least needed go first,
    /// so `? help` and `q quit` stay to the last.
    static func drawFooter(_ state: AppState, into buffer: inout CellBuffer, rect: Rect) {
        buffer.fill(rect, role: .footer)
        if case .filter(let field) = state.modal {
            let x = rect.x + buffer.put(" filter \(state.focus.title.lowercased()): ", x: rect.x, y: rect.y, role: .footerKey)
            let (text, cursor) = field.visible(width: max(1, rect.maxX - x - 1))
            buffer.put(text, x: x, y: rect.y, role: .footer)
            buffer.restyle(Rect(x: x + cursor, y: rect.y, width: 1, height: 1), role: .selection)
            return
        }
        if let message = state.message {
            buffer.put(" " + message.text, x: rect.x, y: rect.y, role: message.isError ? .error : .message,
                       maxWidth: rect.width)
            return
        }
        var hints = KeyMap.active(in: KeyContext(state), state.keyBindings).compactMap { b -> (key: String, hint: String, command: Command)? in
            // `u` is offered only when there is something it can take back, the choice keys
            // only on a choice field.
            guard isOffered(b.command, state), let shown = b.footerHint else { return nil }
            return (key: shown.key, hint: shown.text, command: b.command)
        }
        let keep: [Command] = [.help, .quit, .close, .acknowledge, .submit, .cancel]
        func total() -> Int { hints.reduce(0) { $0 + DisplayWidth.of($1.key) + DisplayWidth.of($1.hint) + 3 } }
        while total() > rect.width - 1, let drop = hints.lastIndex(where: { !keep.contains($0.command) }) {
            hints.remove(at: drop)
        }
        var x = rect.x + 1
        for h in hints {
            x += buffer.put(h.key, x: x, y: rect.y, role: .footerKey) + 1
            x += buffer.put(h.hint, x: x, y: rect.y, role: .footer) + 2
        }
    }

    static func isOffered(_ command: Command, _ state: AppState) -> Bool {
        switch command {
        case .undo: Undo.isAvailable(state)
        case .nextChoice, .previousChoice:
            if case .form(let form) = state.modal { form.fields[form.focus].isChoice } else { false }
        default: true
        }
    }

    static func drawTooSmall(into buffer: inout CellBuffer) {
        let need = DashboardLayout.minimum
        let lines = ["terminal too small", "(need \(need.width)×\(need.height))"]
        let y0 = max(0, (buffer.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let w = DisplayWidth.of(line)
            buffer.put(line, x: max(0, (buffer.width - w) / 2), y: y0 + i, role: .error)
        }
    }
}
