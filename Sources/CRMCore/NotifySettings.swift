import Foundation

/// What people can be told about. The raw values are what the notify command sees in
/// `CRMTOP_EVENT` and in the `event` field of its JSON.
public enum NotificationKind: String, Sendable, CaseIterable, Codable {
    /// A reminder is coming due: one of the `alerts_before` offsets has passed.
    case reminderAlert = "reminder.alert"
    case reminderActive = "reminder.active"
    case reminderDue = "reminder.due"
    case reminderMissed = "reminder.missed"
    case slaWarning = "sla.warning"
    case slaBreach = "sla.breach"
    case escalation
    case goalReached = "goal.reached"

    /// Goes out at once, even to people who take the rest as a digest.
    public var isUrgent: Bool { self == .slaBreach || self == .escalation }

    /// Asks someone to act, so it is sent again every `repeat_every` until they do.
    public var repeats: Bool { self == .reminderDue || self == .slaBreach || self == .escalation }
}

/// The `notify` section of settings.json: how the notifier tells people about events.
public struct NotifySettings: Equatable, Sendable {
    /// A shell command line (run with `/bin/sh -c`) for each message; nil tells nobody.
    public var command: String?
    /// The kinds of event sent; the others are left out.
    public var events: [NotificationKind]
    /// Events that ask someone to act go out again this often until they do; nil: once.
    public var repeatEvery: TimeInterval?
    /// Extra alerts this long before a reminder is due (`1d`, `1h`, `10m`).
    public var alertsBefore: [TimeInterval]
    /// People who get routine events batched into one message this often (by handle);
    /// breaches and escalations still reach them at once.
    public var digest: [String: TimeInterval]
    /// A command that has not finished by then is stopped and counts as failed.
    public var timeout: TimeInterval

    public static let defaultTimeout: TimeInterval = 60

    public init(command: String? = nil, events: [NotificationKind] = NotificationKind.allCases,
                repeatEvery: TimeInterval? = nil, alertsBefore: [TimeInterval] = [],
                digest: [String: TimeInterval] = [:], timeout: TimeInterval = Self.defaultTimeout) {
        self.command = command
        self.events = events
        self.repeatEvery = repeatEvery
        self.alertsBefore = alertsBefore
        self.digest = digest
        self.timeout = timeout
    }
}
