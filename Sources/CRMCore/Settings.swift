import Foundation

/// Open hours on one weekday, minutes after local midnight.
public struct OpenRange: Equatable, Sendable {
    public var weekday: Int  // 1 = Monday … 7 = Sunday (ISO 8601)
    public var startMinute: Int
    public var endMinute: Int

    public init(weekday: Int, startMinute: Int, endMinute: Int) {
        self.weekday = weekday
        self.startMinute = startMinute
        self.endMinute = endMinute
    }
}

/// Time zone + weekly open hours + holidays. Shared by reminders and SLAs.
public struct BusinessCalendar: Equatable, Sendable {
    public var name: String
    public var zone: String
    /// Empty means open around the clock (24×7).
    public var hours: [OpenRange]
    public var holidays: [LocalDate]

    public init(name: String, zone: String, hours: [OpenRange], holidays: [LocalDate] = []) {
        self.name = name
        self.zone = zone
        self.hours = hours
        self.holidays = holidays
    }

    public var timeZone: TimeZone { TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")! }
}

public enum SLAMetric: String, Sendable, CaseIterable, Codable {
    case firstResponse = "first_response"
    case nextResponse = "next_response"
    case resolution
}

public struct SLAPolicy: Equatable, Sendable {
    /// nil applies to both kinds.
    public var kind: CaseKind?
    public var priority: CasePriority
    public var firstResponse: TimeInterval?
    /// Time allowed to answer a customer's reply after the first response.
    public var nextResponse: TimeInterval?
    public var resolution: TimeInterval?
    /// A calendar name; nil counts calendar time (24×7).
    public var calendar: String?
    /// Warn once this fraction of the target has elapsed (0.75 = 75 %).
    public var warnAtFraction: Double?
    /// Warn when this much time is left; used when `warnAtFraction` is nil.
    public var warnBefore: TimeInterval?

    public init(kind: CaseKind? = nil, priority: CasePriority, firstResponse: TimeInterval? = nil,
                nextResponse: TimeInterval? = nil, resolution: TimeInterval? = nil, calendar: String? = nil,
                warnAtFraction: Double? = nil, warnBefore: TimeInterval? = nil) {
        self.kind = kind
        self.priority = priority
        self.firstResponse = firstResponse
        self.nextResponse = nextResponse
        self.resolution = resolution
        self.calendar = calendar
        self.warnAtFraction = warnAtFraction
        self.warnBefore = warnBefore
    }
}

public enum EscalationTrigger: Equatable, Sendable {
    case warning
    case breach
    case afterBreach(TimeInterval)

    /// Reads `warning`, `breach` or `breach+DURATION` (`breach+2h`), as settings and the
    /// command line write them.
    public init?(text: String) {
        switch text {
        case "warning": self = .warning
        case "breach": self = .breach
        default:
            guard text.hasPrefix("breach+"),
                  let seconds = DurationText.parse(String(text.dropFirst("breach+".count))), seconds >= 0
            else { return nil }
            self = .afterBreach(seconds)
        }
    }

    public var text: String {
        switch self {
        case .warning: "warning"
        case .breach: "breach"
        case .afterBreach(let seconds): "breach+" + DurationText.format(seconds)
        }
    }
}

public struct EscalationLevel: Equatable, Sendable {
    public var level: Int
    public var trigger: EscalationTrigger
    /// People (handles) or roles (`owner`, `team-lead`, `head-of-support`, `senior-management`).
    public var notify: [String]

    public init(level: Int, trigger: EscalationTrigger, notify: [String]) {
        self.level = level
        self.trigger = trigger
        self.notify = notify
    }
}

/// How a team's score comes from its members' points.
public enum TeamScore: String, Sendable, CaseIterable, Codable {
    /// Bigger teams score more: right when the team's total output is what counts.
    case sum
    /// Teams of different sizes compete on equal terms.
    case average
}

public struct LeaderboardSettings: Equatable, Sendable {
    /// On shared screens show only this many rows; nil shows everyone.
    public var topN: Int?
    /// 1 = Monday, 7 = Sunday.
    public var weekStart: Int
    public var goalBonus: Int
    public var teamScore: TeamScore

    /// How settings.json and the command line name `weekStart`: "monday" is 1 … "sunday" 7.
    public static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    public init(topN: Int? = nil, weekStart: Int = 1, goalBonus: Int = 0, teamScore: TeamScore = .sum) {
        self.topN = topN
        self.weekStart = weekStart
        self.goalBonus = goalBonus
        self.teamScore = teamScore
    }
}

public struct Settings: Equatable, Sendable {
    public var calendars: [BusinessCalendar]
    public var slaPolicies: [SLAPolicy]
    public var escalation: [EscalationLevel]
    public var leaderboard: LeaderboardSettings
    public var notify: NotifySettings
    public var wall: WallDisplaySettings
    /// Who gets items opened without an owner or a team.
    public var routing: CaseRouting
    /// Contests past, running and to come, in the order they were added.
    public var contests: [Contest]
    /// CalDAV accounts kept in step with reminders, in the order they were added.
    public var calendarAccounts: [CalendarAccount]

    public init(calendars: [BusinessCalendar] = [], slaPolicies: [SLAPolicy] = [],
                escalation: [EscalationLevel] = [], leaderboard: LeaderboardSettings = .init(),
                notify: NotifySettings = .init(), wall: WallDisplaySettings = .init(),
                routing: CaseRouting = .init(), contests: [Contest] = [],
                calendarAccounts: [CalendarAccount] = []) {
        self.calendars = calendars
        self.slaPolicies = slaPolicies
        self.escalation = escalation
        self.leaderboard = leaderboard
        self.notify = notify
        self.wall = wall
        self.routing = routing
        self.contests = contests
        self.calendarAccounts = calendarAccounts
    }

    /// The calendar named `default`, else the first, else UTC around the clock.
    public var defaultCalendar: BusinessCalendar {
        calendars.first { $0.name == "default" } ?? calendars.first
            ?? BusinessCalendar(name: "default", zone: "UTC", hours: [])
    }

    public func calendar(named name: String) -> BusinessCalendar? {
        calendars.first { $0.name == name }
    }
}
