/// A colour as a theme names it; backends degrade it to what the terminal has.
public enum TermColor: Equatable, Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// 0–15 are the ANSI colours, 16–255 the xterm cube and greys.
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)
}

public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
    public static let blink = TextAttributes(rawValue: 1 << 5)

    public static let names: [(String, TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline),
        ("reverse", .reverse), ("italic", .italic), ("blink", .blink),
    ]
}

public struct TextStyle: Equatable, Hashable, Sendable {
    public var foreground: TermColor
    public var background: TermColor
    public var attributes: TextAttributes

    public init(foreground: TermColor = .default, background: TermColor = .default,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A resolved theme: a style for every role.
public struct Palette: Equatable, Sendable {
    public var styles: [Role: TextStyle]

    public init(styles: [Role: TextStyle]) { self.styles = styles }

    public func style(for role: Role) -> TextStyle { styles[role] ?? TextStyle() }
}
