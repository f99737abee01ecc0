import CRMCore
import Foundation

/// What the leaderboard's keys do.
enum LeaderboardKeys {
    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .previousPeriod, .nextPeriod:
            let all = Period.allCases
            let i = all.firstIndex(of: state.period)! + (command == .nextPeriod ? 1 : -1)
            state.period = all[min(max(0, i), all.count - 1)]
            state.refresh()
        case .toggleTeams:
            state.showTeams.toggle()
            state.refresh()
        case .logActivity:
            let loggable = state.data.kpis.filter { DerivedKPI(rawValue: $0.id) == nil }
            guard !loggable.isEmpty else {
                ReminderActions.note(&state, "No KPIs to log; add one with crmtop kpi add")
                return []
            }
            let shown = loggable.prefix(Menu.itemKeys(state.keyBindings).count)
            state.modal = .menu(Menu(title: "Log one for \(state.userDisplayName)", labels: shown.map(\.name),
                                     purpose: .logActivity(kpis: shown.map(\.id)), bindings: state.keyBindings))
        default: break
        }
        return []
    }

    static func log(_ index: Int, kpis: [String], _ state: inout AppState) -> [Effect] {
        state.modal = nil
        guard kpis.indices.contains(index) else { return [] }
        let kpi = kpis[index]
        let activity = Activity(person: state.user, kpi: kpi, count: 1, at: state.now)
        let amount = state.data.kpis.first { $0.id == kpi }?.amount(1) ?? "1 × \(kpi)"
        let effects = Undo.change(&state, [.logActivity(activity)], label: "log \(amount)") { _ in .activity(activity) }
        if !effects.isEmpty { ReminderActions.note(&state, "Logged \(amount)") }
        return effects
    }
}
