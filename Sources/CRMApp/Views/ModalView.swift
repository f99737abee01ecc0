import CRMCore
import TerminalUI

/// Menus, forms and questions, drawn in a box over the panes.
enum ModalView {
    static func draw(_ modal: Modal, _ state: AppState, into buffer: inout CellBuffer) {
        switch modal {
        case .menu(let menu): drawMenu(menu, state, into: &buffer)
        case .confirm(let q): drawConfirm(q, state, into: &buffer)
        case .form(let form): drawForm(form, state, into: &buffer)
        case .filter: break  // the footer shows the filter line
        }
    }

    private static func box(_ title: String, width: Int, height: Int, _ state: AppState,
                            into buffer: inout CellBuffer) -> Rect? {
        let rect = buffer.bounds.centered(width: min(buffer.width - 2, width), height: min(buffer.height - 2, height))
        guard rect.width >= 12, rect.height >= 3 else { return nil }
        buffer.fill(rect, role: .overlay)
        return buffer.drawBox(rect, title: title, role: .overlay, titleRole: .overlayTitle, ascii: state.ascii)
    }

    static func drawMenu(_ menu: Menu, _ state: AppState, into buffer: inout CellBuffer) {
        let width = max(DisplayWidth.of(menu.title) + 6, 36)
        guard let inner = box(menu.title, width: width, height: menu.items.count + 2, state, into: &buffer) else { return }
        // A list taller than the screen scrolls so that the selected item stays in view.
        let first = max(0, menu.selected - inner.height + 1)
        for (i, item) in menu.items.enumerated() where i >= first && i < first + inner.height {
            let y = inner.y + i - first
            buffer.put(" \(item.key)  \(item.label)", x: inner.x, y: y, role: .overlay, maxWidth: inner.width)
            if i == menu.selected { buffer.restyle(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selection) }
        }
    }

    static func drawConfirm(_ q: Confirm, _ state: AppState, into buffer: inout CellBuffer) {
        let width = max(DisplayWidth.of(q.question) + 4, 30)
        guard let inner = box(q.title, width: width, height: 4, state, into: &buffer) else { return }
        buffer.put(" " + q.question, x: inner.x, y: inner.y, role: .emphasis, maxWidth: inner.width)
        if inner.height > 1 {
            let keys = KeyMap.active(in: .menu, state.keyBindings)
            var x = inner.x + 1
            x += buffer.put(answerKey(.confirmYes, keys), x: x, y: inner.y + 1, role: .footerKey)
            x += buffer.put(" yes   ", x: x, y: inner.y + 1, role: .overlay)
            x += buffer.put(answerKey(.cancel, keys), x: x, y: inner.y + 1, role: .footerKey)
            buffer.put(" no", x: x, y: inner.y + 1, role: .overlay)
        }
    }

    /// A question is answered with a letter where the binding has one (`n` before `Esc`).
    static func answerKey(_ command: Command, _ keys: [KeyBinding]) -> String {
        guard let binding = keys.first(where: { $0.command == command }) else { return "" }
        let letter = binding.keys.first { if case .char = $0 { true } else { false } }
        return (letter ?? binding.firstKey)?.label ?? ""
    }
}
