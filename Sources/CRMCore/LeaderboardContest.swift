import Foundation

extension Leaderboard {
    /// A contest's standings at a moment: everyone taking part, best first, and the teams
    /// when teams take part.
    public struct ContestBoard: Equatable, Sendable {
        public var contest: Contest
        public var phase: Contest.Phase
        /// What counts: from the start of its first day to the end of its last (or its end).
        public var start: Date
        public var end: Date
        /// Everyone taking part, also at zero: they are in the race whether or not they scored.
        public var rows: [LeaderboardRow]
        /// The teams taking part, scored from their members as the standing board scores teams.
        public var teams: [TeamRow]

        public init(contest: Contest, phase: Contest.Phase, start: Date, end: Date, rows: [LeaderboardRow],
                    teams: [TeamRow]) {
            self.contest = contest
            self.phase = phase
            self.start = start
            self.end = end
            self.rows = rows
            self.teams = teams
        }
    }

    /// The contest's board at `now`, tallied as the standing board is (the same daily caps and
    /// corrections) over the contest's days, up to `now` or its end. No goals and so no bonus:
    /// a contest is won on its KPIs' points alone.
    public static func contest(_ contest: Contest, in data: DataSet, now: Date) -> ContestBoard {
        let calendar = data.settings.defaultCalendar
        let cal = PeriodMath.gregorian(calendar.timeZone)
        let (start, end) = contest.span(calendar: calendar)
        let window = DayWindow(from: contest.from, through: max(contest.from, contest.to), calendar: calendar, cal: cal)
        let until = min(now, end.addingTimeInterval(-0.001))
        let scoring = Scoring(tally: ActivityTally(data, window: window, until: until), bonus: 0, cal: cal)
        var rows = scoring.contestRows(contest)
        recognise(&rows, firstToGoal: [])
        let days = 0..<window.count
        let working = scoring.workingMembers(days: days).filter { contest.teams.contains($0.key) }
        let names = Dictionary(data.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let teams = teamScores(rows.filter { $0.team.map(contest.teams.contains) == true }, working: working,
                               method: data.settings.leaderboard.teamScore, names: names)
        return ContestBoard(contest: contest, phase: contest.phase(at: now, calendar: calendar),
                            start: start, end: end, rows: rows, teams: teams)
    }

    /// The boards of the contests running at `now`, in the order they were added.
    public static func runningContests(_ data: DataSet, now: Date) -> [ContestBoard] {
        let calendar = data.settings.defaultCalendar
        return data.settings.contests.filter { $0.phase(at: now, calendar: calendar) == .running }
            .map { contest($0, in: data, now: now) }
    }
}

extension Scoring {
    /// Everyone taking part, on the contest's KPIs over the whole window, ranked.
    func contestRows(_ contest: Contest) -> [LeaderboardRow] {
        let days = 0..<tally.window.count
        let kpis = contest.kpis.compactMap { id in tally.kpis.firstIndex { $0.id == id } }
        var entries: [(name: String, id: String, row: LeaderboardRow)] = []
        for (p, person) in tally.people.enumerated() where contest.takesPart(person) {
            let progress = kpis.map { self.progress(person: p, kpi: $0, days: days, goal: nil) }
            let points = zip(kpis, progress).reduce(0) { $0 + $1.1.count * tally.kpis[$1.0].points }
            entries.append((person.name, person.id, LeaderboardRow(
                rank: 0, person: person.id, team: person.team, points: points, kpis: progress)))
        }
        return Leaderboard.ranking(entries)
    }
}
