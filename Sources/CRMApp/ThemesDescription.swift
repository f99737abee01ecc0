import TerminalUI

extension ThemeLoader {
    /// A style in the words a theme file uses: `bright-white on blue, bold`, `#ffaf00`,
    /// `reverse`, or `terminal default` when the style changes nothing.
    public static func describe(_ style: TextStyle) -> String {
        var parts: [String] = []
        switch (style.foreground, style.background) {
        case (.default, .default): break
        case (let fg, .default): parts.append(name(of: fg))
        case (let fg, let bg): parts.append("\(name(of: fg)) on \(name(of: bg))")
        }
        parts += TextAttributes.names.filter { style.attributes.contains($0.1) }.map(\.0)
        return parts.isEmpty ? "terminal default" : parts.joined(separator: ", ")
    }

    /// The spelling a theme file would use for `color`.
    public static func name(of color: TermColor) -> String {
        switch color {
        case .default:
            return "default"
        case .indexed(let n) where n < 8:
            return colorNames[Int(n)]
        case .indexed(let n) where n < 16:
            return "bright-" + colorNames[Int(n) - 8]
        case .indexed(let n):
            return String(n)
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }
}
