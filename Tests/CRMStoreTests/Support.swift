import CRMCore
import Foundation
@testable import CRMStore

/// A fresh directory per test, removed by `remove()`.
struct TempDir {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("crmstore-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }
    var store: DataStore { DataStore(directory: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func write(_ name: String, _ text: String) {
        try! Data(text.utf8).write(to: file(name))
    }

    func write(_ name: String, bytes: [UInt8]) {
        try! Data(bytes).write(to: file(name))
    }

    func read(_ name: String) -> [UInt8]? {
        (try? Data(contentsOf: file(name))).map { [UInt8]($0) }
    }

    func text(_ name: String) -> String? { read(name).map { String(decoding: $0, as: UTF8.self) } }

    func mode(_ name: String) -> Int {
        let attributes = try! FileManager.default.attributesOfItem(atPath: file(name).path)
        return (attributes[.posixPermissions] as! NSNumber).intValue
    }

    /// The directory's files, without the lock file every writer creates.
    var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0 != DirectoryLock.fileName }.sorted()
    }

    func remove() {
        chmod(path, 0o700)
        try? FileManager.default.removeItem(at: url)
    }
}

let berlin = TimeZone(identifier: "Europe/Berlin")!

/// An instant from a UTC wall-clock reading.
func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Date {
    var c = Calendar(identifier: .gregorian)
    c.timeZone = .gmt
    return c.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s))!
}

func parse(_ text: String) throws -> JSONDocument {
    try JSONDocument.parse(Array(text.utf8))
}

/// A data set that uses every field of every model at least once.
enum Samples {
    static let settings = Settings(
        calendars: [
            BusinessCalendar(
                name: "default", zone: "Europe/Berlin",
                hours: OpenHoursText.normalized(
                    (1...5).map { OpenRange(weekday: $0, startMinute: 9 * 60, endMinute: 17 * 60) }
                        + [OpenRange(weekday: 6, startMinute: 10 * 60, endMinute: 14 * 60)]),
                holidays: [LocalDate(year: 2026, month: 12, day: 25), LocalDate(year: 2026, month: 12, day: 26)]),
            BusinessCalendar(name: "24x7", zone: "UTC", hours: []),
        ],
        slaPolicies: [
            SLAPolicy(priority: .urgent, firstResponse: 3600, resolution: 4 * 3600, calendar: nil, warnAtFraction: 0.75),
            SLAPolicy(kind: .feedback, priority: .normal, firstResponse: 4 * 3600, resolution: 2 * 86_400,
                      calendar: "default", warnBefore: 1800),
            SLAPolicy(kind: .standard, priority: .low, resolution: 5 * 86_400 + 5400, calendar: "default",
                      warnAtFraction: 0.575),
        ],
        escalation: [
            EscalationLevel(level: 1, trigger: .warning, notify: ["owner"]),
            EscalationLevel(level: 2, trigger: .breach, notify: ["owner", "team-lead"]),
            EscalationLevel(level: 3, trigger: .afterBreach(7200), notify: ["head-of-support", "maria"]),
        ],
        leaderboard: LeaderboardSettings(topN: 10, weekStart: 7, goalBonus: 5),
        wall: WallDisplaySettings(team: "support"))

    static let full = DataSet(
        reminders: [
            Reminder(id: "r1", title: "Call ACME about renewal", notes: "Ask for the \"blue\" plan\nthen send a quote",
                     link: "https://crm.example/acme", priority: .high, owners: ["maria", "li"], creator: "jo",
                     start: utc(2026, 11, 23, 8), due: utc(2026, 11, 23, 9), end: utc(2026, 11, 23, 17),
                     repeatRule: .weekdays,
                     acknowledgedBy: ["li": utc(2026, 11, 23, 8, 30)],
                     snoozedUntil: ["maria": utc(2026, 11, 23, 8, 45, 30)]),
            Reminder(id: "r2", title: "Zahlungseingang prüfen ✓", owners: ["jo"], due: utc(2026, 7, 1, 6, 15)),
            Reminder(id: "r3", title: "Tab\there, bell \u{7} and NUL \u{0}", priority: .low, owners: ["li"],
                     due: Date(timeIntervalSince1970: 1_790_000_000.25), repeatRule: .monthly),
        ],
        cases: [
            SupportCase(id: "c1", title: "Cannot log in", customer: "ACME", kind: .standard, priority: .urgent,
                        status: .pendingCustomer, owner: "li", team: "support", opened: utc(2026, 11, 20, 9),
                        firstResponseAt: utc(2026, 11, 20, 9, 20),
                        pauses: [Pause(start: utc(2026, 11, 20, 10), end: utc(2026, 11, 20, 12)),
                                 Pause(start: utc(2026, 11, 21, 8))],
                        escalationLevel: 2,
                        history: [HistoryEvent(at: utc(2026, 11, 20, 9), actor: "li", action: "opened"),
                                  HistoryEvent(at: utc(2026, 11, 20, 9, 20), action: "responded", detail: "asked for logs")]),
            SupportCase(id: "c2", title: "Great review", customer: "Blog", kind: .feedback, status: .resolved,
                        influencer: "i1", opened: utc(2026, 3, 29, 0, 30), resolvedAt: utc(2026, 3, 29, 1, 30)),
        ],
        influencers: [
            Influencer(id: "i1", name: "Tech Blog", url: "https://blog.example", notes: "weekly"),
            Influencer(id: "i2", name: "Forum user ☃"),
        ],
        people: [
            Person(id: "maria", name: "Maria Schmidt", role: "agent", team: "support", manager: "jo",
                   away: [DateRange(from: LocalDate(year: 2026, month: 12, day: 20),
                                    to: LocalDate(year: 2027, month: 1, day: 2))]),
            Person(id: "jo", name: "Jo", role: "head-of-support"),
        ],
        teams: [Team(id: "support", name: "Support", lead: "jo"), Team(id: "sales", name: "Sales")],
        kpis: [
            KPI(id: "calls", name: "Calls", unit: "calls", points: 2, dailyCap: 40,
                goals: [Goal(role: "agent", count: 30, period: .day), Goal(role: "lead", count: 100, period: .week)]),
            KPI(id: "demos", name: "Demos", points: 10),
        ],
        activities: [
            Activity(person: "maria", kpi: "calls", count: 3, at: utc(2026, 11, 23, 9, 5), note: "morning block"),
            Activity(person: "jo", kpi: "demos", at: utc(2026, 11, 23, 14)),
        ],
        settings: settings)
}
