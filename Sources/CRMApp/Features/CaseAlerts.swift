import CRMCore
import Foundation

/// When an open case has news (a clock enters its warning or breaches, the case climbs the
/// escalation ladder) the status bar says so and a notice names the people the notifier tells;
/// on a wall a breach flashes. What is news, and for whom, is `NotificationEvents`' (through the
/// state's `NewsLedger`); this only shows it.
enum CaseAlerts {
    /// What a case's news is judged on, kept from one refresh to the next: when it changes the
    /// case's events are worked out again. Small, because it is taken for every open case
    /// every second.
    struct Signal: Equatable {
        var level: Int
        /// Two bits per clock: past its target, past its warning while running.
        var clocks: UInt32
    }

    static func signals(_ rows: [CaseRow]) -> [String: Signal] {
        var result: [String: Signal] = [:]
        result.reserveCapacity(rows.count)
        for n in rows.indices {
            result[rows[n].item.id] = signal(rows[n])
        }
        return result
    }

    static func signal(_ row: CaseRow) -> Signal {
        var bits: UInt32 = 0
        for (n, clock) in row.clocks.prefix(16).enumerated() where clock.state.isLive {
            if clock.remaining < 0 { bits |= 1 << (2 * n) }
            if clock.isPastWarning, clock.state != .paused { bits |= 2 << (2 * n) }
        }
        return Signal(level: row.escalationLevel, clocks: bits)
    }

    static func announce(since before: [String: Signal], _ state: inout AppState) -> [Effect] {
        // Found through the buffer first: reading rows of a state that is then changed would
        // copy every row.
        let changed = state.derived.cases.withUnsafeBufferPointer { rows in
            rows.indices.compactMap { n -> (row: CaseRow, seen: Bool)? in
                let old = before[rows[n].item.id]
                return old == signal(rows[n]) ? nil : (rows[n], old != nil)
            }
        }
        var effects: [Effect] = []
        for (row, seen) in changed {
            let item = row.item
            // Seen for the first time (just opened, or filtered in): what stands is not news.
            let news = look(at: row, &state, quietly: !seen, before: before[item.id])
            guard let lead = NotificationEvents.leading(news).first else { continue }
            // A breach is what a wall must catch the eye with, even when it also escalates.
            if let wall = state.wall, news.contains(where: { $0.kind == .slaBreach }) {
                state.flashes[item.id] = state.now + ComingDue.flashLength
                if wall.bell { effects.append(.bell) }
            }
            switch lead.kind {
            case .escalation:
                ReminderActions.note(&state, "\(item.id) escalated to level \(row.escalationLevel): \(item.title)")
            case .slaBreach:
                ReminderActions.note(&state, "SLA breached: \(item.id) \(item.title)")
            default:
                ReminderActions.note(&state, "SLA warning: \(item.id) \(item.title)")
            }
            effects.append(.notify(Notice(news, lead: lead, settings: state.data.settings.notify, at: state.now)))
        }
        return effects + recordRises(&state)
    }

    /// Takes in what stands about every open case listed, announcing nothing: the first look.
    static func seed(_ state: inout AppState) {
        let rows = state.derived.cases.filter { signal($0) != Signal(level: 0, clocks: 0) }
        for row in rows { _ = look(at: row, &state, quietly: true) }
    }

    private static func look(at row: CaseRow, _ state: inout AppState, quietly: Bool,
                             before: Signal? = nil) -> [NotificationEvent] {
        let events = NotificationEvents.events(for: row.item, clocks: row.clocks, level: row.escalationLevel,
                                               in: state.data, at: state.now)
        let item = "case/" + row.item.id
        // Listed all along but never looked at (it came into the list without a tick): what
        // stood is what its last signal says.
        if let before, !state.news.hasLooked(at: item) {
            _ = state.news.look(at: item, events.filter { stood($0, row, before) }, quietly: true)
        }
        return state.news.look(at: item, events, quietly: quietly)
    }

    private static func stood(_ event: NotificationEvent, _ row: CaseRow, _ signal: Signal) -> Bool {
        if event.kind == .escalation { return event.level == signal.level }
        guard let n = row.clocks.prefix(16).firstIndex(where: { $0.metric == event.metric }) else { return false }
        return signal.clocks & ((event.kind == .slaBreach ? 1 : 2) << (2 * n)) != 0
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
