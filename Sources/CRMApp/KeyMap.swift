import TerminalUI

/// What a key asks for, independent of which key it was.
public enum Command: String, CaseIterable, Sendable {
    case focusNext, focusPrevious
    case up, down, pageUp, pageDown, top, bottom
    case details, acknowledge, help, close, quit
    case undo, snooze, newItem, edit, delete, openLink, filter, toggleEveryone
    case respond, pauseResume, resolve, assign, escalate, cycleScope, cycleKind
    case previousPeriod, nextPeriod, toggleTeams, logActivity
    case cycleTheme
    /// In forms and menus.
    case nextField, previousField, submit, cancel, toggleShift, confirmYes
    /// On a form's choice field (priority, repeat).
    case previousChoice, nextChoice
}

public enum KeyScope: String, CaseIterable, Sendable {
    /// Works anywhere on the dashboard.
    case dashboard
    /// Works when the reminders pane has focus.
    case reminders
    /// Works when the cases pane has focus.
    case cases
    /// Works when the leaderboard has focus.
    case leaderboard
    /// Works while a help or details overlay is open.
    case overlay
    /// In a form (new or edit reminder, custom snooze).
    case form
    /// In a menu (snooze) or a yes/no question.
    case menu
    /// While typing a filter.
    case filter
    /// On the wall display, which changes nothing.
    case wall
}

public struct KeyBinding: Equatable, Sendable {
    public var command: Command
    public var keys: [Key]
    public var summary: String
    /// Shown in the footer when set (short).
    public var hint: String?
    public var scope: KeyScope

    /// Every key of the binding, as the help and the README write them.
    public var keyLabel: String { Key.label(keys) }
}

