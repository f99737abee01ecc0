import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// `u` takes back the person's last change, whichever pane it was made in, or says why not.
@Suite struct UndoKeysTests {
    /// Maria renames R1 in the reminders pane, then moves to the cases pane on C1.
    static func editedThenOnCases() -> AppState {
        var state = Fixture.state()
        _ = press(.char("e"), &state)
        _ = press(.ctrl("u"), &state)
        _ = type("Call Acme back today", &state)
        _ = press(.enter, &state)
        _ = press(.tab, &state)
        return state
    }

    static func title(_ state: AppState) -> String? { state.data.reminders.first { $0.id == "R1" }?.title }
    static func item(_ state: AppState, _ id: String = "C1") -> SupportCase? { state.data.cases.first { $0.id == id } }

    static func footer(_ state: AppState) -> String { Dashboard.render(state).textLines().suffix(2).joined() }

    @Test func undoAfterResolvingACaseReopensItAndLeavesTheEarlierEditAlone() throws {
        var state = Self.editedThenOnCases()
        _ = press(.char("x"), &state)
        _ = press(.char("y"), &state)
        #expect(Self.item(state)?.status == .resolved)
        let effects = press(.char("u"), &state)
        let c1 = try #require(Self.item(state))
        #expect(c1.status == .open)
        #expect(c1.resolvedAt == nil)
        #expect(c1.history.map(\.action) == ["resolved", "undone"])
        #expect(c1.history.last?.actor == "maria")
        #expect(Self.title(state) == "Call Acme back today")
        #expect(state.message?.text == "Undone: resolve C1")
        guard case .persist(let stored)? = effects.first, case .supportCase(.undo(let id, _, _, let actor))? = stored.first,
              id == "C1", actor == "maria" else {
            Issue.record("no case undo stored: \(effects)")
            return
        }
        // Next, the edit before it.
        _ = press(.char("u"), &state)
        #expect(Self.title(state) == "Call Acme back")
    }

    @Test func aResponseCannotBeUndoneAndUSaysSoInsteadOfUndoingSomethingOlder() {
        var state = Self.editedThenOnCases()
        _ = press(.char("r"), &state)
        #expect(Self.footer(state).contains("C1 responded"))
        _ = Reducer.reduce(&state, .tick(Fixture.now + 6))
        #expect(!Self.footer(state).contains("u undo"))
        let effects = press(.char("u"), &state)
        #expect(effects.isEmpty)
        #expect(state.message?.text == "cannot undo: the response to C1 was already sent")
        #expect(Self.title(state) == "Call Acme back today")
        #expect(Self.item(state)?.firstResponseAt == Fixture.now)
        // The help says the same, rather than offering it.
        _ = Reducer.reduce(&state, .tick(Fixture.now + 12))
        _ = press(.char("?"), &state)
        let help = Dashboard.render(state).textLines().joined(separator: "\n")
        #expect(help.contains("undo your last change (cannot undo: the response to C1 was already sent)"), "\(help)")
    }

    @Test func theFooterOffersUndoOnlyOnceThereIsSomethingToUndo() {
        var state = Fixture.state()
        #expect(!Self.footer(state).contains("u undo"))
        _ = press(.char("a"), &state)
        _ = Reducer.reduce(&state, .tick(Fixture.now + 6))
        #expect(Self.footer(state).contains("u undo"))
        _ = press(.char("u"), &state)
        _ = Reducer.reduce(&state, .tick(Fixture.now + 12))
        #expect(!Self.footer(state).contains("u undo"))
        #expect(press(.char("u"), &state).isEmpty)
        #expect(state.message?.text == "Nothing to undo")
    }

    @Test func anAssignIsUndoneToThePreviousOwner() {
        var state = Fixture.state()
        _ = press(.tab, &state)
        _ = press(.char("w"), &state)
        _ = press(.ctrl("u"), &state)
        _ = type("maria", &state)
        _ = press(.enter, &state)
        #expect(Self.item(state)?.owner == "maria")
        _ = press(.char("u"), &state)
        #expect(Self.item(state)?.owner == "tom")
        #expect(Self.item(state)?.history.last?.detail == "assigned")
    }

    @Test func aPauseIsUndoneWithoutCountingAsTheCustomersReply() {
        var state = Fixture.state()
        _ = press(.tab, &state)
        _ = press(.char("p"), &state)
        #expect(Self.item(state)?.status == .pendingCustomer)
        _ = Reducer.reduce(&state, .tick(Fixture.minutes(2)))
        _ = press(.char("u"), &state)
        #expect(Self.item(state)?.status == .open)
        #expect(Self.item(state)?.pauses == [])
        #expect(Self.item(state)?.lastCustomerMessageAt == nil)
    }

    @Test func aLoggedActivityIsCancelledOnTheDayItCounted() throws {
        var state = Fixture.state()
        _ = press(.tab, &state)
        _ = press(.tab, &state)
        _ = press(.char("l"), &state)
        _ = press(.char("1"), &state)
        let points = { (s: AppState) in s.derived.leaderboard.first { $0.person == "maria" }?.points }
        #expect(points(state) == 2)
        _ = Reducer.reduce(&state, .tick(Fixture.minutes(3)))
        let effects = press(.char("u"), &state)
        let correction = Activity(person: "maria", kpi: "calls", count: -1, at: Fixture.now, note: "undo")
        #expect(effects == [.persist([.logActivity(correction)])])
        #expect((points(state) ?? 0) == 0)
        #expect(state.message?.text == "Undone: log 1 × Calls")
    }

    @Test func undoingAnAddTakesTheReminderAwayAgain() {
        var state = Fixture.state()
        fillNewReminder(title: "Call Nordwind", due: "+2h", &state)
        _ = press(.enter, &state)
        #expect(state.data.reminders.contains { $0.title == "Call Nordwind" })
        _ = press(.char("u"), &state)
        #expect(!state.data.reminders.contains { $0.title == "Call Nordwind" })
    }

    @Test func anAddSomeoneChangedSinceStays() {
        var state = Fixture.state()
        fillNewReminder(title: "Call Nordwind", due: "+2h", &state)
        _ = press(.enter, &state)
        // Tom acknowledges it in his terminal; the dashboard reads it a second later.
        var data = state.data
        let id = data.reminders.last!.id
        try? Mutation.reminder(.edit(id: id, [.owners(["maria", "tom"])], ChangeStamp(at: Fixture.now + 1, actor: "tom")))
            .apply(to: &data)
        _ = Reducer.reduce(&state, .reloaded(data))
        _ = press(.char("u"), &state)
        #expect(state.data.reminders.contains { $0.id == id })
        #expect(state.message?.text == "not undone: tom edited it since")
    }
}
