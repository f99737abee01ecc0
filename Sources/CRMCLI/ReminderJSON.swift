import CRMCore
import CRMStore
import Foundation

/// Reminders as `--json` shows them (the field names are part of the command-line contract),
/// and the few lookups every reminder command makes.
extension Session {
    var calendar: BusinessCalendar { data.settings.defaultCalendar }

    /// One reminder as `viewer` sees it; `nil` sees everyone's combined state.
    func reminderEntry(_ r: Reminder, viewer: String?) -> ReminderOrder.Entry {
        ReminderOrder.entry(r, owner: viewer, at: now, calendar: calendar)
    }

    /// Whose view one reminder is shown in: the user's when they own it, else everyone's.
    func viewer(of r: Reminder) -> String? { r.isOwned(by: user) ? user : nil }

    func reminder(_ id: String) throws -> Reminder {
        guard let r = data.reminders.first(where: { $0.id == id }) else {
            throw CLIError("no reminder with id \(id)")
        }
        return r
    }

    /// Start, due and end are those of the occurrence the entry shows. `snoozed_until` is set
    /// exactly when the state is `snoozed`: the viewer's snooze, or the first to end.
    /// `history` (oldest first) when asked for: `show` and the commands that change one.
    func reminderJSON(_ entry: ReminderOrder.Entry, viewer: String?, history: Bool = false) -> JSONOutput {
        let r = entry.reminder, shown = entry.occurrence
        func text(_ value: String?) -> JSONOutput { value.map(JSONOutput.string) ?? .null }
        var snoozeEnd: Date?
        if entry.state == .snoozed {
            snoozeEnd = (viewer.map { [$0] } ?? r.owners).compactMap { r.snoozedUntil[$0] }.filter { $0 > now }.min()
        }
        var members: [JSONOutput.Member] = [
            .init("id", .string(r.id)),
            .init("title", .string(r.title)),
            .init("priority", .string(r.priority.rawValue)),
            .init("owners", .array(r.owners.map(JSONOutput.string))),
            .init("start", timeText(r.start == nil ? nil : shown.start)),
            .init("due", timeText(shown.due)),
            .init("end", timeText(shown.end)),
            .init("state", .string(entry.state.rawValue)),
            .init("acknowledged_by", .object(r.acknowledgedBy.keys.sorted().map { .init($0, timeText(r.acknowledgedBy[$0])) })),
            .init("snoozed_until", timeText(snoozeEnd)),
            .init("link", text(r.link)),
            .init("notes", text(r.notes)),
            .init("repeat", text(r.repeatRule?.rulesText(zone: r.timeZone(calendar: calendar)))),
            .init("warnings", .array(r.workingTimeWarnings(calendar: calendar, of: shown).map(JSONOutput.string))),
        ]
        if history { members.append(.init("history", historyJSON(r.history))) }
        return .object(members)
    }

    /// `2026-11-23 10:00` in the data set's zone: what people type, and read at a glance.
    func shortTime(_ date: Date) -> String { Reminder.shortTime(date, zone: zone) }
}
