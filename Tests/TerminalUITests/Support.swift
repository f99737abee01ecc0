@testable import TerminalUI

/// SplitMix64: small, fast and the same on every platform, so a failing generated
/// case can be reproduced from its seed and index.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension CellBuffer {
    /// The row as one string, wide glyphs once each.
    func line(_ y: Int) -> String { textLines()[y] }

    /// Structural rules every buffer must keep, whatever was drawn: each wide glyph is
    /// followed by exactly one continuation cell, no continuation stands alone, each
    /// cell holds one grapheme as wide as the cell says, and no cell holds anything
    /// the sanitiser would have removed.
    func invariantViolations() -> [String] {
        var problems: [String] = []
        for y in 0..<height {
            for x in 0..<width {
                let c = self[x, y]
                let at = "(\(x),\(y))"
                if c.isContinuation {
                    if !c.text.isEmpty { problems.append("\(at) continuation with text") }
                    if x == 0 || self[x - 1, y].width != 2 { problems.append("\(at) orphan continuation") }
                    continue
                }
                if c.width == 2, x + 1 >= width || !self[x + 1, y].isContinuation {
                    problems.append("\(at) wide glyph without continuation")
                }
                if c.text.count != 1 { problems.append("\(at) holds \(c.text.count) graphemes") }
                if DisplayWidth.of(c.text) != Int(c.width) {
                    problems.append("\(at) \(c.text.debugDescription) is \(DisplayWidth.of(c.text)) wide, cell says \(c.width)")
                }
                if Sanitizer.clean(c.text) != c.text { problems.append("\(at) unsanitised \(c.text.debugDescription)") }
            }
        }
        return problems
    }
}

/// Scalars no cleaned string may contain.
func isForbidden(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029: return true  // C0, DEL, C1, line/paragraph separators
    case 0x034F, 0x180B...0x180F, 0xFE00...0xFE0F, 0xE0000...0xE0FFF: return true  // joiners, selectors, tags
    default:
        switch s.properties.generalCategory {
        case .format, .unassigned: return true  // bidi controls, zero-width spaces, BOM; unknown scalars
        default: return false
        }
    }
}

/// Columns a cell terminal gives a string: each grapheme goes into one cell (two for
/// a wide one) and its width is its first scalar's, the way ncurses' `setcchar` takes
/// a spacing character followed by combining ones.
func cellTerminalColumns(_ text: String) -> Int {
    text.reduce(0) { $0 + DisplayWidth.of($1.unicodeScalars.first!) }
}
