import TerminalUI

/// A form field that takes one of a few values: stepped through with the choice keys, or
/// picked by typing the start of one. Its input always holds one of the choices.
extension Form.Field {
    var isChoice: Bool { choices != nil }

    /// The next (`by: 1`) or previous (`by: -1`) choice, round the ends.
    mutating func step(by delta: Int) {
        guard let choices, !choices.isEmpty else { return }
        let current = choices.firstIndex(of: input.value) ?? 0
        input = TextField(choices[((current + delta) % choices.count + choices.count) % choices.count])
        typed = ""
    }

    /// Keys typed into a choice field. A letter adds to what was typed and picks the first
    /// choice starting so ("week" weekdays, "weekl" weekly); one that leads to no choice
    /// starts again from that letter. Backspace forgets what was typed. Returns false for
    /// keys it does not use.
    mutating func typeChoice(_ key: Key) -> Bool {
        guard let choices else { return false }
        switch key {
        case .char(let c):
            for attempt in [typed + String(c), String(c)] {
                if let match = choices.first(where: { $0.lowercased().hasPrefix(attempt.lowercased()) }) {
                    input = TextField(match)
                    typed = attempt
                    return true
                }
            }
            return true
        case .backspace, .ctrl("h"), .ctrl("u"):
            typed = ""
            return true
        default:
            return false
        }
    }

    /// "none, daily, weekdays, weekly or monthly"
    static func listing(_ choices: [String]) -> String {
        guard choices.count > 1 else { return choices.first ?? "" }
        return choices.dropLast().joined(separator: ", ") + " or " + choices.last!
    }
}
