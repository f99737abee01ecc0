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
        let widths = TextTable.widths(of: [columns.map(\.title)] + cells.compactMap { $0 })
        func line(_ texts: [String]) -> String {
            let full = columns.indices.map { $0 < texts.count ? texts[$0] : "" }
            return TextTable.line(full, widths: widths, alignRight: { columns[$0].alignRight }) + "\n"
        }
        return line(columns.map(\.title)) + cells.map { $0.map(line) ?? "   …\n" }.joined()
    }
}
