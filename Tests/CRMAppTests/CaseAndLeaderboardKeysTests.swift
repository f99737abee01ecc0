import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

@Suite struct CaseKeysTests {
    /// Focused on the cases pane, the most urgent case (C1, urgent, opened 90 minutes ago) selected.
    func casesState() -> AppState {
        var state = Fixture.state()
        _ = press(.tab, &state)
        return state
    }

    @Test func respondPauseResumeAndResolveAreRecordedAsTheUser() throws {
        var state = casesState()
        #expect(state.selection[.cases] == "C1")
        _ = press(.char("r"), &state)
        var c1 = try #require(state.data.cases.first { $0.id == "C1" })
        #expect(c1.firstResponseAt == Fixture.now)
        #expect(c1.history.last?.action == "responded")
        #expect(c1.history.last?.actor == "maria")
        _ = press(.char("p"), &state)
        c1 = try #require(state.data.cases.first { $0.id == "C1" })
        #expect(c1.status == .pendingCustomer && c1.isPaused)
        _ = press(.char("p"), &state)
        c1 = try #require(state.data.cases.first { $0.id == "C1" })
        #expect(!c1.isPaused && c1.status == .open)
        _ = press(.char("x"), &state)
        _ = press(.char("y"), &state)
        c1 = try #require(state.data.cases.first { $0.id == "C1" })
        #expect(c1.status == .resolved)
        #expect(!state.derived.cases.contains { $0.item.id == "C1" })
    }

    @Test func assignAsksForAKnownOwner() throws {
        var state = casesState()
        _ = press(.char("w"), &state)
        _ = press(.ctrl("u"), &state)
        for c in "zoe" { _ = press(.char(c), &state) }
        _ = press(.enter, &state)
        guard case .form(let form) = state.modal else { Issue.record("form closed on a bad owner"); return }
        #expect(form.fields[0].error == "nobody called zoe")
        _ = press(.ctrl("u"), &state)
        for c in "maria" { _ = press(.char(c), &state) }
        _ = press(.enter, &state)
        #expect(state.modal == nil)
        #expect(state.data.cases.first { $0.id == "C1" }?.owner == "maria")
    }

    @Test func scopeAndKindFiltersNarrowThePane() {
        var state = casesState()
        _ = press(.char("m"), &state)
        #expect(state.caseScope == .mine)
        #expect(state.derived.cases.isEmpty)  // maria owns no case
        _ = press(.char("m"), &state)
        #expect(state.caseScope == .team)
        _ = press(.char("m"), &state)
        #expect(state.derived.cases.count == 2)
        _ = press(.char("f"), &state)
        _ = press(.char("f"), &state)
        #expect(state.caseKind == .feedback)
        #expect(state.derived.cases.isEmpty)
        let title = Dashboard.render(state).textLines().first { $0.contains("Feedback") }
        #expect(title?.contains("Feedback · 0 open") == true)
    }

    @Test func aBreachIsAnnouncedOnce() {
        var state = Fixture.state()
        // C1's first response (1 h, around the clock) has a minute left; C2 (low, 1 d) is on track.
        var data = state.data
        data.cases[0].opened = Fixture.minutes(-59)
        state = AppState(data: data, user: "maria", now: Fixture.now, size: state.size)
        let effects = Reducer.reduce(&state, .tick(Fixture.minutes(2)))
        #expect(effects.contains { if case .notify(let n) = $0 { n.kind == .slaBreach && n.id == "C1" } else { false } })
        #expect(state.message?.text == "SLA breached: C1 Login fails")
        #expect(Reducer.reduce(&state, .tick(Fixture.minutes(3))).isEmpty)
    }
}

@Suite struct LeaderboardKeysTests {
    func boardState() -> AppState {
        var state = Fixture.state()
        _ = press(.backTab, &state)
        return state
    }

    @Test func periodsStepAndTeamsToggle() {
        var state = boardState()
        #expect(state.focus == .leaderboard)
        _ = press(.char("]"), &state)
        #expect(state.period == .month)
        _ = press(.char("["), &state)
        _ = press(.char("["), &state)
        _ = press(.char("["), &state)
        #expect(state.period == .day)
        _ = press(.char("t"), &state)
        #expect(state.derived.showingTeams)
        #expect(Dashboard.render(state).plainText().contains("Teams · today"))
    }

    @Test func loggingPicksAKPIAndCountsForTheUser() {
        var state = boardState()
        state.data.kpis[0].unit = "calls"
        _ = press(.char("l"), &state)
        guard case .menu(let menu) = state.modal else { Issue.record("no menu"); return }
        #expect(menu.items.map(\.label) == ["Calls"])
        let effects = press(.char("1"), &state)
        let logged = Activity(person: "maria", kpi: "calls", count: 1, at: Fixture.now)
        #expect(effects == [.persist([.logActivity(logged)])])
        #expect(state.data.activities.last == logged)
        #expect(state.message?.text == "Logged 1 call")
    }

    /// Without a unit the count stands before the KPI's name, which reads right for any count.
    @Test func loggingAKPIWithoutAUnitNamesIt() {
        var state = boardState()
        _ = press(.char("l"), &state)
        _ = press(.char("1"), &state)
        #expect(state.message?.text == "Logged 1 × Calls")
    }

    @Test func topNKeepsTheViewersOwnRow() {
        var data = Fixture.data
        data.people.append(Person(id: "zoe", name: "Zoe", role: "sales-rep", team: "sales"))
        data.activities.append(Activity(person: "zoe", kpi: "calls", count: 9, at: Fixture.minutes(-5)))
        data.settings.leaderboard.topN = 1
        let state = AppState(data: data, user: "tom", now: Fixture.now, size: Size(width: 120, height: 40))
        #expect(state.derived.leaderboard.map(\.person) == ["zoe", "tom"])
    }
}
