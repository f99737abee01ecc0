import Foundation

extension DemoData {
    static let zoneName = "Europe/Berlin"
    static let hour: TimeInterval = 3600
    /// SLA targets count open hours only, so "one day" of a target is one working day of the
    /// calendar (8 open hours), not 24 hours of clock time.
    static let businessDay: TimeInterval = 8 * hour

    static func calendar(around now: Date) -> BusinessCalendar {
        let hours = (1...5).map { OpenRange(weekday: $0, startMinute: 9 * 60, endMinute: 17 * 60) }
        var calendar = BusinessCalendar(name: "default", zone: zoneName, hours: hours)
        let year = PeriodMath.localDate(of: now, in: PeriodMath.gregorian(calendar.timeZone)).year
        // Fixed-date public holidays only; the movable feasts would need an Easter computus
        // that a demo does not justify.
        let fixed = [(1, 1), (5, 1), (10, 3), (12, 24), (12, 25), (12, 26)]
        calendar.holidays = (year - 1...year + 1).flatMap { y in
            fixed.map { LocalDate(year: y, month: $0.0, day: $0.1) }
        }
        return calendar
    }

    static func settings(calendar: BusinessCalendar) -> Settings {
        Settings(
            calendars: [calendar],
            slaPolicies: slaPolicies,
            escalation: [
                EscalationLevel(level: 1, trigger: .warning, notify: ["owner"]),
                EscalationLevel(level: 2, trigger: .breach, notify: ["team-lead"]),
                EscalationLevel(level: 3, trigger: .afterBreach(2 * hour), notify: ["head-of-support"]),
                EscalationLevel(level: 4, trigger: .afterBreach(businessDay),
                                notify: ["senior-management"]),
            ],
            leaderboard: LeaderboardSettings(topN: 10, weekStart: 1, goalBonus: 50))
    }

    /// Urgent work runs around the clock; everything else waits for opening hours.
    static let slaPolicies: [SLAPolicy] = [
        policy(.standard, .urgent, first: 1 * hour, resolution: 4 * hour, businessHours: false),
        policy(.standard, .high, first: 4 * hour, resolution: 1 * businessDay),
        policy(.standard, .normal, first: 8 * hour, resolution: 3 * businessDay),
        policy(.standard, .low, first: 1 * businessDay, resolution: 5 * businessDay),
        // Public feedback is answered faster than it is fixed: silence is what spreads.
        policy(.feedback, .urgent, first: 0.5 * hour, resolution: 4 * hour, businessHours: false),
        policy(.feedback, .high, first: 2 * hour, resolution: 1 * businessDay),
        policy(.feedback, .normal, first: 4 * hour, resolution: 3 * businessDay),
        policy(.feedback, .low, first: 1 * businessDay, resolution: 5 * businessDay),
    ]

    private static func policy(_ kind: CaseKind, _ priority: CasePriority, first: TimeInterval,
                               resolution: TimeInterval, businessHours: Bool = true) -> SLAPolicy {
        SLAPolicy(kind: kind, priority: priority, firstResponse: first, resolution: resolution,
                  calendar: businessHours ? "default" : nil, warnAtFraction: 0.75)
    }

    static func policy(for kind: CaseKind, _ priority: CasePriority) -> SLAPolicy? {
        slaPolicies.first { $0.kind == kind && $0.priority == priority }
    }
}
