import Foundation

/// What settings.json says about every wall display (`crmtop wall`) on the data directory.
public struct WallDisplaySettings: Equatable, Sendable {
    /// A team's id: walls then show only the due and overdue reminders of that team's
    /// people. nil shows everyone's.
    public var team: String?

    public init(team: String? = nil) {
        self.team = team
    }
}

extension DataSet {
    /// The handles of a team's people: its members and its lead.
    public func people(inTeam id: String) -> Set<String> {
        var handles = Set(people.filter { $0.team == id }.map(\.id))
        if let lead = teams.first(where: { $0.id == id })?.lead { handles.insert(lead) }
        return handles
    }

    public func team(_ id: String) -> Team? { teams.first { $0.id == id } }
}
