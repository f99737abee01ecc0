import Foundation

/// Activities summed per person, KPI and local day, built once per board so that the current
/// period, the previous one and every streak read the same buckets.
struct ActivityTally {
    let cal: Calendar
    private var perDay: [String: [String: [LocalDate: Int]]] = [:]
    private let caps: [String: Int]

    /// Only activities at or before `until` count: a board at `now` must not see the future.
    init(_ data: DataSet, calendar: BusinessCalendar, until: Date) {
        cal = PeriodMath.gregorian(calendar.timeZone)
        caps = Dictionary(data.kpis.compactMap { kpi in kpi.dailyCap.map { (kpi.id, $0) } },
                          uniquingKeysWith: { first, _ in first })
        for activity in data.activities where activity.at <= until {
            let day = PeriodMath.localDate(of: activity.at, in: cal)
            perDay[activity.person, default: [:]][activity.kpi, default: [:]][day, default: 0]
                += activity.count
        }
    }

    /// What one day earns: negative corrections cannot take a day below zero, and the cap
    /// stops a burst of logging from buying the board.
    func counted(_ person: String, _ kpi: KPI, on day: LocalDate) -> Int {
        counted(perDay[person]?[kpi.id]?[day] ?? 0, kpi: kpi.id)
    }

    func count(_ person: String, _ kpi: KPI, from first: LocalDate, through last: LocalDate) -> Int {
        guard let days = perDay[person]?[kpi.id] else { return 0 }
        return days.reduce(0) { sum, entry in
            first <= entry.key && entry.key <= last ? sum + counted(entry.value, kpi: kpi.id) : sum
        }
    }

    func firstDay(of person: String) -> LocalDate? {
        perDay[person]?.values.flatMap(\.keys).min()
    }

    private func counted(_ total: Int, kpi: String) -> Int {
        let floored = max(0, total)
        return caps[kpi].map { min($0, floored) } ?? floored
    }
}

extension Leaderboard {
    /// Days off do not break a streak; today adds to it once met but cannot break it yet.
    static func streak(of handle: String, data: DataSet, tally: ActivityTally, now: Date) -> Int {
        guard let person = data.person(handle) else { return 0 }
        let daily = data.kpis.compactMap { kpi -> (KPI, Int)? in
            guard let goal = kpi.goals.first(where: {
                $0.role == person.role && $0.period == .day && $0.count > 0
            }) else { return nil }
            return (kpi, goal.count)
        }
        guard !daily.isEmpty, let earliest = tally.firstDay(of: handle) else { return 0 }
        let calendar = data.settings.defaultCalendar
        func met(_ day: LocalDate) -> Bool {
            daily.allSatisfy { kpi, goal in tally.counted(handle, kpi, on: day) >= goal }
        }

        let today = PeriodMath.localDate(of: now, in: tally.cal)
        var streak = PeriodMath.isWorkingDay(today, in: calendar) && met(today) ? 1 : 0
        var day = PeriodMath.adding(days: -1, to: today)
        // Goals are positive, so nothing before the first activity can have been met.
        while day >= earliest {
            if PeriodMath.isWorkingDay(day, in: calendar) {
                guard met(day) else { break }
                streak += 1
            }
            day = PeriodMath.adding(days: -1, to: day)
        }
        return streak
    }
}
