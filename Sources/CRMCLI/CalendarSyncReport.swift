import CRMCalDAV
import CRMCore
import CRMStore
import Foundation

extension CalendarSyncText {
    /// An address's path as a server writes it in its answers, percent-encoded.
    static func path(_ url: URL) -> String {
        URLComponents(url: url, resolvingAgainstBaseURL: true)?.percentEncodedPath ?? url.path
    }

    /// `local` is the owner's reminders by id (`CalendarSyncItems.byID`).
    static func planned(_ action: SyncAction, local: [String: (uid: String, reminder: Reminder)],
                        records: [String: ImportedReminder]) -> String {
        func title(_ uid: String) -> String {
            for field in records[uid]?.fields ?? [] { if case .title(let t) = field { return t } }
            return uid
        }
        func reminder(_ id: String) -> String {
            local[id].map { "\(id) \($0.reminder.title)" } ?? id
        }
        switch action {
        case .pull(let item, let into):
            return into == nil ? "would add from the calendar: \(title(item.uid))"
                               : "would update \(reminder(into!)) from the calendar"
        case .push(let id, let href, _):
            return href == nil ? "would add to the calendar: \(reminder(id))" : "would update in the calendar: \(reminder(id))"
        case .conflict(_, let id):
            return "changed on both sides: would take the calendar's version of \(reminder(id)), keeping crmtop's in its history"
        case .deleteRemote(let item):
            return "would delete from the calendar: \(item.href)"
        case .deleteLocal(let id, _):
            return "would delete \(reminder(id)), deleted in the calendar"
        case .forget(let uid):
            return "would forget \(uid), gone on both sides"
        }
    }

    static func summary(_ report: CalendarSyncPass.Report, dryRun: Bool) -> String {
        if dryRun {
            return report.planned.isEmpty ? "\(report.account): in step, nothing to do.\n"
                : "\(report.account):\n" + report.planned.map { "  " + $0 + "\n" }.joined()
        }
        let counts = [(report.pulled, "from the calendar"), (report.pushed, "to the calendar"),
                      (report.deletedHere, "deleted here"), (report.deletedThere, "deleted in the calendar")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        var text = "\(report.account): " + (counts.isEmpty ? "in step" : counts.joined(separator: ", ")) + ".\n"
        for conflict in report.conflicts {
            text += "  changed on both sides: \(conflict): the calendar's version was taken; crmtop's is in its history\n"
        }
        for item in report.deferred { text += "  left for the next sync: \(item)\n" }
        return text
    }

    static func record(_ report: CalendarSyncPass.Report) -> JSONOutput {
        .object([
            .init("account", .string(report.account)),
            .init("from_calendar", .int(report.pulled)), .init("to_calendar", .int(report.pushed)),
            .init("deleted_here", .int(report.deletedHere)), .init("deleted_in_calendar", .int(report.deletedThere)),
            .init("conflicts", .array(report.conflicts.map(JSONOutput.string))),
            .init("deferred", .array(report.deferred.map(JSONOutput.string))),
            .init("planned", .array(report.planned.map(JSONOutput.string))),
        ])
    }
}
