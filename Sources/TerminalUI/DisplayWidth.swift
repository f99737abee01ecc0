/// Column widths computed in pure Swift, so layout does not depend on the
/// process locale or the C library's `wcwidth` tables.
public enum DisplayWidth {
    /// Columns one scalar occupies when drawn on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        // Conjoining Hangul medial vowels and final consonants join the syllable before them.
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns one grapheme cluster occupies: its first spacing scalar decides;
    /// marks, joiners and modifiers that follow add nothing.
    public static func of(_ character: Character) -> Int {
        for scalar in character.unicodeScalars {
            let w = of(scalar)
            if w > 0 { return w }
        }
        return 0
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// East Asian Wide and Fullwidth ranges (EastAsianWidth.txt), beyond what emoji
    /// presentation covers. Unassigned code points inside these blocks count as wide,
    /// as EastAsianWidth.txt defaults them. The Enclosed CJK and emoji blocks are not
    /// listed wholesale: their text-presentation symbols (🌡 U+1F321, 🖥 U+1F5A5 …) are
    /// narrow in terminals, and the sanitiser strips the U+FE0F that would widen them.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x3247,
             0x3250...0x4DBF, 0x4E00...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x16FE0...0x16FFF, 0x17000...0x18DFF, 0x1AFF0...0x1B2FF,
             0x1F200...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
