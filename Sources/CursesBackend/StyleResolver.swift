import CNcursesw
import TerminalUI

/// What `setcchar` needs for one role.
struct ResolvedStyle {
    var attributes: attr_t
    /// An extended colour pair number; 0 is the terminal's default colours.
    var pair: Int32
}

/// Resolves roles lazily while drawing, creating a colour pair the first time a
/// (foreground, background) combination is needed. Pairs are finite (64 on an
/// 8-colour `screen`), so once they run out a style keeps its attributes only.
struct StyleResolver {
    /// nil when colours are off: monochrome terminal or `NO_COLOR`.
    private let mapper: ColorMapper?
    /// The colours pair 0 already has; -1/-1 when `use_default_colors` worked.
    private let defaultColors: (fg: Int32, bg: Int32)
    private let pairLimit: Int32

    private var palette = Palette(styles: [:])
    private var resolved: [Role: ResolvedStyle] = [:]
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1

    private struct PairKey: Hashable {
        var fg: Int32
        var bg: Int32
    }

    init(colors: Int, pairs: Int, defaultColorsWork: Bool) {
        mapper = colors > 0 && pairs > 1 ? ColorMapper(colors: colors) : nil
        // Without default-colour support pair 0 is white on black, and -1 is rejected.
        defaultColors = defaultColorsWork ? (-1, -1) : (7, 0)
        pairLimit = Int32(clamping: pairs)
    }

    /// Starts over: pair numbers are reused, which is safe because a new palette
    /// repaints every cell anyway.
    mutating func setPalette(_ newPalette: Palette) {
        palette = newPalette
        resolved = [:]
        pairs = [:]
        nextPair = 1
    }

    mutating func style(for role: Role) -> ResolvedStyle {
        if let known = resolved[role] { return known }
        let style = palette.style(for: role)
        var result = ResolvedStyle(attributes: Self.attributes(style.attributes), pair: 0)
        if let mapper {
            var fg = mapper.number(for: style.foreground)
            var bg = mapper.number(for: style.background)
            if fg < 0 { fg = defaultColors.fg }
            if bg < 0 { bg = defaultColors.bg }
            result.pair = pair(fg: fg, bg: bg) ?? 0
        }
        resolved[role] = result
        return result
    }

    private mutating func pair(fg: Int32, bg: Int32) -> Int32? {
        if fg == defaultColors.fg && bg == defaultColors.bg { return 0 }
        let key = PairKey(fg: fg, bg: bg)
        if let known = pairs[key] { return known }
        guard nextPair < pairLimit, init_extended_pair(nextPair, fg, bg) == cn_OK() else { return nil }
        pairs[key] = nextPair
        nextPair += 1
        return nextPair - 1
    }

    static func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = cn_A_NORMAL()
        if attributes.contains(.bold) { result |= cn_A_BOLD() }
        if attributes.contains(.dim) { result |= cn_A_DIM() }
        if attributes.contains(.underline) { result |= cn_A_UNDERLINE() }
        if attributes.contains(.reverse) { result |= cn_A_REVERSE() }
        if attributes.contains(.italic) { result |= cn_A_ITALIC() }
        if attributes.contains(.blink) { result |= cn_A_BLINK() }
        return result
    }
}
