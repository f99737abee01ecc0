@testable import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// What a refresh keeps from the last one must never show anything a fresh look at the same
/// data and moment would not.
@Suite struct DerivationMemoTests {
    /// The screen's lists as a state made from scratch would show them.
    static func fresh(_ state: AppState) -> Derived {
        var made = AppState(data: state.data, user: state.user, now: state.now, size: state.size)
        made.everyone = state.everyone
        made.caseScope = state.caseScope
        made.period = state.period
        made.refresh()
        return made.derived
    }

    @Test func aReminderGivenToTheUserJoinsTheirListAndOneTakenAwayLeavesIt() {
        var state = Fixture.state()
        _ = Reducer.change(&state, [.reminder(.edit(id: "R4", [.owners(["tom", "maria"])], nil))])
        #expect(state.derived.reminders.map(\.reminder.id).contains("R4"))
        _ = Reducer.change(&state, [.reminder(.edit(id: "R2", [.owners(["tom"])], nil))])
        #expect(!state.derived.reminders.map(\.reminder.id).contains("R2"))
        #expect(state.derived == Self.fresh(state))
    }

    @Test func acknowledgingAddingAndDeletingKeepTheListAsAFreshLookWouldShowIt() {
        var state = Fixture.state()
        let steps: [[Mutation]] = [
            [.reminder(.acknowledge(id: "R1", person: "maria", at: Fixture.now))],
            [.reminder(.add(Reminder(id: "R9", title: "New", owners: ["maria"], due: Fixture.minutes(3))))],
            [.reminder(.snooze(id: "R2", person: "maria", until: Fixture.minutes(15), at: Fixture.now))],
            [.reminder(.delete(id: "R3")), .reminder(.add(Reminder(id: "R10", title: "Both", owners: ["tom", "maria"],
                                                                   due: Fixture.minutes(1))))],
            [.supportCase(.act(id: "C1", action: .respond, at: Fixture.now, actor: "tom", note: nil))],
        ]
        for step in steps {
            _ = Reducer.change(&state, step)
            #expect(state.derived == Self.fresh(state))
        }
        #expect(state.derived.reminders.map(\.reminder.id).sorted() == ["R1", "R10", "R2", "R9"])
    }

    @Test func secondsPassingUpdateTheCaseCountdownsAsAFreshLookWould() {
        var state = Fixture.state()
        for minutes: Double in [1, 30, 61, 200, 1440] {
            _ = Reducer.reduce(&state, .tick(Fixture.minutes(minutes)))
            #expect(state.derived == Self.fresh(state))
        }
        #expect(state.derived.casesBreached > 0)
    }

    @Test func aLoggedActivityMovesTheBoardAtOnce() {
        var state = Fixture.state()
        let before = state.derived.leaderboard.first { $0.person == "tom" }?.points ?? 0
        _ = Reducer.change(&state, [.logActivity(Activity(person: "tom", kpi: "calls", count: 3, at: Fixture.now))])
        #expect(state.derived.leaderboard.first { $0.person == "tom" }?.points == before + 6)
    }

    @Test func anActivityLoggedAheadCountsOnceItsTimeComes() {
        var data = Fixture.data
        data.activities.append(Activity(person: "tom", kpi: "calls", count: 1, at: Fixture.minutes(2)))
        var state = AppState(data: data, user: "maria", now: Fixture.now, size: Size(width: 120, height: 40))
        let before = state.derived.leaderboard.first { $0.person == "tom" }?.points ?? 0
        _ = Reducer.reduce(&state, .tick(Fixture.minutes(1)))
        #expect(state.derived.leaderboard.first { $0.person == "tom" }?.points == before)
        _ = Reducer.reduce(&state, .tick(Fixture.minutes(3)))
        #expect(state.derived.leaderboard.first { $0.person == "tom" }?.points == before + 2)
    }

    /// Enough cases to be worked on in parts, opened over two days with every priority and
    /// status, some answered and some waiting on the customer.
    static func manyCases() -> DataSet {
        var data = Fixture.data
        var random = SplitMix64(seed: 7)
        data.cases = (0..<3_000).map { n in
            let opened = Fixture.minutes(-Double(random.next() % 2_880))
            let status = CaseStatus.allCases[Int(random.next() % 5)]
            return SupportCase(id: "K\(n)", title: "Case \(n)", customer: "C",
                               priority: CasePriority.allCases[Int(random.next() % 4)], status: status,
                               opened: opened, firstResponseAt: n % 3 == 0 ? opened.addingTimeInterval(600) : nil,
                               pauses: status == .pendingCustomer ? [Pause(start: opened.addingTimeInterval(60))] : [])
        }
        return data
    }

    @Test func manyCasesComeOutMostUrgentFirstEverySecond() {
        let data = Self.manyCases()
        var state = AppState(data: data, user: "maria", now: Fixture.now, size: Size(width: 120, height: 40))
        for minutes: Double in [0, 1, 90, 600] {
            if minutes > 0 { _ = Reducer.reduce(&state, .tick(Fixture.minutes(minutes))) }
            let rows = state.derived.cases
            #expect(rows.count == data.cases.filter(\.status.isOpen).count)
            #expect(Set(rows.map(\.item.id)) == Set(data.cases.filter(\.status.isOpen).map(\.id)))
            #expect(zip(rows, rows.dropFirst()).allSatisfy { !($1.urgency < $0.urgency) })
            #expect(state.derived == Self.fresh(state))
        }
    }
}
