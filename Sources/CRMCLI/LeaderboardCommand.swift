import ArgumentParser
import CRMApp
import CRMCore
import CRMStore
import Foundation

struct LeaderboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "The KPI leaderboard for today, this week, month, quarter or year.",
        usage: """
            crmtop leaderboard [--period <period> | --contest <id>] [--teams] [--top <top>]
              crmtop leaderboard set [--top-n <n|all>] [--week-start <day>] [--goal-bonus <points>] [--team-score <sum|average>]
            """,
        discussion: """
            Example: crmtop leaderboard --period month --top 5
            With a top N (--top, else the top_n setting) you still see your own row, and your team's.
            A KPI's count is what counted after its daily cap; where the cap held some back the \
            table says so ("calls 69/73 capped"), and --json gives logged and counted both.
            Someone without a goal shows a dash (no goal) rather than 0 %.
            Example: crmtop leaderboard --contest dec-calls --teams
            """,
        subcommands: [LeaderboardSetCommand.self]
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "day, week, month, quarter or year: the one that contains now (default: week).",
            transform: parsePeriod)
    var period: Period?

    @Option(help: ArgumentHelp("A contest's standings instead (an id from crmtop contest list).", valueName: "id"))
    var contest: String?

    @Flag(help: "Rank teams instead of people.")
    var teams = false

    @Option(help: "Show only the top N (default: the top_n setting; 0 shows only your own row).")
    var top: Int?

    func validate() throws {
        if let top, top < 0 { throw ValidationError("--top must not be negative") }
        if contest != nil && period != nil {
            throw ValidationError("--period and --contest exclude each other: a contest has its own days")
        }
    }

    func run() throws {
        let session = try Session.open(global)
        defer { session.close() }
        if let contest { return try ContestStandings.print(contest, session: session, teams: teams, top: top, global: global) }
        let data = session.data
        let period = self.period ?? .week
        let board = Leaderboard.board(data, period: period, now: session.now)
        let topN = top ?? data.settings.leaderboard.topN
        let title = "· \(period.rawValue) · \(Self.dates(board.range, zone: session.zone))"
        if teams {
            let own = data.person(session.user)?.team
            let rows = Leaderboard.visible(board.teams, topN: topN) { $0.team == own }
            global.report(json: .array(rows.map(LeaderboardJSON.team)),
                          text: "Teams \(title)\n" + Self.teamTable(rows, all: board.teams))
        } else {
            let rows = Leaderboard.visible(board.rows, topN: topN, viewer: session.user)
            global.report(json: .array(rows.map { LeaderboardJSON.row($0, data: data) }),
                          text: "Leaderboard \(title)\n" + Self.table(rows, all: board.rows, data: data))
        }
    }

    /// "Wed 18 Nov 2026", or "Mon 16 Nov 2026 – Sun 22 Nov 2026".
    static func dates(_ range: PeriodRange, zone: TimeZone) -> String {
        let first = Format.date(range.start, zone: zone)
        let last = Format.date(range.end.addingTimeInterval(-1), zone: zone)
        return first == last ? first : "\(first) – \(last)"
    }

    static func table(_ rows: [LeaderboardRow], all: [LeaderboardRow], data: DataSet) -> String {
        guard !all.isEmpty else {
            return "Nobody is on the board yet. Give a role a goal (crmtop kpi add) or log something (crmtop log).\n"
        }
        var table = PlainTable([.init(title: "#", alignRight: true), .init(title: ""), .init(title: "NAME"),
                                .init(title: "TEAM"), .init(title: "PTS", alignRight: true),
                                .init(title: "GOAL", alignRight: true), .init(title: "STREAK", alignRight: true),
                                .init(title: "")])
        table.rows = withGaps(rows, in: all, id: \.person) { r in
            ["\(r.rank).", movement(r.rank, r.previousRank), data.person(r.person)?.name ?? r.person,
             r.team ?? "", "\(r.points)", Format.percent(r.attainment),
             r.streak > 1 ? "\(r.streak)d" : "",
             (r.recognitions.map(describe) + capNotes(r)).joined(separator: ", ")]
        }
        return table.render()
    }

    /// "calls 69/73 capped": where a daily cap kept some of what was logged from counting.
    static func capNotes(_ r: LeaderboardRow) -> [String] {
        r.kpis.filter(\.capped).map { "\($0.kpi) \($0.count)/\($0.logged) capped" }
    }

    static func teamTable(_ rows: [TeamRow], all: [TeamRow]) -> String {
        guard !all.isEmpty else { return "No team has anyone on the board yet.\n" }
        var table = PlainTable([.init(title: "#", alignRight: true), .init(title: ""), .init(title: "TEAM"),
                                .init(title: "PEOPLE", alignRight: true), .init(title: "PTS", alignRight: true)])
        table.rows = withGaps(rows, in: all, id: \.team) { t in
            ["\(t.rank).", movement(t.rank, t.previousRank), t.name, "\(t.members)", "\(t.points)"]
        }
        return table.render()
    }

    /// The cells of each row, with a gap marker where rows of `all` were left out between two.
    static func withGaps<Row>(_ rows: [Row], in all: [Row], id: KeyPath<Row, String>,
                                      _ cells: (Row) -> [String]) -> [[String]?] {
        let position = Dictionary(all.enumerated().map { ($1[keyPath: id], $0) }, uniquingKeysWith: { a, _ in a })
        var result: [[String]?] = []
        var last: Int?
        for row in rows {
            let here = position[row[keyPath: id]] ?? 0
            if let last, here > last + 1 { result.append(nil) }
            result.append(cells(row))
            last = here
        }
        return result
    }

    /// As on the dashboard: places gained or lost since the period before, or new on the board.
    static func movement(_ rank: Int, _ previous: Int?) -> String {
        guard let previous else { return "new" }
        let delta = previous - rank
        return delta > 0 ? "▲\(delta)" : delta < 0 ? "▼\(-delta)" : "–"
    }

    static func describe(_ recognition: Recognition) -> String {
        switch recognition {
        case .top: "top"
        case .firstToDailyGoal: "first to today's goal"
        case .longestStreak: "longest streak"
        }
    }
}

func parsePeriod(_ text: String) throws -> Period {
    guard let period = Period(rawValue: text) else {
        throw ValidationError("--period: \"\(text)\" is not one of day, week, month, quarter, year")
    }
    return period
}
