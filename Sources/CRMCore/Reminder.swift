import Foundation

/// Priority orders the list; it never changes when a reminder fires.
public enum ReminderPriority: String, Sendable, CaseIterable, Codable {
    case high, normal, low

    /// Smaller sorts first.
    public var rank: Int {
        switch self {
        case .high: 0
        case .normal: 1
        case .low: 2
        }
    }
}

public enum Repeat: String, Sendable, CaseIterable, Codable {
    case daily, weekdays, weekly, monthly
}

extension Reminder {
    /// Alerts as they are kept: before due (an alert at or after due says what `due` says),
    /// each once, the earliest first.
    public static func normalAlerts(_ offsets: [TimeInterval]) -> [TimeInterval] {
        Array(Set(offsets.filter { $0 > 0 })).sorted(by: >)
    }

    /// The alerts that hold for it: its own, else the data set's.
    public func alertOffsets(default fallback: [TimeInterval]) -> [TimeInterval] {
        alerts ?? Reminder.normalAlerts(fallback)
    }
}

public struct Reminder: Identifiable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var notes: String?
    /// A URL kept instead of an attachment.
    public var link: String?
    public var priority: ReminderPriority
    /// One or more people; each acknowledges and snoozes for themselves.
    public var owners: [String]
    public var creator: String?
    /// Reminding begins here; nil means at `due`.
    public var start: Date?
    /// The event itself.
    public var due: Date
    /// The follow-up window closes here; nil means it stays overdue until acknowledged.
    public var end: Date?
    public var repeatRule: Repetition?
    /// The IANA zone its times were written in (an imported event's `TZID`); nil means the
    /// data set's calendar's. Its occurrences fall on this zone's clock.
    public var zone: String?
    /// Its own alerts, each this long before an occurrence is due (every alarm of an imported
    /// item); nil means the data set's `alerts_before`, empty means none at all.
    public var alerts: [TimeInterval]?
    /// Per owner: when they last acknowledged.
    public var acknowledgedBy: [String: Date]
    /// Per owner, for repeating reminders: the due time of the occurrence they last
    /// acknowledged. Absent for an owner, it is the occurrence current at their
    /// acknowledgement (see `Reminder.acknowledgedDue(for:calendar:)`).
    public var acknowledgedOccurrence: [String: Date]
    public var snoozedUntil: [String: Date]
    /// The id another program knows it by (a calendar's UID, a CRM's record id), so that
    /// importing the same record again updates this reminder instead of adding another.
    public var externalID: String?
    /// What happened to it, oldest first; see `ReminderChange` for what each change records.
    public var history: [HistoryEvent]

    public init(
        id: String, title: String, notes: String? = nil, link: String? = nil,
        priority: ReminderPriority = .normal, owners: [String], creator: String? = nil,
        start: Date? = nil, due: Date, end: Date? = nil, repeatRule: Repetition? = nil, zone: String? = nil, alerts: [TimeInterval]? = nil,
        acknowledgedBy: [String: Date] = [:], snoozedUntil: [String: Date] = [:],
        acknowledgedOccurrence: [String: Date] = [:], externalID: String? = nil, history: [HistoryEvent] = []
    ) {
        self.id = id
        self.title = title
        self.notes = notes
        self.link = link
        self.priority = priority
        self.owners = owners
        self.creator = creator
        self.start = start
        self.due = due
        self.end = end
        self.repeatRule = repeatRule
        self.zone = zone
        self.alerts = alerts.map(Reminder.normalAlerts)
        self.acknowledgedBy = acknowledgedBy
        self.snoozedUntil = snoozedUntil
        self.acknowledgedOccurrence = acknowledgedOccurrence
        self.externalID = externalID
        self.history = history
    }
}
