import TerminalUI

/// `slaBreached` is written `sla_breached` in files, like every other field name.
func snakeCase(_ camelCase: String) -> String {
    camelCase.reduce(into: "") { out, c in
        if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
    }
}

extension Command {
    /// How the config file names it: `focus_next`, `acknowledge`, `cycle_theme`.
    public var configName: String { snakeCase(rawValue) }

    public init?(configName: String) {
        guard let command = Command.allCases.first(where: { $0.configName == configName }) else { return nil }
        self = command
    }
}

extension KeyScope {
    /// Where a key works, as the README and the help say it.
    public var place: String {
        switch self {
        case .dashboard: "anywhere"
        case .reminders: "reminders pane"
        case .cases: "cases pane"
        case .leaderboard: "leaderboard"
        case .overlay: "help or details"
        case .form: "in a form"
        case .menu: "in a menu or question"
        case .filter: "while filtering"
        case .wall: "wall display"
        }
    }

    /// In forms and on the filter line, printable keys are typed into the text.
    var typesText: Bool { self == .form || self == .filter }
}

extension KeyMap {
    /// A key that two bindings live at the same moment (in one `KeyContext`) both claim.
    public struct Clash: Equatable, Sendable {
        public var key: Key
        /// Indexes into the bindings, in table order.
        public var first: Int
        public var second: Int
    }

    public static func clashes(in bindings: [KeyBinding]) -> [Clash] {
        var found: [Clash] = []
        for context in KeyContext.allCases {
            let scopes = context.scopes
            var owner: [Key: Int] = [:]
            for (i, binding) in bindings.enumerated() where scopes.contains(binding.scope) {
                for key in binding.keys {
                    if let other = owner[key], other != i {
                        let clash = Clash(key: key, first: other, second: i)
                        if !found.contains(clash) { found.append(clash) }
                    } else {
                        owner[key] = i
                    }
                }
            }
        }
        return found
    }
}
