/// The design of the big numerals: one 3×5 grid per glyph, drawn at any size by stretching
/// its bands rather than its pixels. Rows are three bars (top, middle, bottom) with two
/// counters between them; columns are two strokes with a counter between (or, for `1`,
/// a stem between two sides). Bars and strokes keep a thickness that grows slowly with the
/// height, counters take the rest, so a digit 27 rows high is as crisp as one 5 rows high,
/// only larger: every cell is either ink or blank.
enum BigDigitGlyphs {
    /// `#` ink, `.` blank; `o` a dot of stroke size in the middle of its band (the colon);
    /// `^` ink in the band's first bar-thick rows only (the flag of the `1`).
    static let font: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "^#.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", "###", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", "..#", "..#"],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        ":": [".", "o", ".", "o", "."],
        "-": ["...", "...", "###", "...", "..."],
        ".": [".", ".", ".", ".", "#"],
        " ": [".", ".", ".", ".", "."],
    ]

    static let unknown = ["...", "...", "...", "...", "..."]

    static func glyph(_ ch: Character) -> [String] { font[ch] ?? unknown }

    /// How wide each band is and how tall, for one height of at least 5 rows.
    struct Metrics: Equatable {
        let rows: Int
        /// Rows of a bar; columns of a stroke are twice as many, cells being about twice as
        /// tall as wide, so strokes look as thick as bars.
        let bar: Int
        var stroke: Int { 2 * bar }
        /// A digit's columns: about 0.6 of its height once cells are seen as half as wide.
        let digitWidth: Int
        /// Blank columns between glyphs: enough to tell them apart, less than a stroke once
        /// strokes are thick, so the digits can be larger in the same width.
        var gap: Int { max(2, stroke / 2) }
        /// Heights of the five row bands, top to bottom; the lower counter takes the odd row.
        let bands: [Int]

        init(rows: Int) {
            self.rows = rows
            bar = max(1, (rows + 5) / 8)
            digitWidth = (6 * rows + 2) / 5
            let counters = rows - 3 * bar
            bands = [bar, counters / 2, bar, counters - counters / 2, bar]
        }

        /// Widths of a glyph's column bands.
        func columns(of glyph: [String], isOne: Bool) -> [Int] {
            guard glyph[0].count == 3 else { return [stroke] }
            if isOne {
                let side = (digitWidth - stroke) / 2
                return [side, stroke, digitWidth - stroke - side]
            }
            return [stroke, digitWidth - 2 * stroke, stroke]
        }

        func width(of ch: Character) -> Int {
            let g = BigDigitGlyphs.glyph(ch)
            return columns(of: g, isOne: ch == "1").reduce(0, +)
        }
    }

    /// The rows of one glyph at `metrics`, `ink` for each inked cell.
    static func draw(_ ch: Character, _ m: Metrics, ink: Character) -> [String] {
        let g = glyph(ch)
        let widths = m.columns(of: g, isOne: ch == "1")
        var lines: [String] = []
        lines.reserveCapacity(m.rows)
        for (band, height) in m.bands.enumerated() {
            let pixels = Array(g[band])
            for row in 0..<height {
                var line = ""
                for (column, width) in widths.enumerated() {
                    for x in 0..<width {
                        let inked = isInk(pixels[column], band: band, row: row, of: height, x: x, of: width, m)
                        line.append(inked ? ink : " ")
                    }
                }
                lines.append(line)
            }
        }
        return lines
    }

    private static func isInk(_ pixel: Character, band: Int, row: Int, of height: Int, x: Int, of width: Int,
                              _ m: Metrics) -> Bool {
        switch pixel {
        case "#": return true
        case "^": return row < m.bar
        case "o":
            // Where a counter cannot centre a dot exactly, it leans towards the middle bar, so
            // the colon's two dots sit evenly about it.
            let top = band < 2 ? (height - m.bar + 1) / 2 : (height - m.bar) / 2
            let left = (width - m.stroke) / 2
            return (top..<top + m.bar).contains(row) && (left..<left + m.stroke).contains(x)
        default: return false
        }
    }
}
