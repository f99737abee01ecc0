import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// A running contest gets a page of its own in the wall's rotation.
@Suite struct WallContestTests {
    static let at = GoldenScreenTests.at

    static func wall(_ size: Size, contests: [Contest]) -> AppState {
        var data = DemoData.make(now: at)
        data.settings.contests = contests
        var state = AppState(data: data, user: DemoData.defaultUser, now: at, size: size)
        state.wall = WallSettings(rotate: 15, title: "Sales floor", startedAt: at)
        state.refresh()
        return state
    }

    static let sprint = Contest(id: "sprint", name: "December call sprint", kpis: ["calls"],
                                from: LocalDate(year: 2026, month: 11, day: 23), to: LocalDate(year: 2026, month: 12, day: 18),
                                teams: ["sales"], prize: "Dinner for two")

    /// Every frame of one turn of the rotation.
    static func frames(_ state: AppState, steps: Int = 12) -> [[String]] {
        var state = state
        return (0..<steps).map { step in
            _ = Reducer.reduce(&state, .tick(at + TimeInterval(step * 15)))
            return Dashboard.render(state).textLines()
        }
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 160, height: 48)])
    func aRunningContestTakesItsTurnWithItsPrizeAndStandings(size: Size) throws {
        let frames = Self.frames(Self.wall(size, contests: [Self.sprint]))
        let page = try #require(frames.first { $0.contains { $0.contains("December call sprint") } })
        let text = page.joined(separator: "\n")
        #expect(text.contains("Dinner for two"), "\(text)")
        // Side by side the column is narrower, and the title's end (the last day) may be cut.
        #expect(size.width > 100 || text.contains("ends 18 Dec"), "\(text)")
        #expect(text.contains("Jonas Weber") && text.contains("CALLS"), "\(text)")
        // Only those taking part: the support team is not in this race.
        #expect(!text.contains("Lucas Moreau"), "\(text)")
        // The standing board still has its turn.
        #expect(frames.contains { $0.contains { $0.contains("Leaderboard · this week") } })
    }

    @Test func noContestRunningMeansNoContestPage() {
        let upcoming = Contest(id: "later", name: "January push", kpis: ["calls"],
                               from: LocalDate(year: 2027, month: 1, day: 4), to: LocalDate(year: 2027, month: 1, day: 29),
                               teams: ["sales"])
        let frames = Self.frames(Self.wall(Size(width: 80, height: 24), contests: [upcoming]))
        #expect(!frames.contains { $0.contains { $0.contains("January push") } })
        #expect(frames.first?.last?.contains("○") == true)
    }

    @Test func theFooterCountsTheContestAmongThePages() throws {
        var state = Self.wall(Size(width: 80, height: 24), contests: [Self.sprint])
        _ = Reducer.reduce(&state, .tick(Self.at))
        let footer = try #require(Dashboard.render(state).textLines().last)
        #expect(footer.contains("●○○○"), "\(footer)")
    }
}
