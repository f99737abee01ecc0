import CRMCore
import Foundation
import TerminalUI

/// Something that takes the keyboard until it is answered or cancelled (Esc).
public enum Modal: Equatable, Sendable {
    case menu(Menu)
    case form(Form)
    case confirm(Confirm)
    /// Typing narrows the focused pane's list; Enter keeps the filter, Esc clears it.
    case filter(TextField)
}

/// A short list of choices, picked with the key beside one or with ↑/↓ and Enter.
public struct Menu: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case snooze(reminderID: String)
        case logActivity(kpis: [String])
        /// `q` with changes the disk refused: save again, quit anyway or stay.
        case unsavedOnQuit
    }

    public struct Item: Equatable, Sendable {
        public var key: Character
        public var label: String
    }

    public var title: String
    public var items: [Item]
    public var selected = 0
    public var purpose: Purpose
}

extension Menu {
    /// Items take their keys in `itemKeys` order; labels beyond the last key are left out.
    init(title: String, labels: [String], purpose: Purpose, bindings: [KeyBinding]) {
        self.title = title
        items = zip(Self.itemKeys(bindings), labels).map { Item(key: $0, label: $1) }
        self.purpose = purpose
    }

    /// 1…9, then a…z, then A…Z, less every key a menu's own bindings take (↑ k ↓ j, y,
    /// Esc n q, or the person's own): the key table is asked first, so an item on one of
    /// those keys could never be picked.
    public static func itemKeys(_ bindings: [KeyBinding]) -> [Character] {
        let taken = Set(KeyMap.active(in: .menu, bindings).flatMap(\.keys))
        return Array("123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ").filter { !taken.contains(.char($0)) }
    }
}

/// A yes/no question; `y` confirms, anything else cancels.
public struct Confirm: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case deleteReminder(id: String)
        case resolveCase(id: String)
        /// Apply the changes a recovery file holds.
        case applyRecovery
    }

    public var question: String
    public var purpose: Purpose
    public var title = "Are you sure?"
}

/// Labelled text fields with inline validation, submitted with Enter.
public struct Form: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case newReminder
        case editReminder(id: String)
        case snoozeUntil(reminderID: String)
        case assignCase(id: String)
    }

    public struct Field: Equatable, Sendable {
        public var label: String
        public var input: TextField
        public var hint: String
        public var error: String?
        /// Errors show only once a field was edited or left, or a save was tried,
        /// so a fresh form is not a wall of red.
        public var touched = false
        /// Set for a field that takes one of these values (`ChoiceField`); its input is always one.
        public var choices: [String]?
        /// What was typed into a choice field since it last changed another way.
        var typed = ""

        public init(_ label: String, _ value: String = "", hint: String = "", choices: [String]? = nil) {
            self.label = label
            input = TextField(value)
            self.hint = hint
            self.choices = choices
        }
    }

    public var title: String
    public var fields: [Field]
    public var focus = 0
    public var purpose: Purpose
    /// Shown under the fields (e.g. the due time falls on a non-working day).
    public var warnings: [String] = []
    /// A yes/no choice offered with the warnings (Ctrl-S): move to the next working moment.
    public var shiftToWorkingTime = false

    public func value(_ label: String) -> String {
        fields.first { $0.label == label }?.input.value.trimmingCharacters(in: .whitespaces) ?? ""
    }

    public mutating func setError(_ label: String, _ error: String?) {
        if let i = fields.firstIndex(where: { $0.label == label }) { fields[i].error = error }
    }
}
