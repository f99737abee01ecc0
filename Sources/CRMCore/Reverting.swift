import Foundation

/// One value an undo puts back, with the value the change it takes back left there. The undo
/// goes ahead only while that value is still there: otherwise someone changed it since, and
/// putting the old value back would throw their change away.
public struct Reverting<Value: Equatable & Sendable>: Equatable, Sendable {
    public var restore: Value
    public var expected: Value

    public init(restore: Value, expected: Value) {
        self.restore = restore
        self.expected = expected
    }
}

/// The history's actions said as what someone did, for "jonas acknowledged it since".
enum HistoryPhrase {
    static func did(_ action: String) -> String {
        switch action {
        case ReminderEvent.unacknowledged.rawValue: "took back an acknowledgement of"
        case ReminderEvent.unsnoozed.rawValue: "ended a snooze of"
        case ReminderEvent.undone.rawValue: "undid a change to"
        case "responded": "responded to"
        case "assigned": "reassigned"
        default: action
        }
    }

    /// Whether an event's detail (`title: A → B; notes changed; from leads.csv`) names `field`.
    static func mentions(_ detail: String?, _ field: String) -> Bool {
        (detail ?? "").components(separatedBy: "; ").contains { $0.hasPrefix(field + ":") || $0.hasPrefix(field + " ") }
    }
}
