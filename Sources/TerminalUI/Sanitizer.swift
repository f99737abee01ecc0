/// Makes text from data safe to draw: nothing in it can move the cursor,
/// change colours, reorder a line or hide in a zero-width gap.
public enum Sanitizer {
    /// Shown where something unsafe was removed.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    public static func clean(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let s = pending {
            pending = scalars.next()
            switch s.value {
            case 0x09, 0x0A, 0x0D:
                out.append(" ")
            case 0x1B:
                // Swallow a whole escape sequence so its parameters do not show as text.
                pending = skipEscapeSequence(after: pending, in: &scalars)
                out.append(replacement)
            case 0x9B:  // C1 CSI
                pending = skipCSI(from: pending, in: &scalars)
                out.append(replacement)
            case 0x9D:  // C1 OSC
                pending = skipOSC(from: pending, in: &scalars)
                out.append(replacement)
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029:
                out.append(replacement)
            case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0x061C, 0xFEFF,
                 0xFE00...0xFE0F, 0xE0000...0xE007F:
                // Invisible: zero-width spaces and joiners, bidi controls, variation
                // selectors and tags. Dropped, so terminals and we agree on widths.
                continue
            default:
                out.append(s)
            }
        }
        return String(out)
    }

    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    private static func skipEscapeSequence(
        after next: Unicode.Scalar?, in it: inout String.UnicodeScalarView.Iterator
    ) -> Unicode.Scalar? {
        guard let n = next else { return nil }
        switch n {
        case "[": return skipCSI(from: it.next(), in: &it)
        case "]", "P", "X", "^", "_": return skipOSC(from: it.next(), in: &it)
        default:
            // Two-character escapes (ESC 7, ESC c, ESC ( B …): drop the intermediates and final.
            var c: Unicode.Scalar? = n
            while let x = c, (0x20...0x2F).contains(x.value) { c = it.next() }
            if let x = c, (0x30...0x7E).contains(x.value) { return it.next() }
            return c
        }
    }

    /// Parameters and intermediates, then one final byte in 0x40–0x7E.
    private static func skipCSI(
        from first: Unicode.Scalar?, in it: inout String.UnicodeScalarView.Iterator
    ) -> Unicode.Scalar? {
        var c = first
        while let x = c, (0x20...0x3F).contains(x.value) { c = it.next() }
        if let x = c, (0x40...0x7E).contains(x.value) { return it.next() }
        return c
    }

    /// A string command ends at BEL or ST (ESC \ or U+009C).
    private static func skipOSC(
        from first: Unicode.Scalar?, in it: inout String.UnicodeScalarView.Iterator
    ) -> Unicode.Scalar? {
        var c = first
        while let x = c {
            switch x.value {
            case 0x07, 0x9C: return it.next()
            case 0x1B:
                let n = it.next()
                return n == "\\" ? it.next() : n
            default: c = it.next()
            }
        }
        return nil
    }
}
