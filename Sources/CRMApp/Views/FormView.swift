import CRMCore
import TerminalUI

/// Where a form's lines go on a screen: shared by the view and the reducer, which keeps each
/// text field's cursor in its box.
struct FormLayout {
    enum Line: Equatable {
        case field(Int)
        /// A field's hint or error, under it.
        case note(Int)
        case text(String, Role)
    }

    static let preferredWidth = 78

    var box: Rect
    var labelWidth: Int
    var inputX: Int
    var inputWidth: Int
    var lines: [Line]

    /// The box's width on a screen: as wide as the form wants, two columns short of the screen.
    static func boxWidth(screen: Size) -> Int { min(screen.width - 2, preferredWidth) }

    static func labelWidth(_ form: Form) -> Int { (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1 }

    /// A text field's box: from after the labels to one column short of the frame.
    static func inputWidth(_ form: Form, screen: Size) -> Int {
        let inner = boxWidth(screen: screen) - 2
        return max(8, inner - (labelWidth(form) + 2) - 1)
    }

    /// Warnings and the choice offered with them wrap inside the box; when the screen is too
    /// short for a line under every field, only the notes that say something keep theirs.
    init(_ form: Form, shiftKey: String, screen: Size) {
        let width = Self.boxWidth(screen: screen)
        let innerWidth = width - 2
        labelWidth = Self.labelWidth(form)
        inputWidth = Self.inputWidth(form, screen: screen)
        var tail: [Line] = []
        func wrapped(_ text: String, first: String, rest: String, _ role: Role) {
            let lines = Text.wrap(text, width: max(1, innerWidth - DisplayWidth.of(first) - 1))
            for (i, line) in lines.enumerated() { tail.append(.text((i == 0 ? first : rest) + line, role)) }
        }
        for warning in form.warnings { wrapped(warning, first: " ⚠ ", rest: "   ", .warningMark) }
        if !form.warnings.isEmpty {
            let box = form.shiftToWorkingTime ? "[x] " : "[ ] "
            wrapped(shiftKey + ": move it to the next working moment", first: " " + box, rest: "     ", .emphasis)
        }
        var lines: [Line] = form.fields.indices.flatMap { [Line.field($0), .note($0)] } + tail
        if lines.count + 2 > screen.height - 2 {
            lines.removeAll { if case .note(let i) = $0 { Self.note(form, i) == nil } else { false } }
        }
        self.lines = lines
        let height = min(screen.height - 2, lines.count + 2)
        box = Rect(x: 0, y: 0, width: screen.width, height: screen.height).centered(width: width, height: height)
        inputX = box.x + 1 + labelWidth + 2
    }

    /// The error of a field touched, else the hint of the field with the cursor.
    static func note(_ form: Form, _ i: Int) -> (text: String, isError: Bool)? {
        let field = form.fields[i]
        if field.touched, let error = field.error { return (error, true) }
        return i == form.focus ? (field.hint, false) : nil
    }
}

extension ModalView {
    static func drawForm(_ form: Form, _ state: AppState, into buffer: inout CellBuffer) {
        let shiftKey = KeyMap.active(in: .form, state.keyBindings).first { $0.command == .toggleShift }?.firstKey?.label ?? ""
        let layout = FormLayout(form, shiftKey: shiftKey, screen: buffer.size)
        guard layout.box.width >= 12, layout.box.height >= 3 else { return }
        buffer.fill(layout.box, role: .overlay)
        let inner = buffer.drawBox(layout.box, title: form.title, role: .overlay, titleRole: .overlayTitle, ascii: state.ascii)
        let x = layout.inputX
        for (row, line) in layout.lines.prefix(inner.height).enumerated() {
            let y = inner.y + row
            switch line {
            case .field(let i):
                let field = form.fields[i], focused = i == form.focus
                buffer.put(padded: " " + field.label, x: inner.x, y: y, width: layout.labelWidth + 1,
                           role: focused ? .emphasis : .dim)
                drawInput(field, focused: focused, x: x, y: y, width: layout.inputWidth, into: &buffer)
            case .note(let i):
                guard let note = FormLayout.note(form, i) else { continue }
                buffer.put(note.text, x: x, y: y, role: note.isError ? .error : .dim, maxWidth: inner.maxX - x)
            case .text(let text, let role):
                buffer.put(text, x: inner.x, y: y, role: role, maxWidth: inner.width)
            }
        }
    }

    /// A text field shows its start unless the cursor is in it; a choice shows its value,
    /// marked whole while it has the keyboard.
    private static func drawInput(_ field: Form.Field, focused: Bool, x: Int, y: Int, width: Int,
                                  into buffer: inout CellBuffer) {
        let role: Role = focused ? .columnHeader : .overlay
        guard focused else {
            buffer.put(padded: field.input.value, x: x, y: y, width: width, role: role)
            return
        }
        if field.isChoice {
            buffer.put(padded: field.input.value, x: x, y: y, width: width, role: role)
            buffer.restyle(Rect(x: x, y: y, width: DisplayWidth.of(field.input.value), height: 1), role: .selection)
            return
        }
        let (text, cursor) = field.input.visible(width: width)
        buffer.put(padded: text, x: x, y: y, width: width, role: role)
        buffer.restyle(Rect(x: x + cursor, y: y, width: 1, height: 1), role: .selection)
    }
}
