/// Large numerals for a wall display: digits, `:`, `-`, `.` and space, from one design
/// (`BigDigitGlyphs`) drawn at any height. Three rows use half blocks (▀▄█), a font pixel
/// being one column by half a row; five rows and more use whole blocks (█), the design's
/// bands stretched to the height, so the digits grow with the screen: 5, 7, 9, 11 … rows.
///
/// Any other character takes a digit's width and draws nothing, so a caller's layout
/// does not jump when a value it did not expect turns up.
public enum BigDigits {
    public struct Height: Hashable, Comparable, Sendable, CustomStringConvertible {
        public let rows: Int

        /// Three rows, in half blocks.
        public static let small = Height(rows: 3)!
        /// The smallest height in whole blocks.
        public static let large = Height(rows: 5)!

        /// 3, or any odd number of rows from 5: the middle bar needs a middle row.
        public init?(rows: Int) {
            guard rows == 3 || (rows >= 5 && rows % 2 == 1) else { return nil }
            self.rows = rows
        }

        /// Every height up to `rows`, smallest first.
        public static func all(upTo rows: Int) -> [Height] {
            rows < 3 ? [] : (3...rows).compactMap(Height.init(rows:))
        }

        public static func < (a: Height, b: Height) -> Bool { a.rows < b.rows }

        public var description: String { "\(rows) rows" }

        var metrics: BigDigitGlyphs.Metrics? { rows >= 5 ? BigDigitGlyphs.Metrics(rows: rows) : nil }
    }

    /// Seven-segment digits from `_` and `|` for terminals without UTF-8 at the small size.
    static let asciiSmall: [Character: [String]] = [
        "0": [" _ ", "| |", "|_|"],
        "1": ["   ", "  |", "  |"],
        "2": [" _ ", " _|", "|_ "],
        "3": [" _ ", " _|", " _|"],
        "4": ["   ", "|_|", "  |"],
        "5": [" _ ", "|_ ", " _|"],
        "6": [" _ ", "|_ ", "|_|"],
        "7": [" _ ", "  |", "  |"],
        "8": [" _ ", "|_|", "|_|"],
        "9": [" _ ", "|_|", " _|"],
        ":": [" ", ".", "."],
        "-": ["   ", " _ ", "   "],
        ".": [" ", " ", "."],
        " ": [" ", " ", " "],
    ]

    /// The rows of `text` at `height`: exactly `height.rows` strings, each one column
    /// per character, all `size(of:height:).width` columns wide.
    public static func lines(_ text: String, height: Height, ascii: Bool = false) -> [String] {
        var rows = Array(repeating: "", count: height.rows)
        let gap = String(repeating: " ", count: gapWidth(height))
        for (i, ch) in text.enumerated() {
            let glyph: [String]
            if let m = height.metrics {
                glyph = BigDigitGlyphs.draw(ch, m, ink: ascii ? "#" : "█")
            } else {
                glyph = ascii ? asciiGlyph(ch) : halfBlocks(ch)
            }
            for r in 0..<height.rows {
                if i > 0 { rows[r] += gap }
                rows[r] += glyph[r]
            }
        }
        return rows
    }

    /// Columns and rows `text` takes at `height`, so callers can centre it.
    public static func size(of text: String, height: Height) -> Size {
        var width = 0
        for (i, ch) in text.enumerated() {
            width += (i == 0 ? 0 : gapWidth(height))
                + (height.metrics?.width(of: ch) ?? BigDigitGlyphs.glyph(ch)[0].count)
        }
        return Size(width: width, height: height.rows)
    }

    /// The tallest height at which `text` fits in `space`, or nil when none does.
    public static func largestHeight(for text: String, fitting space: Size) -> Height? {
        Height.all(upTo: space.height).reversed().first { size(of: text, height: $0).width <= space.width }
    }

    /// Blank columns between glyphs: one at the small size.
    private static func gapWidth(_ height: Height) -> Int { height.metrics?.gap ?? 1 }

    private static func asciiGlyph(_ ch: Character) -> [String] {
        asciiSmall[ch] ?? Array(repeating: String(repeating: " ", count: BigDigitGlyphs.glyph(ch)[0].count), count: 3)
    }

    /// The design's five pixel rows in three rows of half blocks (the last half row blank).
    private static func halfBlocks(_ ch: Character) -> [String] {
        let pixels = BigDigitGlyphs.glyph(ch).map { $0.map { $0 != "." } }
        return (0..<3).map { r in
            String(pixels[0].indices.map { c -> Character in
                let top = pixels[2 * r][c]
                let bottom = 2 * r + 1 < 5 && pixels[2 * r + 1][c]
                switch (top, bottom) {
                case (true, true): return "█"
                case (true, false): return "▀"
                case (false, true): return "▄"
                case (false, false): return " "
                }
            })
        }
    }
}

extension CellBuffer {
    /// Draws `text` in big digits with its top-left corner at (`x`, `y`), clipped to the
    /// buffer. Blank pixels are drawn as spaces in `role`. Returns the size drawn.
    @discardableResult
    public mutating func drawBigDigits(_ text: String, x: Int, y: Int, height: BigDigits.Height,
                                       role: Role, ascii: Bool = false) -> Size {
        let rows = BigDigits.lines(text, height: height, ascii: ascii)
        let size = BigDigits.size(of: text, height: height)
        for (r, line) in rows.enumerated() {
            put(line, x: x, y: y + r, role: role, maxWidth: size.width)
        }
        return size
    }

    /// Draws `text` centred in `rect` at the largest size that fits; when even the small
    /// size does not fit, as plain text (truncated) on the middle row. Returns the
    /// rectangle drawn in.
    @discardableResult
    public mutating func drawBigDigits(_ text: String, centeredIn rect: Rect, role: Role,
                                       ascii: Bool = false) -> Rect {
        if let h = BigDigits.largestHeight(for: text, fitting: Size(width: rect.width, height: rect.height)) {
            let size = BigDigits.size(of: text, height: h)
            let area = rect.centered(width: size.width, height: size.height)
            drawBigDigits(text, x: area.x, y: area.y, height: h, role: role, ascii: ascii)
            return area
        }
        let plain = Text.truncate(Sanitizer.clean(text), to: rect.width)
        let area = rect.centered(width: DisplayWidth.of(plain), height: 1)
        put(plain, x: area.x, y: area.y, role: role, maxWidth: area.width)
        return area
    }
}
