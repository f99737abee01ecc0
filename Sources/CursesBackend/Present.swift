import CNcursesw
import TerminalUI

extension CursesTerminal {
    /// Draws the cells that changed since the last frame and updates the screen once.
    /// ncurses then sends only what differs, so no frame ever clears the screen.
    public func present(_ buffer: CellBuffer) {
        guard screen != nil else { return }
        if let last = lastPresented, last == buffer { return }

        let previous = lastPresented.flatMap { $0.size == buffer.size ? $0 : nil }
        if previous == nil { werase(window) }
        let rows = min(size.height, buffer.height)
        let columns = min(size.width, buffer.width)
        let cells = buffer.cells
        for y in 0..<rows {
            var index = y * buffer.width
            for x in 0..<columns {
                defer { index += 1 }
                let cell = cells[index]
                if cell.isContinuation { continue }
                if let previous, previous.cells[index] == cell { continue }
                draw(cell, x: x, y: y, columns: columns)
            }
        }
        wnoutrefresh(window)
        doupdate()
        lastPresented = buffer
    }

    private func draw(_ cell: Cell, x: Int, y: Int, columns: Int) {
        let style = styles.style(for: cell.role)
        let width = Int(cell.width)
        if x + width <= columns, let glyph = glyph(for: cell) {
            put(glyph, x: x, y: y, width: width, style: style)
        } else {
            // A placeholder of the same width keeps every later column where the buffer put it.
            put([0x3F, 0], x: x, y: y, width: 1, style: style)
            for pad in 1..<max(1, min(width, columns - x)) {
                put([0x20, 0], x: x + pad, y: y, width: 1, style: style)
            }
        }
    }

    private func put(_ glyph: [wchar_t], x: Int, y: Int, width: Int, style: ResolvedStyle) {
        var pair = style.pair
        var cc = cchar_t()
        // The last argument carries the extended pair; the short one is then ignored.
        guard setcchar(&cc, glyph, style.attributes, 0, &pair) == cn_OK() else { return }
        // Adding at the bottom-right cell moves the cursor past the end (an error, and a
        // scroll with scrollok); inserting there leaves the cursor alone.
        if y == size.height - 1 && x + width >= size.width {
            _ = cn_mvwins_wch(window, Int32(y), Int32(x), &cc)
        } else {
            _ = cn_mvwadd_wch(window, Int32(y), Int32(x), &cc)
        }
    }

    /// The base scalar and its zero-width marks, NUL-terminated; nil when the glyph
    /// cannot be shown at the width the buffer measured.
    ///
    /// Further spacing scalars (skin-tone modifiers, joined emoji, the second regional
    /// indicator of a flag) are dropped: ncurses would give each its own columns.
    private func glyph(for cell: Cell) -> [wchar_t]? {
        let scalars = cell.text.unicodeScalars
        guard var base = scalars.first else { return [0x20, 0] }
        if !isUTF8 {
            // Marks are dropped too: a plain base letter reads better than `?`.
            guard base.isASCII, base.value >= 0x20, base.value != 0x7F else { return nil }
            return [wchar_t(base.value), 0]
        }
        var marks = Array(scalars.dropFirst())
        // A cell that starts with a mark shows it on a space, as terminals do.
        if DisplayWidth.of(base) == 0 {
            marks.insert(base, at: 0)
            base = " "
        }
        guard cn_wcwidth(wchar_t(base.value)) == Int32(cell.width) else { return nil }

        var glyph = [wchar_t(base.value)]
        let capacity = Int(cn_CCHARW_MAX())
        for mark in marks where glyph.count < capacity && isCombining(mark, width: cell.width) {
            glyph.append(wchar_t(mark.value))
        }
        glyph.append(0)
        return glyph
    }

    private func isCombining(_ scalar: Unicode.Scalar, width: UInt8) -> Bool {
        // Variation selectors can switch a glyph between one and two columns in some
        // terminals; keep only the one that agrees with the buffer.
        if scalar == "\u{FE0F}" { return width == 2 }
        if scalar == "\u{FE0E}" { return width == 1 }
        switch scalar.properties.generalCategory {
        case .format, .control, .lineSeparator, .paragraphSeparator: return false
        default: break
        }
        return DisplayWidth.of(scalar) == 0 && cn_wcwidth(wchar_t(scalar.value)) == 0
    }
}
