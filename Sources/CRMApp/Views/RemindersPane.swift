import CRMCore
import Foundation
import TerminalUI

enum RemindersPane {
    static func table(_ state: AppState, width: Int) -> PaneTable {
        let entries = state.derived.reminders
        let wide = width >= 50
        var columns = [
            Column(title: wide ? "PRI" : "P", width: wide ? 4 : 1),
            Column(title: "DUE", width: wide ? 13 : 9),
            Column(title: "", width: 1),
            Column.flex("TITLE"),
        ]
        let showOwners = width >= 80 || (state.everyone && width >= 50)
        if showOwners { columns.append(Column(title: "OWNERS", width: min(24, width / 5))) }
        let due = state.derived.remindersDue
        let whose = state.everyone ? "everyone" : state.userDisplayName
        var table = PaneTable(
            title: "Reminders · " + whose + (due > 0 ? " · \(due) due" : ""),
            columns: columns,
            count: entries.count,
            row: { i in
                let e = entries[i]
                let settled = e.state.isSettled
                var cells = [
                    priorityCell(e.reminder.priority, wide: wide, dimmed: settled),
                    TableCell(dueText(e, now: state.now, wide: wide), settled ? .reminderDone : stateRole(e.state)),
                    markCell(e, calendar: state.data.settings.defaultCalendar, ascii: state.ascii),
                    TableCell(e.reminder.title, settled ? .reminderDone : .text),
                ]
                if showOwners {
                    cells.append(TableCell(e.reminder.owners.joined(separator: ", "), settled ? .reminderDone : .dim))
                }
                return cells
            },
            emptyText: "No reminders for \(state.user). Add one: crmtop reminder add TITLE --due TIME",
            ascii: state.ascii,
            flashing: Set(entries.indices.filter { state.flashes[entries[$0].reminder.id] != nil })
        )
        // Whose they are goes before the count does: the count is what needs doing.
        table.shorterTitles = due > 0 ? ["Reminders · \(due) due", "Reminders"] : ["Reminders"]
        return table
    }

    static func priorityCell(_ p: ReminderPriority, wide: Bool, dimmed: Bool) -> TableCell {
        let text = wide ? (p == .normal ? "norm" : p.rawValue) : String(p.rawValue.prefix(1)).uppercased()
        if dimmed { return TableCell(text, .reminderDone) }
        switch p {
        case .high: return TableCell(text, .priorityHigh)
        case .normal: return TableCell(text, .priorityNormal)
        case .low: return TableCell(text, .priorityLow)
        }
    }

    static func stateRole(_ s: ReminderState) -> Role {
        switch s {
        case .due: .reminderDue
        case .overdue, .missed: .reminderOverdue
        case .active: .reminderActive
        case .upcoming: .text
        case .snoozed, .acknowledged: .reminderDone
        }
    }

    /// A settled mark, or a warning sign when nobody is at work at its start or due time.
    static func markCell(_ e: ReminderOrder.Entry, calendar: BusinessCalendar, ascii: Bool) -> TableCell {
        if !e.state.isSettled, e.state != .missed, !e.reminder.workingTimeWarnings(calendar: calendar, of: e.occurrence).isEmpty {
            return TableCell(ascii ? "#" : "⚠", .warningMark)
        }
        return switch e.state {
        case .acknowledged: TableCell(ascii ? "+" : "✓", .reminderDone)
        case .snoozed: TableCell("z", .reminderDone)
        case .missed: TableCell("!", .reminderOverdue)
        default: TableCell(" ")
        }
    }

    /// "in 2h15m", "due now", "overdue 15m", "missed 1h"; shorter in narrow panes.
    static func dueText(_ e: ReminderOrder.Entry, now: Date, wide: Bool) -> String {
        let r = e.occurrence
        switch e.state {
        case .due:
            return "due now"
        case .overdue:
            return (wide ? "overdue " : "-") + Format.span(now.timeIntervalSince(r.due))
        case .missed:
            return wide ? "missed " + Format.span(now.timeIntervalSince(r.end ?? r.due)) : "missed"
        case .snoozed:
            return wide ? "snoozed" : "zz"
        case .acknowledged, .upcoming, .active:
            let delta = r.due.timeIntervalSince(now)
            return delta >= 0 ? "in " + Format.span(delta) : Format.span(delta) + " ago"
        }
    }
}