/// The one table of keys. The footer, the `?` overlay and the README's key list
/// are all generated from it, so they cannot disagree.
public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(command: .focusNext, keys: [.tab],
                   summary: "focus the next pane", hint: "pane", scope: .dashboard),
        KeyBinding(command: .focusPrevious, keys: [.backTab],
                   summary: "focus the previous pane", hint: nil, scope: .dashboard),
        KeyBinding(command: .up, keys: [.up, .char("k")],
                   summary: "select the row above", hint: nil, scope: .dashboard),
        KeyBinding(command: .down, keys: [.down, .char("j")],
                   summary: "select the row below", hint: "move", scope: .dashboard),
        KeyBinding(command: .pageUp, keys: [.pageUp],
                   summary: "one page up", hint: nil, scope: .dashboard),
        KeyBinding(command: .pageDown, keys: [.pageDown],
                   summary: "one page down", hint: nil, scope: .dashboard),
        KeyBinding(command: .top, keys: [.char("g"), .home],
                   summary: "first row", hint: nil, scope: .dashboard),
        KeyBinding(command: .bottom, keys: [.char("G"), .end],
                   summary: "last row", hint: nil, scope: .dashboard),
        KeyBinding(command: .details, keys: [.enter],
                   summary: "details of the selected row", hint: "details", scope: .dashboard),
        KeyBinding(command: .acknowledge, keys: [.char("a"), .char(" ")],
                   summary: "acknowledge the selected reminder for you", hint: "ack", scope: .reminders),
        KeyBinding(command: .snooze, keys: [.char("s")],
                   summary: "snooze it for you: 10 minutes, 1 hour, next working morning or a time",
                   hint: "snooze", scope: .reminders),
        KeyBinding(command: .newItem, keys: [.char("n")],
                   summary: "new reminder", hint: "new", scope: .reminders),
        KeyBinding(command: .edit, keys: [.char("e")],
                   summary: "edit the selected reminder", hint: nil, scope: .reminders),
        KeyBinding(command: .delete, keys: [.char("d")],
                   summary: "delete the selected reminder (asks first)", hint: nil, scope: .reminders),
        KeyBinding(command: .openLink, keys: [.char("o")],
                   summary: "open the reminder's link (xdg-open), or show it", hint: nil, scope: .reminders),
        KeyBinding(command: .toggleEveryone, keys: [.char("A")],
                   summary: "switch between your reminders and everyone's", hint: nil, scope: .reminders),
        KeyBinding(command: .respond, keys: [.char("r")],
                   summary: "record a response to the selected case", hint: "respond", scope: .cases),
        KeyBinding(command: .pauseResume, keys: [.char("p")],
                   summary: "pause it (waiting on the customer) or resume it", hint: "pause", scope: .cases),
        KeyBinding(command: .resolve, keys: [.char("x")],
                   summary: "resolve it (asks first)", hint: "resolve", scope: .cases),
        KeyBinding(command: .assign, keys: [.char("w")],
                   summary: "assign it to someone", hint: nil, scope: .cases),
        KeyBinding(command: .escalate, keys: [.char("E")],
                   summary: "escalate it one level", hint: nil, scope: .cases),
        KeyBinding(command: .cycleScope, keys: [.char("m")],
                   summary: "show all cases, mine, or my team's", hint: nil, scope: .cases),
        KeyBinding(command: .cycleKind, keys: [.char("f")],
                   summary: "show cases and feedback, cases only, or feedback only", hint: nil, scope: .cases),
        KeyBinding(command: .previousPeriod, keys: [.char("[")],
                   summary: "shorter period: year, quarter, month, week, day", hint: nil, scope: .leaderboard),
        KeyBinding(command: .nextPeriod, keys: [.char("]")],
                   summary: "longer period: day, week, month, quarter, year", hint: "period", scope: .leaderboard),
        KeyBinding(command: .toggleTeams, keys: [.char("t")],
                   summary: "people or teams", hint: "teams", scope: .leaderboard),
        KeyBinding(command: .logActivity, keys: [.char("l")],
                   summary: "log an activity for yourself (pick the KPI)", hint: "log", scope: .leaderboard),
        KeyBinding(command: .undo, keys: [.char("u")],
                   summary: "undo your last change", hint: "undo", scope: .dashboard),
        KeyBinding(command: .filter, keys: [.char("/")],
                   summary: "filter the focused pane by text", hint: "filter", scope: .dashboard),
        KeyBinding(command: .help, keys: [.char("?")],
                   summary: "show or hide this help", hint: "help", scope: .dashboard),
        KeyBinding(command: .cycleTheme, keys: [.char("T")],
                   summary: "try the next theme (not saved)", hint: nil, scope: .dashboard),
        KeyBinding(command: .quit, keys: [.char("q")],
                   summary: "quit", hint: "quit", scope: .dashboard),
        KeyBinding(command: .close, keys: [.escape, .char("q"), .enter, .char("?")],
                   summary: "close the overlay", hint: "close", scope: .overlay),
        KeyBinding(command: .submit, keys: [.enter],
                   summary: "save the form", hint: "save", scope: .form),
        KeyBinding(command: .nextField, keys: [.tab, .down],
                   summary: "next field", hint: "next", scope: .form),
        KeyBinding(command: .previousField, keys: [.backTab, .up],
                   summary: "previous field", hint: nil, scope: .form),
        KeyBinding(command: .nextChoice, keys: [.right],
                   summary: "next choice in a choice field (priority, repeat); or type the choice's first letters",
                   hint: "choice", scope: .form),
        KeyBinding(command: .previousChoice, keys: [.left],
                   summary: "previous choice in a choice field", hint: nil, scope: .form),
        KeyBinding(command: .toggleShift, keys: [.ctrl("s")],
                   summary: "move a time outside working hours to the next working moment",
                   hint: "shift", scope: .form),
        KeyBinding(command: .cancel, keys: [.escape],
                   summary: "cancel the form", hint: "cancel", scope: .form),
        KeyBinding(command: .up, keys: [.up, .char("k")],
                   summary: "previous choice", hint: nil, scope: .menu),
        KeyBinding(command: .down, keys: [.down, .char("j")],
                   summary: "next choice", hint: nil, scope: .menu),
        KeyBinding(command: .submit, keys: [.enter],
                   summary: "take the choice (or press the key shown beside it)", hint: "choose", scope: .menu),
        KeyBinding(command: .confirmYes, keys: [.char("y")],
                   summary: "answer yes to a question", hint: "yes", scope: .menu),
        KeyBinding(command: .cancel, keys: [.escape, .char("n"), .char("q")],
                   summary: "cancel the menu or answer no", hint: "cancel", scope: .menu),
        KeyBinding(command: .submit, keys: [.enter],
                   summary: "keep the filter", hint: "keep", scope: .filter),
        KeyBinding(command: .cancel, keys: [.escape],
                   summary: "clear the filter", hint: "clear", scope: .filter),
        KeyBinding(command: .quit, keys: [.char("q")],
                   summary: "quit the wall display (unless started with --locked)", hint: "quit", scope: .wall),
    ]

    /// The bindings live in `context`, in table order.
    public static func active(in context: KeyContext, _ bindings: [KeyBinding] = bindings) -> [KeyBinding] {
        let scopes = context.scopes
        return bindings.filter { scopes.contains($0.scope) }
    }

    public static func resolve(_ key: Key, in context: KeyContext, _ bindings: [KeyBinding] = bindings) -> Command? {
        active(in: context, bindings).first { $0.keys.contains(key) }?.command
    }

    /// The README's key list, as a Markdown table.
    public static func markdownTable() -> String {
        var lines = ["| key | does | where | name in config.json |", "|---|---|---|---|"]
        for b in bindings {
            let keys = b.keys.map { "`\($0.label)`" }.joined(separator: " ")
            lines.append("| \(keys) | \(b.summary) | \(b.scope.place) | `\(b.command.configName)` |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
