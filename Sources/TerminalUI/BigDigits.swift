/// Large numerals for a wall display: digits, `:`, `-`, `.` and space, drawn from one
/// 3×5 pixel font at two sizes. Terminal cells are about twice as tall as wide, so a
/// pixel is one column by half a row (`.small`, 3 rows, ▀▄█) or two columns by one
/// row (`.large`, 5 rows, ██); either way the pixels are roughly square.
///
/// Any other character takes a digit's width and draws nothing, so a caller's layout
/// does not jump when a value it did not expect turns up.
public enum BigDigits {
    public enum Height: Int, CaseIterable, Sendable {
        case small = 3
        case large = 5

        public var rows: Int { rawValue }
        /// Columns per font pixel.
        var pixelWidth: Int { self == .small ? 1 : 2 }
    }

    /// Glyph bitmaps, five rows of equal length; `#` is ink.
    static let font: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", "###", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", "..#", "..#"],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        ":": [".", "#", ".", "#", "."],
        "-": ["...", "...", "###", "...", "..."],
        ".": [".", ".", ".", ".", "#"],
        " ": [".", ".", ".", ".", "."],
    ]

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

    static let unknown = ["...", "...", "...", "...", "..."]

    /// The rows of `text` at `height`: exactly `height.rows` strings, each one column
    /// per character, all `size(of:height:).width` columns wide.
    public static func lines(_ text: String, height: Height, ascii: Bool = false) -> [String] {
        var rows = Array(repeating: "", count: height.rows)
        for (i, ch) in text.enumerated() {
            let bitmap = font[ch] ?? unknown
            let gap = i == 0 ? 0 : height.pixelWidth
            for r in 0..<height.rows {
                rows[r] += String(repeating: " ", count: gap)
                rows[r] += glyphRow(r, of: bitmap, char: ch, height: height, ascii: ascii)
            }
        }
        return rows
    }

    /// Columns and rows `text` takes at `height`, so callers can centre it.
    public static func size(of text: String, height: Height) -> Size {
        var width = 0
        for (i, ch) in text.enumerated() {
            let pixels = (font[ch] ?? unknown)[0].count
            width += (pixels + (i == 0 ? 0 : 1)) * height.pixelWidth
        }
        return Size(width: width, height: height.rows)
    }

    /// The tallest size at which `text` fits in `space`, or nil when none does.
    public static func largestHeight(for text: String, fitting space: Size) -> Height? {
        Height.allCases.sorted { $0.rows > $1.rows }.first { h in
            let s = size(of: text, height: h)
            return s.width <= space.width && s.height <= space.height
        }
    }

    private static func glyphRow(_ r: Int, of bitmap: [String], char: Character,
                                 height: Height, ascii: Bool) -> String {
        let pixels = bitmap.map { $0.map { $0 == "#" } }
        let columns = pixels[0].count
        switch (height, ascii) {
        case (.small, false):
            let top = 2 * r, bottom = 2 * r + 1
            return String((0..<columns).map { c -> Character in
                let t = top < 5 && pixels[top][c]
                let b = bottom < 5 && pixels[bottom][c]
                switch (t, b) {
                case (true, true): return "█"
                case (true, false): return "▀"
                case (false, true): return "▄"
                case (false, false): return " "
                }
            })
        case (.small, true):
            return asciiSmall[char]?[r] ?? String(repeating: " ", count: columns)
        case (.large, _):
            let ink = ascii ? "##" : "██"
            return pixels[r].map { $0 ? ink : "  " }.joined()
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
