import CRMCore
import Foundation

/// When an open case's most urgent clock enters its warning or breaches, or the case
/// climbs the escalation ladder, the status bar says so and a notice goes to the people
/// the ladder names.
enum CaseAlerts {
    /// What a case's alerts are judged on, kept from one refresh to the next: small, because
    /// it is taken for every open case every second.
    struct Signal {
        var state: SLAState?
        var level: Int
    }

    static func signals(_ rows: [CaseRow]) -> [String: Signal] {
        var result: [String: Signal] = [:]
        result.reserveCapacity(rows.count)
        for n in rows.indices {
            result[rows[n].item.id] = Signal(state: rows[n].urgent?.state, level: rows[n].escalationLevel)
        }
        return result
    }

    static func announce(since before: [String: Signal], _ state: inout AppState) -> [Effect] {
        guard !before.isEmpty else { return recordRises(&state) }
        var effects: [Effect] = []
        // Found through the buffer first: reading rows of a state that is then changed would
        // copy every row.
        let changed = state.derived.cases.withUnsafeBufferPointer { rows in
            rows.indices.compactMap { n -> (row: CaseRow, old: Signal)? in
                guard let old = before[rows[n].item.id],
                      old.state != rows[n].urgent?.state || old.level != rows[n].escalationLevel else { return nil }
                return (rows[n], old)
            }
        }
        for (row, old) in changed {
            let item = row.item
            var kind: Notice.Kind?
            // A breach is what a wall must catch the eye with, even when it also escalates.
            if let wall = state.wall, row.urgent?.state == .breached, old.state != .breached {
                state.flashes[item.id] = state.now + ComingDue.flashLength
                if wall.bell { effects.append(.bell) }
            }
            if row.escalationLevel > old.level {
                kind = .escalation
                ReminderActions.note(&state, "\(item.id) escalated to level \(row.escalationLevel): \(item.title)")
            } else if row.urgent?.state == .breached, old.state != .breached {
                kind = .slaBreach
                ReminderActions.note(&state, "SLA breached: \(item.id) \(item.title)")
            } else if row.urgent?.state == .warning, old.state == .running {
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
        return effects + recordRises(&state)
    }

    /// Writes into the cases' history the rises of the ladder the rows show but the cases do
    /// not have yet (`Escalation.unrecorded`), dated when they happened. Stored like any other
    /// change; one another process recorded first changes nothing and is not stored again.
    static func recordRises(_ state: inout AppState) -> [Effect] {
        let settings = state.data.settings, now = state.now
        let mutations = state.derived.cases.withUnsafeBufferPointer { rows in
            rows.indices.flatMap { n -> [Mutation] in
                guard rows[n].escalationLevel > rows[n].item.escalationLevel else { return [] }
                let rises = Escalation.unrecorded(rows[n].item, clocks: rows[n].clocks, settings: settings, now: now)
                return Escalation.recording(rises, of: rows[n].item.id)
            }
        }
        guard !mutations.isEmpty else { return [] }
        return Reducer.change(&state, mutations)
    }
}
