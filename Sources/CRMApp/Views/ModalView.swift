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
        for (i, item) in menu.items.enumerated() where i < inner.height {
            let y = inner.y + i
            buffer.put(" \(item.key)  \(item.label)", x: inner.x, y: y, role: .overlay, maxWidth: inner.width)
            if i == menu.selected { buffer.restyle(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selection) }
        }
    }

    static func drawConfirm(_ q: Confirm, _ state: AppState, into buffer: inout CellBuffer) {
        let width = max(DisplayWidth.of(q.question) + 4, 30)
        guard let inner = box(q.title, width: width, height: 4, state, into: &buffer) else { return }
        buffer.put(" " + q.question, x: inner.x, y: inner.y, role: .emphasis, maxWidth: inner.width)
        if inner.height > 1 {
            var x = inner.x + 1
            x += buffer.put("y", x: x, y: inner.y + 1, role: .footerKey)
            x += buffer.put(" yes   ", x: x, y: inner.y + 1, role: .overlay)
            x += buffer.put("n", x: x, y: inner.y + 1, role: .footerKey)
            buffer.put(" no", x: x, y: inner.y + 1, role: .overlay)
        }
    }

    static func drawForm(_ form: Form, _ state: AppState, into buffer: inout CellBuffer) {
        let labelWidth = (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1
        let extra = form.warnings.isEmpty ? 0 : form.warnings.count + 1
        guard let inner = box(form.title, width: 78, height: form.fields.count * 2 + extra + 2, state, into: &buffer)
        else { return }
        let inputWidth = max(8, min(40, inner.width - labelWidth - 3))
        var y = inner.y
        for (i, field) in form.fields.enumerated() where y < inner.maxY {
            let focused = i == form.focus
            buffer.put(padded: " " + field.label, x: inner.x, y: y, width: labelWidth + 1,
                       role: focused ? .emphasis : .dim)
            let x = inner.x + labelWidth + 2
            let (text, cursor) = field.input.visible(width: inputWidth)
            buffer.put(padded: text, x: x, y: y, width: inputWidth, role: focused ? .columnHeader : .overlay)
            if focused { buffer.restyle(Rect(x: x + cursor, y: y, width: 1, height: 1), role: .selection) }
            if y + 1 < inner.maxY {
                let error = field.touched ? field.error : nil
                let note = error ?? (focused ? field.hint : "")
                buffer.put(note, x: x, y: y + 1, role: error == nil ? .dim : .error,
                           maxWidth: inner.maxX - x)
            }
            y += 2
        }
        guard !form.warnings.isEmpty else { return }
        for warning in form.warnings where y < inner.maxY {
            buffer.put(" ⚠ " + warning, x: inner.x, y: y, role: .warningMark, maxWidth: inner.width)
            y += 1
        }
        if y < inner.maxY {
            let choice = (form.shiftToWorkingTime ? "[x]" : "[ ]") + " Ctrl-S: move it to the next working moment"
            buffer.put(" " + choice, x: inner.x, y: y, role: .emphasis, maxWidth: inner.width)
        }
    }
}
