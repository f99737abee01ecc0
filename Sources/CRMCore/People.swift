import Foundation

/// A calendar date without a time, as people write it (`2026-12-24`).
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil when it is not a real date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...LocalDate.daysIn(month: m, year: y)).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

public struct DateRange: Equatable, Sendable {
    public var from: LocalDate
    public var to: LocalDate

    public init(from: LocalDate, to: LocalDate) {
        self.from = from
        self.to = to
    }

    public func contains(_ date: LocalDate) -> Bool { from <= date && date <= to }
}

public struct Person: Identifiable, Equatable, Sendable {
    /// A short handle (`maria`), used as owner and user name everywhere.
    public var id: String
    public var name: String
    public var role: String
    public var team: String?
    public var manager: String?
    public var away: [DateRange]
    /// Where the notifier's command can reach them, for scripts that mail or message people.
    public var email: String?
    /// A chat handle or address (`@maria`, a Slack member id), passed on as written.
    public var chat: String?

    public init(id: String, name: String, role: String, team: String? = nil,
                manager: String? = nil, away: [DateRange] = [], email: String? = nil, chat: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.team = team
        self.manager = manager
        self.away = away
        self.email = email
        self.chat = chat
    }

    /// Why `text` cannot be an e-mail address; nil when it can. Deliberately loose: one `@`
    /// with something on each side, no spaces or controls; the mail system judges the rest.
    public static func emailProblem(_ text: String) -> String? {
        if let why = contactProblem(text) { return why }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return "\"\(text)\" is not an e-mail address: it needs one @ with a name before it and a domain after it"
        }
        return nil
    }

    /// Why `text` cannot be a chat handle; nil when it can.
    public static func chatProblem(_ text: String) -> String? { contactProblem(text) }

    private static func contactProblem(_ text: String) -> String? {
        if text.isEmpty { return "must not be empty (leave it out instead)" }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
            return "must have no spaces or control characters"
        }
        return nil
    }
}

public struct Team: Identifiable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var lead: String?

    public init(id: String, name: String, lead: String? = nil) {
        self.id = id
        self.name = name
        self.lead = lead
    }
}

public enum Period: String, Sendable, CaseIterable, Codable {
    case day, week, month, quarter, year
}

public struct Goal: Equatable, Sendable {
    public var role: String
    public var count: Int
    public var period: Period

    public init(role: String, count: Int, period: Period) {
        self.role = role
        self.count = count
        self.period = period
    }
}

public struct KPI: Identifiable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var unit: String?
    public var points: Int
    public var dailyCap: Int?
    public var goals: [Goal]

    public init(id: String, name: String, unit: String? = nil, points: Int,
                dailyCap: Int? = nil, goals: [Goal] = []) {
        self.id = id
        self.name = name
        self.unit = unit
        self.points = points
        self.dailyCap = dailyCap
        self.goals = goals
    }
}

public struct Activity: Equatable, Sendable {
    public var person: String
    public var kpi: String
    public var count: Int
    public var at: Date
    public var note: String?

    public init(person: String, kpi: String, count: Int = 1, at: Date, note: String? = nil) {
        self.person = person
        self.kpi = kpi
        self.count = count
        self.at = at
        self.note = note
    }
}
