import Foundation

extension Scoring {
    /// The KPIs with a daily goal for a role, with that goal.
    func dailyGoals(_ role: String) -> [(kpi: Int, goal: Int)] {
        tally.kpis.enumerated().compactMap { k, kpi in
            kpi.goals.first { $0.role == role && $0.period == .day && $0.count > 0 }.map { (k, $0.count) }
        }
    }

    /// Working days in a row, back from today, on which every daily goal was met. Days off
    /// and days away do not break a streak; today adds to it once met but cannot break it
    /// yet. `open` when the run reaches the window's first day and may go on before it.
    func streak(of handle: String, today: Int) -> (days: Int, open: Bool) {
        guard let p = tally.personIndex[handle] else { return (0, false) }
        let person = tally.people[p]
        let daily = dailyGoals(person.role)
        guard !daily.isEmpty else { return (0, false) }
        let window = tally.window
        func counts(_ day: Int) -> Bool {
            window.working[day] && !person.isAway(on: window.day(day))
        }
        func met(_ day: Int) -> Bool {
            daily.allSatisfy { tally.counted(person: p, kpi: $0.kpi, day: day) >= $0.goal }
        }
        var days = counts(today) && met(today) ? 1 : 0
        var day = today - 1
        while day >= 0 {
            if counts(day) {
                guard met(day) else { return (days, false) }
                days += 1
            }
            day -= 1
        }
        return (days, true)
    }

    /// Who met every daily goal of their role first today; several when at the same moment.
    /// A goal counts as reached at the moment of the unit that reached it for good, so a
    /// correction that takes the day below the goal again moves that moment later.
    func firstToDailyGoal(today: Int) -> Set<String> {
        guard tally.window.working[today] else { return [] }
        let day = tally.window.day(today)
        let events = Dictionary(grouping: tally.today, by: \.person)
        var reached: [(person: String, at: Date)] = []
        for (p, personEvents) in events {
            let person = tally.people[p]
            let daily = dailyGoals(person.role)
            guard !daily.isEmpty, !person.isAway(on: day) else { continue }
            let ordered = personEvents.sorted { $0.at < $1.at }
            var latest: Date?
            for (kpi, goal) in daily {
                guard let at = reachMoment(ordered.filter { $0.kpi == kpi }, goal: goal,
                                           cap: tally.kpis[kpi].dailyCap) else {
                    latest = nil
                    break
                }
                latest = max(latest ?? at, at)
            }
            if let latest { reached.append((person.id, latest)) }
        }
        guard let first = reached.map(\.at).min() else { return [] }
        return Set(reached.filter { $0.at == first }.map(\.person))
    }

    private func reachMoment(_ events: [(person: Int, kpi: Int, at: Date, count: Int)], goal: Int,
                             cap: Int?) -> Date? {
        if let cap, cap < goal { return nil }
        var total = 0
        var moment: Date?
        for event in events {
            let before = total
            total += event.count
            if before < goal && total >= goal { moment = event.at }
        }
        return total >= goal ? moment : nil
    }
}
