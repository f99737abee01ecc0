import Foundation

extension DemoData {
    /// Typical output per working day: mean and how far a day may stray from it.
    private struct Habit {
        var kpi: String
        var mean: Double
        var spread: Int
    }

    private static let habits: [(String, [Habit])] = [
        ("maria", [Habit(kpi: "calls", mean: 4, spread: 2),
                   Habit(kpi: "appointments", mean: 0.6, spread: 0),
                   Habit(kpi: "quotes-sent", mean: 0.3, spread: 0)]),
        ("jonas", [Habit(kpi: "calls", mean: 13, spread: 3),
                   Habit(kpi: "appointments", mean: 1.2, spread: 1),
                   Habit(kpi: "quotes-sent", mean: 0.7, spread: 0)]),
        ("aisha", [Habit(kpi: "calls", mean: 11, spread: 3),
                   Habit(kpi: "appointments", mean: 1.4, spread: 1),
                   Habit(kpi: "quotes-sent", mean: 0.8, spread: 0)]),
        ("kenji", [Habit(kpi: "calls", mean: 9, spread: 3),
                   Habit(kpi: "appointments", mean: 0.9, spread: 1),
                   Habit(kpi: "quotes-sent", mean: 0.6, spread: 0)]),
        ("priya", [Habit(kpi: "cases-closed", mean: 2, spread: 1),
                   Habit(kpi: "first-responses", mean: 3, spread: 2)]),
        ("lucas", [Habit(kpi: "cases-closed", mean: 9, spread: 2),
                   Habit(kpi: "first-responses", mean: 12, spread: 3)]),
        ("sofia", [Habit(kpi: "cases-closed", mean: 8.5, spread: 2),
                   Habit(kpi: "first-responses", mean: 11, spread: 3)]),
        ("emeka", [Habit(kpi: "cases-closed", mean: 7, spread: 2),
                   Habit(kpi: "first-responses", mean: 10, spread: 3)]),
    ]

    private static let customers = [
        "Acme", "Nordwind GmbH", "Kowalski & Sons", "Lumen Health", "Vantage Retail",
        "Helios Energy", "Sakura Foods", "Baltic Timber", "Casa Verde", "Oduya Partners",
    ]

    /// Two weeks of logging up to `now`, on working days only. Sofia's days this week are
    /// Lucas's in another order, which ties them on what they logged while their daily
    /// numbers and streaks still differ; the cases each resolved and answered in time, which
    /// crmtop counts itself, then set them apart. Jonas had a call blitz on the last working day
    /// before today, above the daily cap, so the cap is visible in the demo.
    static func activities(_ c: DemoClock, kpis: [KPI]) -> [Activity] {
        var rng = SplitMix64(seed: 0x0C12_70B0_2026_0001)
        let caps = Dictionary(kpis.map { ($0.id, $0.dailyCap ?? Int.max) },
                              uniquingKeysWith: { a, _ in a })
        let days = (0..<14).map { PeriodMath.adding(days: -$0, to: c.today) }
            .filter { PeriodMath.isWorkingDay($0, in: c.calendar) }
        let week = PeriodRange.range(of: .week, containing: c.now, timeZone: c.cal.timeZone)
        let thisWeek = days.filter { PeriodMath.startOfDay($0, in: c.cal) >= week.start }

        // counts[person][day][kpi], for whole days; today is cut down to what fits before now.
        var counts: [String: [LocalDate: [String: Int]]] = [:]
        for (person, personHabits) in habits {
            for day in days {
                for habit in personHabits {
                    let whole = Int(habit.mean)
                    let extra = rng.chance(habit.mean - Double(whole)) ? 1 : 0
                    let n = whole + extra + rng.int(-habit.spread...habit.spread)
                    counts[person, default: [:]][day, default: [:]][habit.kpi] =
                        min(max(0, n), caps[habit.kpi] ?? Int.max)
                }
            }
        }
        let pastThisWeek = thisWeek.filter { $0 != c.today }
        for (mine, lucas) in zip(pastThisWeek, pastThisWeek.reversed()) {
            counts["sofia", default: [:]][mine] = counts["lucas"]?[lucas]
        }
        if thisWeek.contains(c.today) {
            counts["sofia", default: [:]][c.today] = counts["lucas"]?[c.today]
        }
        if let blitz = days.first(where: { $0 != c.today }) {
            counts["jonas", default: [:]][blitz, default: [:]]["calls"] = 24
        }

        var result: [Activity] = []
        for (person, _) in habits {
            for day in days.reversed() {
                for (kpi, n) in (counts[person]?[day] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    result += spread(n, kpi: kpi, person: person, on: day, c, &rng)
                }
            }
        }
        return result.sorted { ($0.at, $0.person, $0.kpi) < ($1.at, $1.person, $1.kpi) }
    }

    /// `n` loggings spread over the day's open hours (only those before `now` today),
    /// whole minutes, strictly increasing.
    private static func spread(_ n: Int, kpi: String, person: String, on day: LocalDate,
                               _ c: DemoClock, _ rng: inout SplitMix64) -> [Activity] {
        let open = PeriodMath.at(day, minute: 9 * 60, in: c.cal)
        let close = min(PeriodMath.at(day, minute: 17 * 60, in: c.cal), c.now)
        let minutes = Int(close.timeIntervalSince(open) / 60)
        // Today only the share of the day already worked shows up.
        let share = day == c.today ? Double(max(0, minutes)) / (8 * 60) : 1
        let count = Int((Double(n) * min(1, share)).rounded(.down))
        guard count > 0, minutes > count else { return [] }
        let slot = minutes / count
        return (0..<count).map { i in
            let minute = i * slot + rng.int(0...(slot - 1))
            let note: String? = switch kpi {
            case "appointments": customers[rng.int(0...customers.count - 1)]
            case "quotes-sent": "Q-\(rng.int(3000...3999)) for \(customers[rng.int(0...customers.count - 1)])"
            default: nil
            }
            return Activity(person: person, kpi: kpi, at: open.addingTimeInterval(
                TimeInterval(minute * 60)), note: note)
        }
    }
}
