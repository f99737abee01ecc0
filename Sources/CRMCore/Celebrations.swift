import Foundation

/// Good news for a shared screen: a goal reached, someone taking the lead, a streak reaching a
/// milestone. Only good news: nobody is named for falling behind, losing the lead or coming last.
public struct Celebration: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A KPI goal reached on the board of its own period (as the notifier's `goal.reached`).
        case goalReached(kpi: String, count: Int, goal: Int, period: Period)
        /// First on the board with points, where they were not just before; `shared` when
        /// someone else is first too.
        case tookTheLead(period: Period, shared: Bool)
        /// Working days in a row on every daily goal, reaching one of `Celebrations.streakMilestones`.
        case streak(days: Int)
    }

    public var kind: Kind
    /// The person's handle.
    public var person: String
    /// Names the event: the same goal and period, lead of the same period, or streak length on
    /// the same day gives the same key in every process.
    public var key: String

    public init(kind: Kind, person: String, key: String) {
        self.kind = kind
        self.person = person
        self.key = key
    }

    /// One line for people, with the person's name and the KPI's.
    public func text(in data: DataSet) -> String {
        let name = data.person(person)?.name ?? person
        switch kind {
        case .goalReached(let kpi, let count, let goal, let period):
            let kpiName = data.kpis.first { $0.id == kpi }?.name ?? kpi
            let when = period == .day ? "today's" : "this \(period.rawValue)'s"
            return "\(name) reached \(when) \(kpiName) goal: \(count) of \(goal)"
        case .tookTheLead(let period, let shared):
            let when = period == .day ? "today" : "this \(period.rawValue)"
            return "\(name) \(shared ? "shares" : "takes") the lead \(when)"
        case .streak(let days):
            return "\(name): \(days) working days in a row on every daily goal"
        }
    }
}

/// Which celebrations stand at a moment: what became true in the `shownFor` seconds up to
/// `now`, found by comparing the boards at both ends of that stretch. Worked out from the data
/// and `now` alone, so every screen shows each for the same half minute after the activity
/// that earned it, and a test stepping through a day sees each exactly once.
public enum Celebrations {
    public static let shownFor: TimeInterval = 30
    public static let streakMilestones: Set<Int> = [5, 10, 20, 50, 100]

    /// `period` is the board on screen, whose lead counts; goals count on their own period's
    /// board, whatever is on screen.
    public static func live(in data: DataSet, period: Period, at now: Date) -> [Celebration] {
        // With nothing recorded in the window, both ends give the same boards; most moments
        // are like that, and a board can take a good part of a second.
        let derived = data.kpis.contains { DerivedKPI.isReserved($0.id) }
        guard RecordedMoments.around(now, in: data, derivedKPIs: derived).recent != nil else { return [] }
        let goalPeriods = NotificationEvents.goalPeriods(data)
        let periods = [period] + goalPeriods.filter { $0 != period }
        let boards = Leaderboard.boards(data, periods: periods, now: now)
        let before = Leaderboard.boards(data, periods: periods, now: now.addingTimeInterval(-shownFor))
        var found: [Celebration] = []
        for (n, p) in periods.enumerated() where goalPeriods.contains(p) {
            let reached = Set(NotificationEvents.goalEvents(on: before[n], period: p, data: data).map(\.key))
            for event in NotificationEvents.goalEvents(on: boards[n], period: p, data: data)
            where !reached.contains(event.key) {
                guard let kpi = event.kpi,
                      let progress = boards[n].rows.first(where: { $0.person == event.subject })?
                        .kpis.first(where: { $0.kpi == kpi }),
                      let goal = progress.goal else { continue }
                found.append(Celebration(kind: .goalReached(kpi: kpi, count: progress.count, goal: goal, period: p),
                                         person: event.subject, key: event.key))
            }
        }
        found += leads(boards[0], before: before[0], period: period)
        found += streaks(boards[0], before: before[0], data: data, now: now)
        return found
    }

    private static func leading(_ board: Leaderboard.Board) -> [LeaderboardRow] {
        board.rows.filter { $0.rank == 1 && $0.points > 0 }
    }

    /// A new period starts with nobody ahead, so its first leader is news too.
    private static func leads(_ board: Leaderboard.Board, before: Leaderboard.Board,
                              period: Period) -> [Celebration] {
        let leaders = leading(board)
        let earlier = before.range == board.range ? Set(leading(before).map(\.person)) : []
        return leaders.filter { !earlier.contains($0.person) }.map { row in
            Celebration(kind: .tookTheLead(period: period, shared: leaders.count > 1), person: row.person,
                        key: "lead/\(period.rawValue)/\(NotificationEvents.stamp(board.range.start))/\(row.person)")
        }
    }

    private static func streaks(_ board: Leaderboard.Board, before: Leaderboard.Board, data: DataSet,
                                now: Date) -> [Celebration] {
        let earlier = Dictionary(before.rows.map { ($0.person, $0.streak) }, uniquingKeysWith: { a, _ in a })
        let day = TimeText.wallClock(now, zone: data.settings.defaultCalendar.timeZone).day
        return board.rows.filter { streakMilestones.contains($0.streak) && (earlier[$0.person] ?? 0) < $0.streak }
            .map { row in
                Celebration(kind: .streak(days: row.streak), person: row.person,
                            key: "streak/\(row.person)/\(row.streak)/\(day)")
            }
    }
}
