import CRMCore
import Foundation

/// How the read-only wall display runs. Its presence in `AppState` is what makes the
/// screen a wall: one state, one reducer, another view and key scope.
public struct WallSettings: Equatable, Sendable {
    /// Seconds each pane (or page of a long list) stays before the next one shows.
    public var rotate: TimeInterval
    public var title: String
    /// Ring once when a case newly breaches or a high-priority reminder newly comes due.
    public var bell: Bool
    /// `q` does nothing, so a passer-by cannot end the display.
    public var locked: Bool
    /// Rotation and paging count from here, so the same moment always shows the same page.
    public var startedAt: Date
    /// A team's id for this run only (`--team`), in place of settings.json's `wall.team`.
    public var team: String?

    public static let defaultRotate: TimeInterval = 15
    public static let defaultTitle = "crmtop"

    public init(rotate: TimeInterval = defaultRotate, title: String = defaultTitle, bell: Bool = false,
                locked: Bool = false, startedAt: Date, team: String? = nil) {
        self.rotate = max(1, rotate)
        self.title = title
        self.bell = bell
        self.locked = locked
        self.startedAt = startedAt
        self.team = team
    }

    /// The team whose reminders show, or nil for everyone's. Read from the data each time,
    /// so a wall follows a change to the settings without a restart.
    public func team(in data: DataSet) -> String? { team ?? data.settings.wall.team }

    /// The reminders of the team's people (any owner in it), or all of them when no team is set.
    func narrow(_ reminders: [Reminder], in data: DataSet) -> [Reminder] {
        guard let team = team(in: data) else { return reminders }
        let people = data.people(inTeam: team)
        return reminders.filter { !people.isDisjoint(with: $0.owners) }
    }

    /// Which rotation slot `now` falls in; never negative, even if the clock steps back.
    public func step(at now: Date) -> Int {
        max(0, Int(now.timeIntervalSince(startedAt) / rotate))
    }

    /// When the slot after `now`'s begins.
    public func nextStep(after now: Date) -> Date {
        startedAt.addingTimeInterval(Double(step(at: now) + 1) * rotate)
    }
}
