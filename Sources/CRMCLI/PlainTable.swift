import TerminalUI

/// Columns of text for people to read in a terminal or a pipe, padded by display width so
/// names in any script line up. Cells are sanitised: data never moves the cursor.
struct PlainTable {
    struct Column {
        var title: String
        var alignRight = false
    }

    var columns: [Column]
    /// A nil row draws as a gap marker: rows were left out between its neighbours.
    var rows: [[String]?] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    func render() -> String {
        let cells = rows.map { $0?.map(Sanitizer.clean) }
        let widths = columns.indices.map { c in
            cells.reduce(DisplayWidth.of(columns[c].title)) { widest, row in
                max(widest, row.map { c < $0.count ? DisplayWidth.of($0[c]) : 0 } ?? 0)
            }
        }
        func line(_ texts: [String]) -> String {
            var parts: [String] = []
            for (c, column) in columns.enumerated() {
                let text = c < texts.count ? texts[c] : ""
                let pad = String(repeating: " ", count: max(0, widths[c] - DisplayWidth.of(text)))
                parts.append(column.alignRight ? pad + text : text + pad)
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        return line(columns.map(\.title)) + cells.map { $0.map(line) ?? "   …\n" }.joined()
    }
}
