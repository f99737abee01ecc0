import ArgumentParser
import CRMCore
import CRMStore
import Foundation

/// `crmtop leaderboard set`: the leaderboard's settings (settings.json's `leaderboard`) from the
/// command line, each checked before anything is written.
struct LeaderboardSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change how the leaderboard scores and shows: top N, week start, goal bonus, team score.",
        discussion: """
            Only what is given changes; running dashboards and walls follow within a second.
            Example: crmtop leaderboard set --top-n 10 --week-start monday --goal-bonus 20 --team-score average
            Example: crmtop leaderboard set --top-n all
            """
    )

    @OptionGroup var global: GlobalOptions

    // Not --top: that is the board's own option, for one run, and the parser gives it to the board.
    @Option(name: .customLong("top-n"),
            help: ArgumentHelp("Shared screens show only those ranked this high (top_n), or all.", valueName: "n|all"))
    var top: String?

    @Option(help: ArgumentHelp("The first day of a leaderboard week: monday … sunday.", valueName: "day"))
    var weekStart: String?

    // Unconditional, so that a negative number is read as one and refused as such.
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Points added for each KPI goal a person reaches in the period.", valueName: "points"))
    var goalBonus: Int?

    @Option(help: ArgumentHelp("How a team scores from its members' points: sum or average.", valueName: "sum|average"))
    var teamScore: String?

    func validate() throws {
        guard top != nil || weekStart != nil || goalBonus != nil || teamScore != nil else {
            throw ValidationError("give at least one of --top-n, --week-start, --goal-bonus, --team-score")
        }
        _ = try changed(LeaderboardSettings())
    }

    /// `settings` with what was given put in; refuses the first value that is wrong.
    func changed(_ settings: LeaderboardSettings) throws -> LeaderboardSettings {
        var settings = settings
        if let top {
            if top == "all" {
                settings.topN = nil
            } else {
                guard let n = Int(top), n >= 1 else {
                    throw ValidationError("--top-n: \"\(top)\" is not a number from 1 up, or all")
                }
                settings.topN = n
            }
        }
        if let weekStart {
            let days = LeaderboardSettings.weekdayNames
            guard let n = days.firstIndex(of: weekStart.lowercased()) else {
                throw ValidationError("--week-start: \"\(weekStart)\" is not one of " + days.joined(separator: ", "))
            }
            settings.weekStart = n + 1
        }
        if let goalBonus {
            guard goalBonus >= 0 else {
                throw ValidationError("--goal-bonus: \(goalBonus) is negative; a goal reached adds 0 or more points")
            }
            settings.goalBonus = goalBonus
        }
        if let teamScore {
            guard let method = TeamScore(rawValue: teamScore) else {
                throw ValidationError("--team-score: \"\(teamScore)\" is not one of "
                    + TeamScore.allCases.map(\.rawValue).joined(separator: ", "))
            }
            settings.teamScore = method
        }
        return settings
    }

    func run() throws {
        var session = try Session.open(global)
        defer { session.close() }
        var settings = session.data.settings
        settings.leaderboard = try changed(settings.leaderboard)
        try session.apply([.settings(settings)])
        let board = session.data.settings.leaderboard
        try global.report(json: try SettingsJSON.leaderboard(board), text: Self.describe(board) + "\n")
    }

    /// "Leaderboard: top 10 on shared screens, weeks start on Monday, 20 points a goal, …"
    static func describe(_ s: LeaderboardSettings) -> String {
        let day = LeaderboardSettings.weekdayNames[max(0, min(6, s.weekStart - 1))].capitalized
        let shown = s.topN.map { "top \($0) on shared screens" } ?? "everyone on shared screens"
        let teams = switch s.teamScore {
        case .sum: "teams score the sum of their members' points"
        case .average: "teams score the average of their members"
        }
        return "Leaderboard: \(shown), weeks start on \(day), \(s.goalBonus) points a goal, \(teams)."
    }
}
