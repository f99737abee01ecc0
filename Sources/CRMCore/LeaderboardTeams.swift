import Foundation

/// Who of each team was there, in the period and the one before, for averages.
struct TeamMembers {
    var working: [String: Set<String>]
    var before: [String: Set<String>]
}

extension Leaderboard {
    /// Teams scored from the people on the board, with movement against the previous board.
    static func teamRows(_ rows: [LeaderboardRow], previous: [LeaderboardRow], members: TeamMembers,
                         data: DataSet) -> [TeamRow] {
        let method = data.settings.leaderboard.teamScore
        let names = Dictionary(data.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let before = Dictionary(teamScores(previous, working: members.before, method: method, names: names)
            .map { ($0.team, $0.rank) }, uniquingKeysWith: { a, _ in a })
        return teamScores(rows, working: members.working, method: method, names: names).map { team in
            var team = team
            team.previousRank = before[team.team]
            return team
        }
    }

    /// People without a team are on the people's board only. An average divides by the
    /// members who were there (`working`), and by anyone on the board besides.
    static func teamScores(_ rows: [LeaderboardRow], working: [String: Set<String>], method: TeamScore,
                           names: [String: String]) -> [TeamRow] {
        let members = Dictionary(grouping: rows.filter { $0.team != nil }, by: { $0.team ?? "" })
        return ranking(members.map { id, people in
            let sum = people.reduce(0) { $0 + $1.points }
            let counted = working[id, default: []].union(people.map(\.person)).count
            let points = switch method {
            case .sum: sum
            case .average: Int((Double(sum) / Double(counted)).rounded())
            }
            let name = names[id] ?? id
            return (name, id, TeamRow(rank: 0, team: id, name: name, points: points, members: people.count,
                                      workingMembers: counted))
        })
    }

    /// What a shared screen shows: the rows ranked within the top `topN` (all of a tie at the
    /// edge, so equals are never split), plus the viewer's own row wherever it is. Everyone
    /// sees their own standing; nobody's low rank goes up on the wall. nil shows every row.
    public static func visible<Row: RankedRow>(_ rows: [Row], topN: Int?, keeping isViewer: (Row) -> Bool) -> [Row] {
        guard let topN else { return rows }
        return rows.filter { $0.rank <= topN || isViewer($0) }
    }

    public static func visible(_ rows: [LeaderboardRow], topN: Int?, viewer: String?) -> [LeaderboardRow] {
        visible(rows, topN: topN) { $0.person == viewer }
    }
}
