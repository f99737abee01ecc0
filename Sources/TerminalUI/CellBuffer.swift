/// One terminal cell. A wide glyph occupies its cell and a continuation cell
/// after it (`width == 0`, empty text), so columns never drift.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: UInt8
    public var role: Role

    public init(text: String = " ", width: UInt8 = 1, role: Role = .text) {
        self.text = text
        self.width = width
        self.role = role
    }

    public var isContinuation: Bool { width == 0 }
    static func continuation(_ role: Role) -> Cell { Cell(text: "", width: 0, role: role) }
}

/// A screen's worth of cells. Views draw into it; backends present it.
/// Every string drawn passes the `Sanitizer`, so data can never reach the terminal raw.
public struct CellBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(size: Size, role: Role = .text) {
        width = max(0, size.width)
        height = max(0, size.height)
        cells = Array(repeating: Cell(role: role), count: width * height)
    }

    public var size: Size { Size(width: width, height: height) }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Draws `text` from column `x`, clipped to `maxWidth` columns and to the buffer.
    /// Returns the columns used. A wide glyph that would straddle the clip edge is
    /// replaced by a space rather than split.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = maxWidth.map { min(width, saturatingSum(x, max(0, $0))) } ?? width
        var col = x
        for ch in Sanitizer.clean(text) {
            // The sanitiser leaves no zero-width grapheme; 1 is a guard, not a layout rule.
            let w = min(2, max(1, DisplayWidth.of(ch)))
            if col + w > limit {
                if col < limit, col >= 0 { write(Cell(text: " ", width: 1, role: role), x: col, y: y) }
                return max(0, min(limit, col + 1) - x)
            }
            if col >= 0 {
                write(Cell(text: String(ch), width: UInt8(w), role: role), x: col, y: y)
            } else if col + w > 0 {
                // Half of this glyph falls left of column 0: draw neither half, but do not
                // leave what was under the visible half there either.
                write(Cell(text: " ", width: 1, role: role), x: 0, y: y)
            }
            col += w
        }
        return col - x
    }

    /// Draws `text` cut to `width` columns with an ellipsis when it does not fit,
    /// padded with spaces to exactly `width`.
    @discardableResult
    public mutating func put(padded text: String, x: Int, y: Int, width w: Int, role: Role,
                             alignRight: Bool = false) -> Int {
        let fitted = Text.truncate(Sanitizer.clean(text), to: w)
        let pad = max(0, w - DisplayWidth.of(fitted))
        if alignRight {
            fill(Rect(x: x, y: y, width: pad, height: 1), role: role)
            put(fitted, x: x + pad, y: y, role: role, maxWidth: w - pad)
        } else {
            let used = put(fitted, x: x, y: y, role: role, maxWidth: w)
            fill(Rect(x: x + used, y: y, width: w - used, height: 1), role: role)
        }
        return w
    }

    /// Fills `rect` (clipped to the buffer) with `char`. The character is sanitised like
    /// any drawn text; a wide one is laid in pairs of columns, with a space where only
    /// one column is left.
    public mutating func fill(_ rect: Rect, role: Role, with char: Character = " ") {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let glyph = Self.fillGlyph(char, role: role)
        let blank = Cell(text: " ", width: 1, role: role)
        for yy in y0..<y1 {
            var xx = x0
            while xx < x1 {
                let cell = glyph.width == 2 && xx + 1 >= x1 ? blank : glyph
                write(cell, x: xx, y: yy)
                xx += Int(cell.width)
            }
        }
    }

    /// Changes the role of cells without touching their text (selection bars, flashes).
    /// A wide glyph cut by the edge of `rect` is restyled whole: it is drawn in one role.
    public mutating func restyle(_ rect: Rect, role: Role) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 {
            let row = yy * width
            let lo = x0 > 0 && cells[row + x0].isContinuation ? x0 - 1 : x0
            let hi = x1 < width && cells[row + x1].isContinuation ? x1 + 1 : x1
            for xx in lo..<hi { cells[row + xx].role = role }
        }
    }

    /// Writes one cell (and the continuation after a wide one). Any wide glyph the new
    /// cell overlaps is blanked whole, so no stray half-glyph remains.
    private mutating func write(_ cell: Cell, x: Int, y: Int) {
        let span = cell.width == 2 ? 2 : 1
        for xx in x..<(x + span) { blankWideGlyph(coveringX: xx, y: y) }
        let i = y * width + x
        cells[i] = cell
        if span == 2 { cells[i + 1] = .continuation(cell.role) }
    }

    private mutating func blankWideGlyph(coveringX x: Int, y: Int) {
        let i = y * width + x
        let old = cells[i]
        if old.isContinuation {
            cells[i] = Cell(text: " ", width: 1, role: old.role)
            if x > 0 { cells[i - 1] = Cell(text: " ", width: 1, role: cells[i - 1].role) }
        } else if old.width == 2 {
            cells[i] = Cell(text: " ", width: 1, role: old.role)
            if x + 1 < width { cells[i + 1] = Cell(text: " ", width: 1, role: cells[i + 1].role) }
        }
    }

    private static func fillGlyph(_ char: Character, role: Role) -> Cell {
        let cleaned = Sanitizer.clean(String(char))
        guard cleaned.count == 1, let c = cleaned.first else { return Cell(text: " ", width: 1, role: role) }
        return Cell(text: cleaned, width: DisplayWidth.of(c) == 2 ? 2 : 1, role: role)
    }

    /// The text of each row, wide glyphs once each.
    public func textLines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
            return line
        }
    }

    /// One letter per column for each row; continuation cells repeat their glyph's letter.
    public func roleLines() -> [String] {
        (0..<height).map { y in String((0..<width).map { self[$0, y].role.letter }) }
    }

    /// Text rows with trailing spaces removed, joined with newlines, as `snapshot` prints them.
    /// Built as UTF-8 bytes in one pass over the cells: trimming each line's String from the
    /// end, a Character at a time, cost a large snapshot a tenth of its time.
    public func plainText() -> String {
        guard height > 0 else { return "\n" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cells.count + height)
        cells.withUnsafeBufferPointer { all in
            for y in 0..<height {
                let lineStart = bytes.count
                var kept = lineStart
                for cell in all[(y * width)..<((y + 1) * width)] where !cell.isContinuation {
                    bytes.append(contentsOf: cell.text.utf8)
                    if cell.text != " " { kept = bytes.count }
                }
                // What stays of the line is all but its trailing spaces.
                while bytes.count > kept, bytes.last == 0x20 { bytes.removeLast() }
                bytes.append(0x0A)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
