import Foundation

/// When a change to a reminder was made and by whom, for its history. `note` says what the
/// change itself does not show: that it came from an import, that it moved the reminder into
/// working time, which change an undo took back.
public struct ChangeStamp: Equatable, Sendable {
    public var at: Date
    public var actor: String?
    public var note: String?

    public init(at: Date, actor: String?, note: String? = nil) {
        self.at = at
        self.actor = actor
        self.note = note
    }
}

extension ChangeStamp {
    /// The note on a change that also moved the reminder into working time.
    public static let shiftedNote = "shifted to working time"

    /// `shiftedNote` when `shifted` differs from `asGiven` in its times.
    public static func shiftNote(_ asGiven: Reminder, _ shifted: Reminder) -> String? {
        asGiven.due != shifted.due || asGiven.start != shifted.start || asGiven.end != shifted.end ? shiftedNote : nil
    }
}

/// The actions a reminder's history records (`HistoryEvent.action`).
public enum ReminderEvent: String, CaseIterable, Sendable {
    case created, imported, edited, acknowledged, unacknowledged, snoozed, unsnoozed, undone
}

extension Reminder {
    /// The most events one reminder keeps; the oldest go first. A daily reminder with a few
    /// owners gains two or three events a day, and nobody reads a year of them in the details.
    public static let historyLimit = 100

    /// Adds `event` in time order (a change made in another terminal can arrive late) and
    /// drops the oldest events beyond `historyLimit`.
    public mutating func record(_ event: HistoryEvent) {
        let position = history.lastIndex { $0.at <= event.at }.map { $0 + 1 } ?? 0
        history.insert(event, at: position)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
    }

    public mutating func record(_ event: ReminderEvent, _ stamp: ChangeStamp, detail: String? = nil) {
        let text = [detail, stamp.note].compactMap { $0 }.joined(separator: "; ")
        record(HistoryEvent(at: stamp.at, actor: stamp.actor, action: event.rawValue, detail: text.isEmpty ? nil : text))
    }

    /// The reminder with its first event: `created` by a person, or `imported` from a file.
    public func made(_ event: ReminderEvent, _ stamp: ChangeStamp) -> Reminder {
        var r = self
        r.history = []
        r.record(event, stamp)
        return r
    }

    /// What changed between `old` and `new`, in short words:
    /// `title: Call Acme → Call Acme Ltd; due: 2026-11-23 10:00 → 2026-11-24 09:00`.
    /// Start and end show as the lead and follow-up time, which is what people set; long
    /// texts (link, notes) only say that they changed. Nil when nothing a person sees changed.
    public static func changes(from old: Reminder, to new: Reminder, zone: TimeZone) -> String? {
        var parts: [String] = []
        func compare(_ name: String, _ before: String, _ after: String) {
            if before != after { parts.append("\(name): \(before) → \(after)") }
        }
        func mention(_ name: String, _ before: String?, _ after: String?) {
            switch (before, after) {
            case (nil, .some): parts.append("\(name) added")
            case (.some, nil): parts.append("\(name) removed")
            case let (b?, a?) where b != a: parts.append("\(name) changed")
            default: break
            }
        }
        compare("title", old.title, new.title)
        compare("priority", old.priority.rawValue, new.priority.rawValue)
        compare("owners", old.owners.joined(separator: ", "), new.owners.joined(separator: ", "))
        compare("due", shortTime(old.due, zone: zone), shortTime(new.due, zone: zone))
        compare("lead", span(old.start.map { old.due.timeIntervalSince($0) }),
                span(new.start.map { new.due.timeIntervalSince($0) }))
        compare("follow-up", span(old.end.map { $0.timeIntervalSince(old.due) }),
                span(new.end.map { $0.timeIntervalSince(new.due) }))
        compare("repeat", old.repeatRule?.name(zone: old.timeZone(default: zone)) ?? "none",
                new.repeatRule?.name(zone: new.timeZone(default: zone)) ?? "none")
        compare("zone", old.zone ?? "none", new.zone ?? "none")
        compare("alerts", Reminder.alertsText(old.alerts), Reminder.alertsText(new.alerts))
        mention("link", old.link, new.link)
        mention("notes", old.notes, new.notes)
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// `1d, 1h`; `none` for no alerts, `default` for the data set's.
    public static func alertsText(_ alerts: [TimeInterval]?) -> String {
        guard let alerts else { return "default" }
        return alerts.isEmpty ? "none" : alerts.map(DurationText.format).joined(separator: ", ")
    }

    /// `2026-11-23 10:00` on the wall clock of `zone`: the form people type, short enough
    /// for a history line.
    public static func shortTime(_ date: Date, zone: TimeZone) -> String {
        let (day, second) = TimeText.wallClock(date, zone: zone)
        let hour = second / 3600, minute = second % 3600 / 60
        return "\(day) " + (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    private static func span(_ seconds: TimeInterval?) -> String {
        seconds.map { DurationText.format($0) } ?? "none"
    }
}
