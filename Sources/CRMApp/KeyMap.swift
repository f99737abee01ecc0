import TerminalUI

/// What a key asks for, independent of which key it was.
public enum Command: String, CaseIterable, Sendable {
    case focusNext, focusPrevious
    case up, down, pageUp, pageDown, top, bottom
    case details, acknowledge, help, close, quit
}

public enum KeyScope: String, Sendable {
    /// Works anywhere on the dashboard.
    case dashboard
    /// Works when the reminders pane has focus.
    case reminders
    /// Works while a help or details overlay is open.
    case overlay
}

public struct KeyBinding: Sendable {
    public var command: Command
    public var keys: [Key]
    /// How the keys are written in the footer, help and README.
    public var keyLabel: String
    public var summary: String
    /// Shown in the footer when set (short).
    public var hint: String?
    public var scope: KeyScope
}

/// The one table of keys. The footer, the `?` overlay and the README's key list
/// are all generated from it, so they cannot disagree.
public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(command: .focusNext, keys: [.tab], keyLabel: "Tab",
                   summary: "focus the next pane", hint: "pane", scope: .dashboard),
        KeyBinding(command: .focusPrevious, keys: [.backTab], keyLabel: "Shift-Tab",
                   summary: "focus the previous pane", hint: nil, scope: .dashboard),
        KeyBinding(command: .up, keys: [.up, .char("k")], keyLabel: "↑ k",
                   summary: "select the row above", hint: nil, scope: .dashboard),
        KeyBinding(command: .down, keys: [.down, .char("j")], keyLabel: "↓ j",
                   summary: "select the row below", hint: "move", scope: .dashboard),
        KeyBinding(command: .pageUp, keys: [.pageUp], keyLabel: "PgUp",
                   summary: "one page up", hint: nil, scope: .dashboard),
        KeyBinding(command: .pageDown, keys: [.pageDown], keyLabel: "PgDn",
                   summary: "one page down", hint: nil, scope: .dashboard),
        KeyBinding(command: .top, keys: [.char("g"), .home], keyLabel: "g Home",
                   summary: "first row", hint: nil, scope: .dashboard),
        KeyBinding(command: .bottom, keys: [.char("G"), .end], keyLabel: "G End",
                   summary: "last row", hint: nil, scope: .dashboard),
        KeyBinding(command: .details, keys: [.enter], keyLabel: "Enter",
                   summary: "details of the selected row", hint: "details", scope: .dashboard),
        KeyBinding(command: .acknowledge, keys: [.char("a"), .char(" ")], keyLabel: "a Space",
                   summary: "acknowledge the selected reminder for you", hint: "ack", scope: .reminders),
        KeyBinding(command: .help, keys: [.char("?")], keyLabel: "?",
                   summary: "show or hide this help", hint: "help", scope: .dashboard),
        KeyBinding(command: .quit, keys: [.char("q")], keyLabel: "q",
                   summary: "quit", hint: "quit", scope: .dashboard),
        KeyBinding(command: .close, keys: [.escape, .char("q"), .enter, .char("?")], keyLabel: "Esc q",
                   summary: "close the overlay", hint: "close", scope: .overlay),
    ]

    /// The bindings that apply right now, in table order.
    public static func active(focus: Pane, overlayOpen: Bool) -> [KeyBinding] {
        bindings.filter { b in
            switch b.scope {
            case .overlay: overlayOpen
            case .dashboard: !overlayOpen
            case .reminders: !overlayOpen && focus == .reminders
            }
        }
    }

    public static func resolve(_ key: Key, focus: Pane, overlayOpen: Bool) -> Command? {
        active(focus: focus, overlayOpen: overlayOpen).first { $0.keys.contains(key) }?.command
    }

    /// The README's key list, as a Markdown table.
    public static func markdownTable() -> String {
        var lines = ["| key | does | where |", "|---|---|---|"]
        for b in bindings {
            let keys = b.keyLabel.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
            let scope = switch b.scope {
            case .dashboard: "anywhere"
            case .reminders: "reminders pane"
            case .overlay: "help or details"
            }
            lines.append("| \(keys) | \(b.summary) | \(scope) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
