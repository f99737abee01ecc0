import TerminalUI

/// Where the keyboard is at a moment, which decides whose keys are live: a pane's keys
/// work together with the dashboard's, and an overlay, a form, a menu, the filter line or
/// the wall has the keyboard alone. Resolving a key, the footer, the menu's item keys and
/// the clash check all ask this one rule.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    case pane(Pane)
    case overlay
    case form
    /// A menu or a yes/no question.
    case menu
    case filter
    case wall

    public static var allCases: [KeyContext] {
        Pane.allCases.map(KeyContext.pane) + [.overlay, .form, .menu, .filter, .wall]
    }

    public init(_ state: AppState) {
        if state.wall != nil { self = .wall; return }
        switch state.modal {
        case .form: self = .form
        case .menu, .confirm: self = .menu
        case .filter: self = .filter
        case nil: self = state.overlay != nil ? .overlay : .pane(state.focus)
        }
    }

    /// The scopes whose bindings are live here.
    public var scopes: [KeyScope] {
        switch self {
        case .pane(.reminders): [.dashboard, .reminders]
        case .pane(.cases): [.dashboard, .cases]
        case .pane(.leaderboard): [.dashboard, .leaderboard]
        case .overlay: [.overlay]
        case .form: [.form]
        case .menu: [.menu]
        case .filter: [.filter]
        case .wall: [.wall]
        }
    }
}

extension KeyBinding {
    /// The key short hints show: the first one bound (as calcurse's footer does).
    public var firstKey: Key? { keys.first }

    /// What a footer shows for the binding: its first key and its hint, when it has one.
    public var footerHint: (key: String, text: String)? {
        guard let hint, let key = firstKey else { return nil }
        return (key.label, hint)
    }
}
