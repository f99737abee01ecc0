import Foundation

public struct KPIProgress: Equatable, Sendable {
    public var kpi: String
    /// What counts towards points: each day's total is capped at the KPI's daily cap, so
    /// `count × points` is exactly what this KPI earned.
    public var count: Int
    /// What was logged (or derived), corrections included, before the daily cap: each day's
    /// total, never below zero, so `logged - count` is exactly what the cap held back.
    public var logged: Int
    /// The goal for the whole period, pro-rated for days away; nil when the person's role
    /// has none for it.
    public var goal: Int?
    /// `count / goal`, not capped at 1 so over-achievement stays visible.
    public var attainment: Double?

    /// `logged` defaults to `count`: what a cap did not touch.
    public init(kpi: String, count: Int, logged: Int? = nil, goal: Int? = nil, attainment: Double? = nil) {
        self.kpi = kpi
        self.count = count
        self.logged = logged ?? count
        self.goal = goal
        self.attainment = attainment
    }

    /// Whether the daily cap kept some of what was logged from counting.
    public var capped: Bool { logged > count }
}

/// A distinction shown beside a row, so more than the points leader has something to aim for.
public enum Recognition: String, Sendable, CaseIterable {
    /// First on this board (top of the week on a weekly board), with points to show for it.
    case top
    /// First today to meet every daily goal of their role.
    case firstToDailyGoal = "first-to-daily-goal"
    /// The longest streak running now, of at least two days.
    case longestStreak = "longest-streak"
}

/// A row with a rank that ties share; people and teams alike.
public protocol RankedRow {
    var rank: Int { get set }
    var points: Int { get }
}

public struct LeaderboardRow: RankedRow, Equatable, Sendable {
    public var rank: Int
    /// The rank in the period before; nil when the person was not on that board.
    public var previousRank: Int?
    public var person: String
    public var team: String?
    public var points: Int
    public var kpis: [KPIProgress]
    /// Mean over KPIs with a goal of `min(1, attainment)`, so one overshoot cannot hide a miss;
    /// nil when the person has no goal at all, which is not the same as no progress.
    public var attainment: Double?
    /// Working days in a row, up to today, on which every daily goal of the role was met.
    public var streak: Int
    public var recognitions: [Recognition]

    public init(rank: Int, previousRank: Int? = nil, person: String, team: String? = nil,
                points: Int, kpis: [KPIProgress] = [], attainment: Double? = nil, streak: Int = 0,
                recognitions: [Recognition] = []) {
        self.rank = rank
        self.previousRank = previousRank
        self.person = person
        self.team = team
        self.points = points
        self.kpis = kpis
        self.attainment = attainment
        self.streak = streak
        self.recognitions = recognitions
    }
}

public struct TeamRow: RankedRow, Equatable, Sendable {
    public var rank: Int
    /// The rank in the period before; nil when the team was not on that board.
    public var previousRank: Int?
    public var team: String
    /// The team's name from people.json, else its id.
    public var name: String
    /// The sum or the rounded average of its members' points, as the settings say.
    public var points: Int
    /// How many of its people are on the board.
    public var members: Int
    /// What an average divides by: the team's members (people.json's `team`) less those away
    /// for every working day of the period, and anyone of it who scored even so. A member who
    /// worked and scored nothing pulls the average down, as they pull the team's output down.
    public var workingMembers: Int

    public init(rank: Int, previousRank: Int? = nil, team: String, name: String, points: Int, members: Int,
                workingMembers: Int? = nil) {
        self.rank = rank
        self.previousRank = previousRank
        self.team = team
        self.name = name
        self.points = points
        self.members = members
        self.workingMembers = workingMembers ?? members
    }
}

public enum Leaderboard {
    /// One period's board: people and teams, each best first.
    public struct Board: Equatable, Sendable {
        public var range: PeriodRange
        public var rows: [LeaderboardRow]
        public var teams: [TeamRow]

        public init(range: PeriodRange, rows: [LeaderboardRow], teams: [TeamRow]) {
            self.range = range
            self.rows = rows
            self.teams = teams
        }
    }

    /// The people on the board for the `period` containing `now`, best first. Everyone whose
    /// role has a goal is on it unless away for the whole period, and so is anyone else who
    /// earned something; ties share a rank (1, 1, 3) and are listed by name.
    public static func rows(_ data: DataSet, period: Period, now: Date) -> [LeaderboardRow] {
        board(data, period: period, now: now).rows
    }

    /// The teams of the people on the board, ranked the same way.
    public static func teams(_ data: DataSet, period: Period, now: Date) -> [TeamRow] {
        board(data, period: period, now: now).teams
    }

