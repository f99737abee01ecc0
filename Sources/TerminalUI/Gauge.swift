/// A one-row progress bar: filled cells in `filledRole`, the rest in `emptyRole`.
///
/// The fraction may be anything: below 0 or NaN draws an empty bar, 1 or more
/// (an overrun KPI, an SLA past its target) a full one. The bar is filled by whole
/// eighths rounded down, so it only looks full when the fraction really is 1.
public struct Gauge: Equatable, Sendable {
    public var fraction: Double
    /// `#` and `-` instead of `█`, `░` and the eighth blocks, for terminals without UTF-8.
    public var ascii: Bool
    public var filledRole: Role
    public var emptyRole: Role

    public init(fraction: Double, ascii: Bool = false,
                filledRole: Role = .gaugeFilled, emptyRole: Role = .gaugeEmpty) {
        self.fraction = fraction
        self.ascii = ascii
        self.filledRole = filledRole
        self.emptyRole = emptyRole
    }

    /// Left-side eighth blocks, index = eighths filled (1…7).
    static let partialBlocks: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The fraction drawn: 0…1.
    public var clampedFraction: Double {
        fraction.isNaN ? 0 : min(1, max(0, fraction))
    }

    /// How many eighths of a cell are filled in a bar `width` columns wide; whole
    /// cells only (multiples of 8) in ASCII mode.
    public func filledEighths(width: Int) -> Int {
        guard width > 0 else { return 0 }
        let cells = Double(width)
        // The epsilon keeps 0.3 × 10 × 8 = 23.999… from losing an eighth to rounding.
        let exact = clampedFraction * cells * 8 + 1e-9
        let eighths = min(width * 8, Int(exact.rounded(.down)))
        return ascii ? eighths / 8 * 8 : eighths
    }

    /// Columns in `filledRole`, counting a partly filled cell.
    public func filledColumns(width: Int) -> Int {
        let e = filledEighths(width: width)
        return e / 8 + (e % 8 > 0 ? 1 : 0)
    }

    /// The bar as exactly `width` one-column characters.
    public func text(width: Int) -> String {
        guard width > 0 else { return "" }
        let e = filledEighths(width: width)
        let full = e / 8, partial = e % 8
        var s = String(repeating: ascii ? "#" : "█", count: full)
        if partial > 0 { s.append(Self.partialBlocks[partial]) }
        let empty = width - full - (partial > 0 ? 1 : 0)
        s += String(repeating: ascii ? "-" : "░", count: empty)
        return s
    }
}

extension CellBuffer {
    /// Draws `gauge` at (`x`, `y`), `width` columns wide, clipped to the buffer.
    @discardableResult
    public mutating func draw(_ gauge: Gauge, x: Int, y: Int, width: Int) -> Int {
        guard width > 0 else { return 0 }
        let text = gauge.text(width: width)
        let filled = gauge.filledColumns(width: width)
        put(String(text.prefix(filled)), x: x, y: y, role: gauge.filledRole, maxWidth: filled)
        put(String(text.dropFirst(filled)), x: x + filled, y: y, role: gauge.emptyRole,
            maxWidth: width - filled)
        return width
    }

    /// Draws a progress bar for `fraction` (0…∞), `width` columns wide.
    @discardableResult
    public mutating func drawGauge(_ fraction: Double, x: Int, y: Int, width: Int,
                                   ascii: Bool = false) -> Int {
        draw(Gauge(fraction: fraction, ascii: ascii), x: x, y: y, width: width)
    }
}
