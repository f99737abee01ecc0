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
