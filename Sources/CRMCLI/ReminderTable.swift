import CRMCore
import Foundation
import TerminalUI

/// Reminders as plain text for people; scripts use `--json`.
enum ReminderTable {
    /// Columns ID, PRI, STATE, DUE, (OWNERS,) TITLE; snoozed and acknowledged reminders
    /// follow after a blank line, as the dashboard dims them below the rest.
    static func render(_ entries: [ReminderOrder.Entry], owners: Bool, session: Session) -> String {
        func row(_ e: ReminderOrder.Entry) -> [String] {
            [e.reminder.id, e.reminder.priority.rawValue, e.state.rawValue, session.shortTime(e.occurrence.due)]
                + (owners ? [e.reminder.owners.joined(separator: ",")] : []) + [e.reminder.title]
        }
        let header = ["ID", "PRI", "STATE", "DUE"] + (owners ? ["OWNERS"] : []) + ["TITLE"]
        // Sanitised before measuring, as `TextTable` does, so what is measured is what shows.
        let rows = ([header] + entries.map(row)).map { $0.map(Sanitizer.clean) }
        let widths = TextTable.widths(of: rows)
        func line(_ cells: [String]) -> String { TextTable.line(cells, widths: widths) + "\n" }
        var text = line(header)
        for (i, entry) in entries.enumerated() {
            if entry.state.isSettled && (i == 0 || !entries[i - 1].state.isSettled) { text += "\n" }
            text += line(rows[i + 1])
        }
        return text
    }

    static func details(_ entry: ReminderOrder.Entry, session: Session) -> String {
        let r = entry.reminder, shown = entry.occurrence
        var lines: [(String, String)] = [("priority", r.priority.rawValue), ("state", entry.state.rawValue)]
        if r.start != nil { lines.append(("reminding from", session.shortTime(shown.start))) }
        lines.append(("due", session.shortTime(shown.due)))
        if let moved = r.occurrenceTitle(dueAt: shown.due, calendar: session.calendar) { lines.append(("this time", moved)) }
        if let end = shown.end { lines.append(("follow-up until", session.shortTime(end))) }
        if let rule = r.repeatRule { lines.append(("repeats", rule.name(zone: r.timeZone(calendar: session.calendar)))) }
        if let zone = r.zone { lines.append(("time zone", zone)) }
        let alerts = r.alertOffsets(default: session.data.settings.notify.alertsBefore)
        if !alerts.isEmpty || r.alerts != nil {
            let list = alerts.isEmpty ? "none" : alerts.map(DurationText.format).joined(separator: ", ") + " before due"
            lines.append(("alerts", list + (r.alerts == nil ? " (the notifier's default)" : "")))
        }
        for owner in r.owners {
            let own = ReminderOrder.entry(r, owner: owner, at: session.now, calendar: session.calendar)
            var text = own.state.rawValue
            if own.state == .snoozed, let until = r.snoozedUntil[owner] { text += " until " + session.shortTime(until) }
            if let at = r.acknowledgedBy[owner] {
                // A repeating reminder keeps reminding after an acknowledgement, so say which one it was.
                text += (own.state == .acknowledged ? " " : ", last acknowledged ") + session.shortTime(at)
            }
            if own.occurrence.due != shown.due { text += ", due " + session.shortTime(own.occurrence.due) }
            lines.append(("owner " + owner, text))
        }
        if let creator = r.creator { lines.append(("created by", creator)) }
        if let link = r.link { lines.append(("link", link)) }
        if let notes = r.notes { lines.append(("notes", notes)) }
        for warning in r.workingTimeWarnings(calendar: session.calendar, of: shown) { lines.append(("warning", warning)) }

        // Labels and each line of a value are sanitised before they are measured; notes keep
        // their lines, whichever line break they use.
        let labels = lines.map { Sanitizer.clean($0.0) }
        let width = labels.map(DisplayWidth.of).max() ?? 0
        let indent = "\n  " + String(repeating: " ", count: width + 2)
        func lined(_ value: String) -> String {
            value.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .map { Sanitizer.clean(String($0)) }.joined(separator: indent)
        }
        return "\(r.id)  \(Sanitizer.clean(r.title))\n" + zip(labels, lines).map { label, line in
            "  " + label + String(repeating: " ", count: width - DisplayWidth.of(label)) + "  " + lined(line.1) + "\n"
        }.joined() + "\nHistory, newest first\n" + session.historyTable(r.history, newestFirst: true, time: session.shortTime)
    }
}
