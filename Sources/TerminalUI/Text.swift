public enum Text {
    public static let ellipsis: Character = "…"

    /// Cuts `text` to at most `width` columns, ending in an ellipsis when anything
    /// was cut. Never splits a grapheme or a wide glyph.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        out.append(ellipsis)
        return out
    }

    /// Pads or truncates to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let t = truncate(text, to: width)
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(t)))
        return alignRight ? pad + t : t + pad
    }
}

extension Text {
    /// Breaks `text` into lines of at most `width` columns at spaces; a word wider than a
    /// line is split where the line ends. Never splits a grapheme.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let joined = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(joined) <= width {
                line = joined
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            for ch in word {
                if DisplayWidth.of(line) + DisplayWidth.of(ch) > width, !line.isEmpty {
                    lines.append(line)
                    line = ""
                }
                line.append(ch)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
