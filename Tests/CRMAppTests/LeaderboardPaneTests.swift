import CRMApp
import CRMCore
import Foundation
import Testing
import TerminalUI

/// Maria leads without goals and logged a call; Tom went over his cap of 5 calls a day. Every
/// day is a working day, so Tom's weekly goal is 70 calls.
private func state(size: Size = Size(width: 120, height: 40)) -> AppState {
    var data = Fixture.data
    data.kpis[0].dailyCap = 5
    data.activities = [
        Activity(person: "tom", kpi: "calls", count: 8, at: Fixture.minutes(-30)),
        Activity(person: "maria", kpi: "calls", count: 1, at: Fixture.minutes(-20)),
    ]
    return AppState(data: data, user: "maria", now: Fixture.now, size: size)
}

@Suite struct LeaderboardPaneTests {
    @Test(arguments: [Size(width: 120, height: 40), Size(width: 50, height: 30)])
    func someoneWithoutAGoalShowsADashNotNoProgress(size: Size) throws {
        let lines = Dashboard.render(state(size: size)).textLines()
        let maria = try #require(lines.last { $0.contains("Maria Keller") })
        #expect(maria.contains("—") && !maria.contains("0%"), "\(maria)")
        let tom = try #require(lines.last { $0.contains("Tom Berg") })
        #expect(tom.contains("7%"), "\(tom)")
    }

    @Test func theDetailsSayWhatWasLoggedWhenTheCapHeldSomeBack() throws {
        var s = state()
        s.overlay = .details(.leaderboard, id: "tom")
        let text = Dashboard.render(s).plainText()
        #expect(text.contains("5 of 70 · 8 logged, capped at 5 a day"), "\(text)")
        s.overlay = .details(.leaderboard, id: "maria")
        let maria = Dashboard.render(s).plainText()
        #expect(maria.contains("no goal"), "\(maria)")
    }
}
