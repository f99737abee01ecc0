import TerminalUI

/// A column of a pane's list. `width == 0` shares the space left over.
struct Column {
    var title: String
    var width: Int
    var alignRight = false

    static func flex(_ title: String) -> Column { Column(title: title, width: 0) }
}

struct TableCell {
    var text: String
    var role: Role
    /// Drawn as a progress bar instead of text when set.
    var gauge: Double?

    init(_ text: String, _ role: Role = .text) {
        self.text = text
        self.role = role
    }

    static func gauge(_ fraction: Double) -> TableCell {
        var cell = TableCell("", .gaugeFilled)
        cell.gauge = fraction
        return cell
    }
}

/// The list drawn by every pane: a title bar, optional column headers, rows with a
/// selection bar. Rows are built on demand, so only visible ones cost anything.
struct PaneTable {
    /// A new title makes the shorter forms of the old one wrong, so they go with it.
    var title: String { didSet { shorterTitles = [] } }
    /// Shorter forms of the title, longest first, for when it does not fit: the first that
    /// fits is shown, so a count is dropped whole rather than cut in the middle of a word.
    var shorterTitles: [String] = []
    var columns: [Column]
    var count: Int
    var row: (Int) -> [TableCell]
    var emptyText: String
    var ascii = false
    /// Rows to highlight briefly (by index), e.g. reminders that just came due.
    var flashing: Set<Int> = []
    /// Shows whole pages instead of following a selection (the wall display); wraps around.
    var page: Int?

    func draw(into buffer: inout CellBuffer, rect: Rect, focused: Bool, selected: Int?, storedTop: Int) {
        guard !rect.isEmpty else { return }
        let titleRole: Role = focused ? .paneTitleFocused : .paneTitle
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: titleRole)
        var y = rect.y + 1
        let widths = resolvedWidths(total: rect.width)
        if DashboardLayout.hasColumnHeader(rect) {
            drawCells(columns.map { TableCell($0.title, .columnHeader) }, widths: widths,
                      into: &buffer, x: rect.x, y: y, width: rect.width, fillRole: .columnHeader)
            y += 1
        }
        let visible = rect.maxY - y
        let pages = Self.pageCount(count, visible: visible)
        let top = page.map { ($0 % pages) * visible }
            ?? visibleTop(stored: storedTop, selected: selected, visible: visible, count: count)
        // The position in the list wins over the end of a long title.
        var more = ""
        if count > visible, visible > 0 {
            more = page == nil ? "\(top + 1)–\(min(count, top + visible))/\(count) " : "page \(top / visible + 1)/\(pages) "
        }
        let moreWidth = DisplayWidth.of(more)
        let titleWidth = max(0, rect.width - moreWidth - (more.isEmpty ? 0 : 1))
        buffer.put(" " + fittedTitle(max(0, titleWidth - 1)), x: rect.x, y: rect.y, role: titleRole,
                   maxWidth: titleWidth)
        buffer.put(more, x: rect.maxX - moreWidth, y: rect.y, role: titleRole)
        guard count > 0 else {
            buffer.put(" " + emptyText, x: rect.x, y: y, role: .dim, maxWidth: rect.width)
            return
        }
        for i in top..<min(count, top + visible) {
            drawCells(row(i), widths: widths, into: &buffer, x: rect.x, y: y, width: rect.width, fillRole: .text)
            if focused, i == selected {
                buffer.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selection)
            } else if flashing.contains(i) {
                buffer.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .flash)
            }
            y += 1
        }
    }

    /// The longest form of the title that fits `width`; the shortest, cut, when none does.
    func fittedTitle(_ width: Int) -> String {
        let forms = [title] + shorterTitles
        return forms.first { DisplayWidth.of($0) <= width } ?? Text.truncate(forms.last ?? "", to: width)
    }

    /// `parts` joined with " · ", then the same dropping parts from the end, down to the first.
    static func titles(dropping parts: [String]) -> [String] {
        parts.indices.reversed().map { parts[...$0].joined(separator: " · ") }
    }

    static func pageCount(_ count: Int, visible: Int) -> Int {
        visible > 0 ? max(1, (count + visible - 1) / visible) : 1
    }

    /// Fixed columns keep their width while they fit; flexible ones share the rest.
    func resolvedWidths(total: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.reduce(0) { $0 + $1.width }
        let flexCount = columns.filter { $0.width == 0 }.count
        let spare = max(0, total - 1 - gaps - fixed)
        var handedOut = 0
        var flexSeen = 0
        return columns.map { c in
            guard c.width == 0 else { return c.width }
            flexSeen += 1
            let w = flexSeen == flexCount ? spare - handedOut : spare / max(1, flexCount)
            handedOut += w
            return w
        }
    }

    private func drawCells(_ cells: [TableCell], widths: [Int], into buffer: inout CellBuffer,
                           x: Int, y: Int, width: Int, fillRole: Role) {
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), role: fillRole)
        var cx = x + 1
        for (i, cell) in cells.enumerated() where i < widths.count {
            // Never spill into the neighbouring pane when fixed columns outgrow a narrow one.
            let w = min(widths[i], x + width - cx)
            guard w > 0 else { break }
            if let fraction = cell.gauge {
                buffer.drawGauge(fraction, x: cx, y: y, width: w, ascii: ascii)
            } else {
                buffer.put(padded: cell.text, x: cx, y: y, width: w, role: cell.role,
                           alignRight: columns[i].alignRight)
            }
            cx += widths[i] + 1
        }
    }
}
