import Foundation
@testable import CRMCore

let berlin = PeriodMath.gregorian(TimeZone(identifier: "Europe/Berlin")!)

/// A wall-clock time in Berlin in November 2026; the 16th is a Monday.
func nov(_ day: Int, _ hour: Int = 12, _ minute: Int = 0) -> Date {
    berlin.date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute))!
}

/// Wednesday afternoon of the week of the 16th.
let wednesday = nov(18, 15)

func day(_ text: String) -> LocalDate { LocalDate(text)! }

/// Three sales reps, their lead and a head of support, on office hours Mon–Fri 09:00–17:00.
/// Reps have a daily goal of 10 calls (capped at 20 a day) and a weekly one of 5 appointments.
func board(_ activities: [Activity], kpis: [KPI]? = nil, holidays: [LocalDate] = [],
           extraPeople: [Person] = [], away: [String: [DateRange]] = [:],
           cases: [SupportCase] = [], reminders: [Reminder] = [], slaPolicies: [SLAPolicy] = [],
           leaderboard: LeaderboardSettings = LeaderboardSettings(weekStart: 1, goalBonus: 50)) -> DataSet {
    let hours = (1...5).map { OpenRange(weekday: $0, startMinute: 540, endMinute: 1020) }
    let calendar = BusinessCalendar(name: "default", zone: "Europe/Berlin", hours: hours,
                                    holidays: holidays)
    let people = [
        Person(id: "ana", name: "Ana Lima", role: "sales-rep", team: "sales"),
        Person(id: "ben", name: "Ben Carter", role: "sales-rep", team: "sales"),
        Person(id: "wong", name: "Adrian Wong", role: "sales-rep", team: "sales"),
        Person(id: "dan", name: "Dan Fox", role: "team-lead", team: "sales"),
        Person(id: "hana", name: "Hana Sato", role: "head-of-support"),
    ] + extraPeople
    return DataSet(
        reminders: reminders,
        cases: cases,
        people: people.map { person in
            var person = person
            person.away += away[person.id] ?? []
            return person
        },
        teams: [Team(id: "sales", name: "Sales"), Team(id: "support", name: "Support")],
        kpis: kpis ?? [
            KPI(id: "calls", name: "Calls", points: 2, dailyCap: 20,
                goals: [Goal(role: "sales-rep", count: 10, period: .day)]),
            KPI(id: "appointments", name: "Appointments", points: 10,
                goals: [Goal(role: "sales-rep", count: 5, period: .week)]),
        ],
        activities: activities,
        settings: Settings(calendars: [calendar], slaPolicies: slaPolicies, leaderboard: leaderboard))
}

func log(_ person: String, _ kpi: String, _ count: Int, _ at: Date) -> Activity {
    Activity(person: person, kpi: kpi, count: count, at: at)
}

func row(_ person: String, _ data: DataSet, period: Period = .week, now: Date = wednesday) -> LeaderboardRow? {
    Leaderboard.rows(data, period: period, now: now).first { $0.person == person }
}
