import CRMApp
import CRMCore
import Foundation
import TerminalUI

/// A small hand-made data set whose every value a test can reason about.
enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23T10:00:00Z, a Monday
    static func minutes(_ m: Double) -> Date { now.addingTimeInterval(m * 60) }

    static var data: DataSet {
        DataSet(
            reminders: [
                Reminder(id: "R1", title: "Call Acme back", priority: .high, owners: ["maria", "tom"],
                         start: minutes(-60), due: minutes(-20)),
                Reminder(id: "R2", title: "Send quote to Nordwind", priority: .normal, owners: ["maria"],
                         start: minutes(-10), due: minutes(30)),
                Reminder(id: "R3", title: "Book travel", priority: .low, owners: ["maria"],
                         due: minutes(24 * 60)),
                Reminder(id: "R4", title: "Tom's own task", owners: ["tom"], due: minutes(5)),
            ],
            cases: [
                SupportCase(id: "C1", title: "Login fails", customer: "Acme", priority: .urgent,
                            status: .open, owner: "tom", opened: minutes(-90)),
                SupportCase(id: "C2", title: "Invoice question", customer: "Nordwind", priority: .low,
                            status: .new, owner: "tom", opened: minutes(-10)),
            ],
            people: [
                Person(id: "maria", name: "Maria Keller", role: "team-lead", team: "sales"),
                Person(id: "tom", name: "Tom Berg", role: "sales-rep", team: "sales", manager: "maria"),
            ],
            teams: [Team(id: "sales", name: "Sales", lead: "maria")],
            kpis: [KPI(id: "calls", name: "Calls", points: 2, goals: [Goal(role: "sales-rep", count: 10, period: .day)])],
            activities: [Activity(person: "tom", kpi: "calls", count: 4, at: minutes(-30))],
            settings: Settings(
                calendars: [BusinessCalendar(name: "default", zone: "UTC", hours: [])],
                slaPolicies: [
                    SLAPolicy(priority: .urgent, firstResponse: 3600, resolution: 4 * 3600, warnAtFraction: 0.75),
                    SLAPolicy(priority: .low, firstResponse: 86_400, resolution: 5 * 86_400, warnAtFraction: 0.75),
                ]
            )
        )
    }

    static func state(size: Size = Size(width: 120, height: 40)) -> AppState {
        AppState(data: data, user: "maria", now: now, size: size)
    }

    /// Maria's dashboard with a working week of Monday to Friday, 09:00 to 17:00 UTC, so a
    /// time in the evening draws the non-working-time warning.
    static func officeHoursState() -> AppState {
        var officeHours = data
        officeHours.settings.calendars = [BusinessCalendar(
            name: "default", zone: "UTC",
            hours: (1...5).map { OpenRange(weekday: $0, startMinute: 9 * 60, endMinute: 17 * 60) })]
        return AppState(data: officeHours, user: "maria", now: now, size: Size(width: 120, height: 40))
    }
}

/// A key pressed on the dashboard, as the runtime hands it over.
func press(_ key: Key, _ state: inout AppState) -> [Effect] { Reducer.reduce(&state, .key(key)) }

/// Text typed into the dashboard a character at a time.
func type(_ text: String, _ state: inout AppState) -> [Effect] {
    text.flatMap { Reducer.reduce(&state, .key(.char($0))) }
}

/// Opens the new-reminder form (`n`) and fills in the title and, two fields on, the due time.
func fillNewReminder(title: String, due: String, _ state: inout AppState) {
    _ = press(.char("n"), &state)
    _ = type(title, &state)
    _ = press(.tab, &state)
    _ = press(.tab, &state)
    _ = type(due, &state)
}
