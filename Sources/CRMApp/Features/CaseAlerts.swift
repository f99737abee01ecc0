import CRMCore
import Foundation

/// When an open case's most urgent clock enters its warning or breaches, or the case
/// climbs the escalation ladder, the status bar says so and a notice goes to the people
/// the ladder names.
enum CaseAlerts {
    static func announce(since before: [String: CaseRow], _ state: inout AppState) -> [Effect] {
        guard !before.isEmpty else { return [] }
        var effects: [Effect] = []
        for row in state.derived.cases {
            guard let old = before[row.item.id] else { continue }
            let item = row.item
            var kind: Notice.Kind?
            // A breach is what a wall must catch the eye with, even when it also escalates.
            if let wall = state.wall, row.urgent?.state == .breached, old.urgent?.state != .breached {
                state.flashes[item.id] = state.now + ComingDue.flashLength
                if wall.bell { effects.append(.bell) }
            }
            if row.escalationLevel > old.escalationLevel {
                kind = .escalation
                ReminderActions.note(&state, "\(item.id) escalated to level \(row.escalationLevel): \(item.title)")
            } else if row.urgent?.state == .breached, old.urgent?.state != .breached {
                kind = .slaBreach
                ReminderActions.note(&state, "SLA breached: \(item.id) \(item.title)")
            } else if row.urgent?.state == .warning, old.urgent?.state == .running {
                kind = .slaWarning
                ReminderActions.note(&state, "SLA warning: \(item.id) \(item.title)")
            }
            guard let kind else { continue }
            let level = max(1, row.escalationLevel)
            var recipients = Escalation.recipients(level: level, case: item, people: state.data.people,
                                                   teams: state.data.teams, ladder: state.data.settings.escalation)
            if recipients.isEmpty, let owner = item.owner { recipients = [owner] }
            effects.append(.notify(Notice(kind: kind, id: item.id, title: item.title, recipients: recipients, at: state.now)))
        }
        return effects
    }
}