    /// Streaks are followed back at most this many days: a stray entry from decades ago must
    /// not make every board read decades of days.
    static let maxStreakLookback = 4 * 366

    /// People and teams for the `period` containing `now`, computed together because team
    /// movement needs the people's previous board anyway.
    public static func board(_ data: DataSet, period: Period, now: Date) -> Board {
        boards(data, periods: [period], now: now)[0]
    }

    /// The boards of several periods at `now`, one per period in the order given, from one
    /// reading of the activities: each is what `board(_:period:now:)` makes for its period.
    public static func boards(_ data: DataSet, periods: [Period], now: Date) -> [Board] {
        guard !periods.isEmpty else { return [] }
        let calendar = data.settings.defaultCalendar
        let settings = data.settings.leaderboard
        let cal = PeriodMath.gregorian(calendar.timeZone)
        let ranges = periods.map {
            PeriodRange.range(of: $0, containing: now, calendar: calendar, weekStart: settings.weekStart)
        }
        let previous = ranges.map { $0.previous(calendar: calendar, weekStart: settings.weekStart) }
        let today = PeriodMath.localDate(of: now, in: cal)
        let last = ranges.map { PeriodMath.localDate(of: $0.end.addingTimeInterval(-1), in: cal) }.max()!
        let earliest = previous.map { PeriodMath.localDate(of: $0.start, in: cal) }.min()!
        // Streaks need days before the periods; most end within weeks, and the rare longer one
        // is followed back by reading further, which costs another pass only then.
        var lookback = 62
        while true {
            let first = min(earliest, PeriodMath.adding(days: -lookback, to: today))
            let window = DayWindow(from: first, through: last, calendar: calendar, cal: cal)
            let scoring = Scoring(tally: ActivityTally(data, window: window, until: now),
                                  bonus: settings.goalBonus, cal: cal)
            let todayIndex = window.index(of: today)
            let people = scoring.tally.people.map(\.id)
            let streaks = Dictionary(people.map { ($0, scoring.streak(of: $0, today: todayIndex)) },
                                     uniquingKeysWith: { a, _ in a })
            let ranked = ranges.map { scoring.ranked($0) }
            let open = ranked.contains { rows in rows.contains { streaks[$0.person]?.open == true } }
            if open, scoring.tally.hasEarlier, lookback < maxStreakLookback {
                lookback = min(lookback * 4, maxStreakLookback)
                continue
            }
            let firstToGoal = scoring.firstToDailyGoal(today: todayIndex)
            return zip(ranges, zip(ranked, previous)).map { range, parts in
                var rows = parts.0
                let before = scoring.ranked(parts.1)
                let teams = TeamMembers(working: scoring.workingMembers(range),
                                        before: scoring.workingMembers(parts.1))
                // Nobody "was" anywhere on a board where they scored nothing: a shared last place
                // at zero would show everyone falling.
                let previousRanks = Dictionary(before.filter { $0.points > 0 }.map { ($0.person, $0.rank) },
                                               uniquingKeysWith: { a, _ in a })
                for i in rows.indices {
                    rows[i].previousRank = previousRanks[rows[i].person]
                    rows[i].streak = streaks[rows[i].person]?.days ?? 0
                }
                recognise(&rows, firstToGoal: firstToGoal)
                return Board(range: range, rows: rows, teams: teamRows(rows, previous: before, members: teams, data: data))
            }
        }
    }

    static func recognise(_ rows: inout [LeaderboardRow], firstToGoal: Set<String>) {
        let longest = rows.map(\.streak).max() ?? 0
        for i in rows.indices {
            var found: [Recognition] = []
            if rows[i].rank == 1 && rows[i].points > 0 { found.append(.top) }
            if firstToGoal.contains(rows[i].person) { found.append(.firstToDailyGoal) }
            if longest >= 2 && rows[i].streak == longest { found.append(.longestStreak) }
            rows[i].recognitions = found
        }
    }

    /// Ranks rows best first: ties share a rank (1, 1, 3) and are listed by name, then id.
    static func ranking<Row: RankedRow>(_ entries: [(name: String, id: String, row: Row)]) -> [Row] {
        let sorted = entries.sorted {
            ($0.row.points, $1.name, $1.id) > ($1.row.points, $0.name, $0.id)
        }
        var result: [Row] = []
        result.reserveCapacity(sorted.count)
        for (n, entry) in sorted.enumerated() {
            var row = entry.row
            let tied = n > 0 && result[n - 1].points == row.points
            row.rank = tied ? result[n - 1].rank : n + 1
            result.append(row)
        }
        return result
    }
}
