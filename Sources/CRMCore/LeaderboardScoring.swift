import Foundation

/// Points, goals and attainment for any period inside a tally's window.
struct Scoring {
    let tally: ActivityTally
    let bonus: Int
    let cal: Calendar

    private var window: DayWindow { tally.window }

    /// Rows for one period with ranks, but without movement, streaks or recognitions.
    func ranked(_ range: PeriodRange) -> [LeaderboardRow] {
        let days = window.indexes(of: range, cal: cal)
        let workingDays = days.filter { window.working[$0] }.count
        var entries: [(name: String, id: String, row: LeaderboardRow)] = []
        for (p, person) in tally.people.enumerated() {
            let present = presentDays(person, in: days)
            var points = 0
            var progress: [KPIProgress] = []
            for (k, kpi) in tally.kpis.enumerated() {
                let goal = Self.goal(kpi, role: person.role, period: range.period,
                                     workingDays: workingDays, presentDays: present)
                let kpiProgress = self.progress(person: p, kpi: k, days: days, goal: goal)
                guard kpiProgress.count != 0 || Self.hasGoal(kpi, role: person.role) else { continue }
                points += kpiProgress.count * kpi.points
                if let goal, kpiProgress.count >= goal { points += bonus }
                progress.append(kpiProgress)
            }
            let expected = tally.kpis.contains { Self.hasGoal($0, role: person.role) }
                && (present > 0 || workingDays == 0)
            guard expected || progress.contains(where: { $0.count != 0 }) else { continue }
            let attained = progress.compactMap(\.attainment).map { min(1, $0) }
            let attainment = attained.isEmpty ? nil : attained.reduce(0, +) / Double(attained.count)
            entries.append((person.name, person.id, LeaderboardRow(
                rank: 0, person: person.id, team: person.team, points: points,
                kpis: progress, attainment: attainment)))
        }
        return Leaderboard.ranking(entries)
    }

    /// One KPI's units over some days, counted and as logged, against a goal if there is one.
    func progress(person p: Int, kpi k: Int, days: Range<Int>, goal: Int?) -> KPIProgress {
        let count = tally.count(person: p, kpi: k, days: days)
        return KPIProgress(kpi: tally.kpis[k].id, count: count, logged: tally.logged(person: p, kpi: k, days: days),
                           goal: goal, attainment: goal.map { Double(count) / Double($0) })
    }

    /// For each team, who of its members was there in the period: not away on every working
    /// day of it. With no working day in the period nobody can be away for it, so all were.
    func workingMembers(_ range: PeriodRange) -> [String: Set<String>] {
        workingMembers(days: window.indexes(of: range, cal: cal))
    }

    func workingMembers(days: Range<Int>) -> [String: Set<String>] {
        let anyWorkingDay = days.contains { window.working[$0] }
        var members: [String: Set<String>] = [:]
        for person in tally.people {
            guard let team = person.team, !anyWorkingDay || presentDays(person, in: days) > 0 else { continue }
            members[team, default: []].insert(person.id)
        }
        return members
    }

    /// Working days of the period on which the person is not away.
    func presentDays(_ person: Person, in days: Range<Int>) -> Int {
        days.filter { window.working[$0] && (person.away.isEmpty || !person.isAway(on: window.day($0))) }.count
    }

    static func hasGoal(_ kpi: KPI, role: String) -> Bool {
        kpi.goals.contains { $0.role == role && $0.count > 0 }
    }

    /// A goal set for the period itself wins, scaled by the share of working days the person
    /// is present; otherwise a daily goal counts once per working day present, which also
    /// means no daily goal on a weekend, a holiday or a day away. Goals for other periods do
    /// not carry over. A goal pro-rated down to nothing is no goal.
    static func goal(_ kpi: KPI, role: String, period: Period, workingDays: Int, presentDays: Int) -> Int? {
        let goals = kpi.goals.filter { $0.role == role && $0.count > 0 }
        if period != .day, let same = goals.first(where: { $0.period == period }) {
            guard workingDays > 0 else { return nil }
            let share = Double(same.count) * Double(presentDays) / Double(workingDays)
            let scaled = Int(share.rounded())
            return scaled > 0 ? scaled : nil
        }
        if let daily = goals.first(where: { $0.period == .day }), presentDays > 0 {
            return daily.count * presentDays
        }
        return nil
    }
}

extension Person {
    public func isAway(on day: LocalDate) -> Bool { away.contains { $0.contains(day) } }
}
