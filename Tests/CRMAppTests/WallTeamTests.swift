import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// A wall for one team shows that team's people's due reminders only: in the list, in the
/// big count and in what flashes. Cases and the leaderboard stay whole.
@Suite struct WallTeamTests {
    static let size = Size(width: 160, height: 48)

    static func data(team: String?) -> DataSet {
        var data = DemoData.make(now: WallTests.at)
        data.settings.wall.team = team
        return data
    }

    static func owners(_ state: AppState) -> [Set<String>] { state.derived.reminders.map { Set($0.reminder.owners) } }

    @Test func theTeamInTheSettingsNarrowsTheReminders() {
        let everyone = WallTests.wall(Self.size)
        let state = WallTests.wall(Self.size, data: Self.data(team: "support"))
        let support = state.data.people(inTeam: "support")
        #expect(support == ["priya", "lucas", "sofia", "emeka"])
        #expect(!state.derived.reminders.isEmpty)
        #expect(Self.owners(state).allSatisfy { !$0.isDisjoint(with: support) })
        #expect(state.derived.reminders.count < everyone.derived.reminders.count)
        #expect(state.derived.remindersDue == 1 && everyone.derived.remindersDue == 9)
        #expect(state.derived.cases == everyone.derived.cases)
        #expect(state.derived.leaderboard == everyone.derived.leaderboard)
        let frame = Dashboard.render(state)
        Golden.check("wall-team-160x48", frame)
        #expect(frame.textLines().contains { $0.contains("Reminders due · Support · 1") })
    }

    @Test func theTeamGivenForOneRunWinsOverTheSettings() {
        var state = WallTests.wall(Self.size, data: Self.data(team: "support"))
        state.wall?.team = "sales"
        state.refresh()
        let sales = state.data.people(inTeam: "sales")
        #expect(!state.derived.reminders.isEmpty)
        #expect(Self.owners(state).allSatisfy { !$0.isDisjoint(with: sales) })
        #expect(Dashboard.render(state).textLines().contains { $0.contains("Reminders due · Sales · 8") })
    }

    /// `crmtop wall set` from another terminal reaches a running wall with the next read.
    @Test func aRunningWallFollowsAChangedSetting() {
        var state = WallTests.wall(Self.size)
        _ = Reducer.reduce(&state, .reloaded(Self.data(team: "support")))
        #expect(state.derived.remindersDue == 1)
        _ = Reducer.reduce(&state, .reloaded(Self.data(team: nil)))
        #expect(state.derived.remindersDue == 9)
        #expect(Dashboard.render(state).textLines().contains { $0.contains("Reminders due · 9") })
    }

    /// Only the team's reminders ring: someone else's coming due is not this room's news.
    @Test func anotherTeamsReminderComingDueDoesNotFlash() throws {
        var state = WallTests.wall(Self.size, bell: true, data: Self.data(team: "support"))
        let all = WallTests.wall(Self.size).derived.reminders
        let support = state.data.people(inTeam: "support")
        let other = try #require(all.first { $0.reminder.priority == .high && $0.occurrence.due > WallTests.at
            && !$0.state.isSettled && support.isDisjoint(with: $0.reminder.owners) })
        _ = Reducer.reduce(&state, .tick(other.occurrence.due + 1))
        #expect(state.flashes[other.reminder.id] == nil)
        #expect(!state.derived.reminders.contains { $0.reminder.id == other.reminder.id })
        #expect(Self.owners(state).allSatisfy { !$0.isDisjoint(with: support) })
    }

    @Test func anUnknownTeamShowsNoRemindersAndSaysWhichTeam() {
        let state = WallTests.wall(Self.size, data: Self.data(team: "marketing"))
        #expect(state.derived.reminders.isEmpty)
        #expect(Dashboard.render(state).textLines().contains { $0.contains("Reminders due · marketing · 0") })
    }
}
