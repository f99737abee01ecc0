import Foundation

public struct KPIProgress: Equatable, Sendable {
    public var kpi: String
    /// What counts towards points: each day's total is capped at the KPI's daily cap, so
    /// `count × points` is exactly what this KPI earned.
    public var count: Int
    /// The goal for the whole period; nil when the person's role has none for it.
    public var goal: Int?
    /// `count / goal`, not capped at 1 so over-achievement stays visible.
    public var attainment: Double?

    public init(kpi: String, count: Int, goal: Int? = nil, attainment: Double? = nil) {
        self.kpi = kpi
        self.count = count
        self.goal = goal
        self.attainment = attainment
    }
}

public struct LeaderboardRow: Equatable, Sendable {
    public var rank: Int
    /// The rank in the period before; nil when the person was not on that board.
    public var previousRank: Int?
    public var person: String
    public var team: String?
    public var points: Int
    public var kpis: [KPIProgress]
    /// Mean over KPIs with a goal of `min(1, attainment)`, so one overshoot cannot hide a miss.
    public var attainment: Double
    /// Working days in a row, up to today, on which every daily goal of the role was met.
    public var streak: Int

    public init(rank: Int, previousRank: Int? = nil, person: String, team: String? = nil,
                points: Int, kpis: [KPIProgress] = [], attainment: Double = 0, streak: Int = 0) {
        self.rank = rank
        self.previousRank = previousRank
        self.person = person
        self.team = team
        self.points = points
        self.kpis = kpis
        self.attainment = attainment
        self.streak = streak
    }
}

public enum Leaderboard {
    /// The board for the `period` containing `now`, best first. Everyone whose role has a
    /// goal is on it, and anyone else who logged something in the period; ties share a
    /// rank (1, 1, 3) and are listed by name.
    public static func rows(_ data: DataSet, period: Period, now: Date) -> [LeaderboardRow] {
        let calendar = data.settings.defaultCalendar
        let weekStart = data.settings.leaderboard.weekStart
        let range = PeriodRange.range(of: period, containing: now, calendar: calendar,
                                      weekStart: weekStart)
        let tally = ActivityTally(data, calendar: calendar, until: now)
        let current = ranked(data, range: range, tally: tally)
        let before = Dictionary(
            ranked(data, range: range.previous(calendar: calendar, weekStart: weekStart),
                   tally: tally).map { ($0.person, $0.rank) },
            uniquingKeysWith: { first, _ in first })
        return current.map { row in
            var row = row
            row.previousRank = before[row.person]
            row.streak = streak(of: row.person, data: data, tally: tally, now: now)
            return row
        }
    }

    /// Rows for one range with ranks but without movement or streaks.
    static func ranked(_ data: DataSet, range: PeriodRange, tally: ActivityTally) -> [LeaderboardRow] {
        let calendar = data.settings.defaultCalendar
        let workingDays = PeriodMath.workingDays(in: range, calendar: calendar)
        let first = PeriodMath.localDate(of: range.start, in: tally.cal)
        let last = PeriodMath.localDate(of: range.end.addingTimeInterval(-1), in: tally.cal)
        let bonus = data.settings.leaderboard.goalBonus

        var rows: [(name: String, row: LeaderboardRow)] = []
        for person in data.people {
            let roleHasGoal = data.kpis.contains { kpi in
                kpi.goals.contains { $0.role == person.role && $0.count > 0 }
            }
            var points = 0
            var progress: [KPIProgress] = []
            for kpi in data.kpis {
                let count = tally.count(person.id, kpi, from: first, through: last)
                let hasGoal = kpi.goals.contains { $0.role == person.role && $0.count > 0 }
                guard count != 0 || hasGoal else { continue }
                let goal = goalFor(kpi, role: person.role, period: range.period,
                                   workingDays: workingDays)
                points += count * kpi.points
                if let goal, count >= goal { points += bonus }
                progress.append(KPIProgress(kpi: kpi.id, count: count, goal: goal,
                                            attainment: goal.map { Double(count) / Double($0) }))
            }
            let logged = progress.contains { $0.count != 0 }
            guard roleHasGoal || logged else { continue }
            let attained = progress.compactMap(\.attainment).map { min(1, $0) }
            let attainment = attained.isEmpty ? 0 : attained.reduce(0, +) / Double(attained.count)
            rows.append((person.name, LeaderboardRow(
                rank: 0, person: person.id, team: person.team, points: points,
                kpis: progress, attainment: attainment)))
        }
        rows.sort {
            ($0.row.points, $1.name, $1.row.person) > ($1.row.points, $0.name, $0.row.person)
        }
        return rows.map { entry in
            var row = entry.row
            row.rank = 1 + rows.count { $0.row.points > row.points }
            return row
        }
    }

    /// A goal set for the period itself wins; otherwise a daily goal is multiplied by the
    /// period's working days, which also means no daily goal on a weekend or holiday.
    /// Goals for other periods are not pro-rated.
    static func goalFor(_ kpi: KPI, role: String, period: Period, workingDays: Int) -> Int? {
        let goals = kpi.goals.filter { $0.role == role && $0.count > 0 }
        if period != .day, let same = goals.first(where: { $0.period == period }) {
            return same.count
        }
        if let daily = goals.first(where: { $0.period == .day }), workingDays > 0 {
            return daily.count * workingDays
        }
        return nil
    }
}
