import TerminalUI

/// Columns for text output. Cells come from data, so they are sanitised: a title must not
/// be able to move the cursor or recolour the terminal it is printed on.
enum TextTable {
    /// Each column padded to its widest cell, two spaces apart; lines end at their last text.
    static func render(_ rows: [[String]]) -> String {
        let clean = rows.map { $0.map(Sanitizer.clean) }
        var widths: [Int] = []
        for row in clean {
            for (n, cell) in row.enumerated() {
                let w = DisplayWidth.of(cell)
                if n < widths.count { widths[n] = max(widths[n], w) } else { widths.append(w) }
            }
        }
        return clean.map { row in
            var line = row.enumerated().map { n, cell in
                cell + String(repeating: " ", count: widths[n] - DisplayWidth.of(cell))
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
