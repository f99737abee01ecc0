/// How keys are written for people: in the footer, the help, the README and the
/// config file. `Key(name:)` reads back everything `label` writes.
extension Key {
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-" + c.uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .insert: "Insert"
        case .function(let n): "F\(n)"
        }
    }

    /// A one-line label for a list of keys, as the footer and help show them.
    public static func label(_ keys: [Key]) -> String {
        keys.map(\.label).joined(separator: " ")
    }

    /// Names of keys that are not a single character, lower-cased.
    private static let named: [String: Key] = [
        "space": .char(" "), "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end, "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace,
        "delete": .delete, "del": .delete, "insert": .insert, "ins": .insert,
        "↑": .up, "↓": .down, "←": .left, "→": .right,
    ]

    /// What the terminal sends for these Ctrl keys is another key, or a signal.
    private static let unusableControl: [Character: String] = [
        "c": "Ctrl-C interrupts and always quits", "z": "Ctrl-Z suspends the program",
        "\\": "Ctrl-\\ sends SIGQUIT",
        "i": "Ctrl-I is the same key as Tab", "m": "Ctrl-M is the same key as Enter",
        "j": "Ctrl-J is the same key as Enter", "h": "Ctrl-H is the same key as Backspace",
        "[": "Ctrl-[ is the same key as Esc",
    ]

    /// Reads a key as people write it: one character (`q`, `?`, `Q` differs from `q`),
    /// a name (`Enter`, `Esc`, `Space`, `PgDn`, `F5`, any letter case), or `Ctrl-` and a
    /// letter. Throws a message saying what is wrong.
    public init(name: String) throws(KeyNameError) {
        // " " is the space bar; around a name, spaces are forgiven.
        if name == " " { self = .char(" "); return }
        let text = String(name.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        guard !text.isEmpty else { throw KeyNameError("an empty key name") }
        let lower = text.lowercased()
        if let key = Self.named[lower] { self = key; return }
        if text.count == 1, let c = text.first {
            // Terminals send control characters as Ctrl keys, Tab, Enter or Esc, never as themselves.
            guard !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw KeyNameError("a control character is not a key; write Ctrl- and a letter, Tab, Enter or Esc")
            }
            self = .char(c)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        if lower.hasPrefix("ctrl-") || lower.hasPrefix("ctrl+") || lower.hasPrefix("c-") {
            let rest = lower.drop { $0 != "-" && $0 != "+" }.dropFirst()
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter || "@\\]^_[".contains(c) else {
                throw KeyNameError("\"\(text)\": Ctrl goes with one letter, as in Ctrl-S")
            }
            if let why = Self.unusableControl[c] { throw KeyNameError("\"\(text)\": \(why)") }
            self = .ctrl(c)
            return
        }
        throw KeyNameError("\"\(text)\" is not a key; write one character (q, ?, G), a name "
                           + "(Enter, Esc, Tab, Shift-Tab, Space, Backspace, Up, Down, Left, Right, "
                           + "PgUp, PgDn, Home, End, Insert, Delete, F1–F12) or Ctrl- and a letter")
    }
}

public struct KeyNameError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
