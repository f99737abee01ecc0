import CRMApp
import CRMCore
import CRMStore
import Foundation

/// `crmtop leaderboard --contest ID`: a contest's standings, in the rows `leaderboard` prints.
enum ContestStandings {
    static func print(_ id: String, session: Session, teams: Bool, top: Int?, global: GlobalOptions) throws {
        let data = session.data
        guard let contest = data.settings.contests.first(where: { $0.id == id }) else {
            throw CLIError("no contest \(id)" + known(data.settings.contests.map(\.id), "contests"))
        }
        let board = Leaderboard.contest(contest, in: data, now: session.now)
        let topN = top ?? data.settings.leaderboard.topN
        var heading = "Contest · \(contest.name) · \(contest.kpis.joined(separator: ", ")) · "
            + "\(ContestText.days(contest, session: session)) · \(ContestText.state(contest, session: session))\n"
        if let prize = contest.prize { heading += "Prize: \(prize)\n" }
        if teams {
            let own = data.person(session.user)?.team
            let rows = Leaderboard.visible(board.teams, topN: topN) { $0.team == own }
            global.report(json: .array(rows.map(LeaderboardJSON.team)), text: heading + teamTable(rows, all: board.teams))
        } else {
            let rows = Leaderboard.visible(board.rows, topN: topN, viewer: session.user)
            global.report(json: .array(rows.map { LeaderboardJSON.row($0, data: data) }),
                          text: heading + table(rows, all: board.rows, kpis: contest.kpis, data: data))
        }
    }

    /// One column per KPI with what counted, then the points.
    static func table(_ rows: [LeaderboardRow], all: [LeaderboardRow], kpis: [String], data: DataSet) -> String {
        guard !all.isEmpty else { return "Nobody takes part: the people and teams it names are not in people.json.\n" }
        var table = PlainTable([.init(title: "#", alignRight: true), .init(title: "NAME"), .init(title: "TEAM")]
            + kpis.map { .init(title: $0.uppercased(), alignRight: true) }
            + [.init(title: "PTS", alignRight: true), .init(title: "")])
        table.rows = LeaderboardCommand.withGaps(rows, in: all, id: \.person) { r in
            let counts = kpis.map { kpi in r.kpis.first { $0.kpi == kpi }.map { "\($0.count)" } ?? "0" }
            let notes = r.recognitions.map(LeaderboardCommand.describe) + LeaderboardCommand.capNotes(r)
            return ["\(r.rank).", data.person(r.person)?.name ?? r.person, r.team ?? ""] + counts
                + ["\(r.points)", notes.joined(separator: ", ")]
        }
        return table.render()
    }

    static func teamTable(_ rows: [TeamRow], all: [TeamRow]) -> String {
        guard !all.isEmpty else { return "No team takes part.\n" }
        var table = PlainTable([.init(title: "#", alignRight: true), .init(title: "TEAM"),
                                .init(title: "PEOPLE", alignRight: true), .init(title: "PTS", alignRight: true)])
        table.rows = LeaderboardCommand.withGaps(rows, in: all, id: \.team) { t in
            ["\(t.rank).", t.name, "\(t.members)", "\(t.points)"]
        }
        return table.render()
    }
}
