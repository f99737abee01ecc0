import TerminalUI

/// Columns for text output. Cells come from data, so they are sanitised: a title must not
/// be able to move the cursor or recolour the terminal it is printed on.
enum TextTable {
    /// Each column padded to its widest cell, two spaces apart; lines end at their last text.
    static func render(_ rows: [[String]]) -> String {
        let clean = rows.map { $0.map(Sanitizer.clean) }
        let widths = widths(of: clean)
        return clean.map { line($0, widths: widths) }.joined(separator: "\n") + "\n"
    }

    /// The widest cell of each column, by display width, so names in any script line up.
    static func widths(of rows: [[String]]) -> [Int] {
        var widths: [Int] = []
        for row in rows {
            for (n, cell) in row.enumerated() {
                let w = DisplayWidth.of(cell)
                if n < widths.count { widths[n] = max(widths[n], w) } else { widths.append(w) }
            }
        }
        return widths
    }

    /// One row: each cell padded to its column's width (on the left where `alignRight` says
    /// so), two spaces apart, ending at its last text.
    static func line(_ cells: [String], widths: [Int], alignRight: (Int) -> Bool = { _ in false }) -> String {
        var line = cells.enumerated().map { n, cell in
            let pad = String(repeating: " ", count: max(0, widths[n] - DisplayWidth.of(cell)))
            return alignRight(n) ? pad + cell : cell + pad
        }.joined(separator: "  ")
        while line.last == " " { line.removeLast() }
        return line
    }
}
