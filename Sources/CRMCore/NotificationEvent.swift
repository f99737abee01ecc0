import Foundation

/// Something that stands at a moment and that people should hear about, with whom to tell.
/// Events are worked out from the data and `now` alone (see `NotificationEvents.live`), so any
/// process at any moment finds the same ones under the same `key`.
public struct NotificationEvent: Equatable, Sendable {
    public var kind: NotificationKind
    /// Names the event for good: the same reminder occurrence, SLA clock, ladder level or goal
    /// period gives the same key in every pass and every process. The delivery record keeps it.
    public var key: String
    /// The reminder or case id, or the person for a goal.
    public var subject: String
    public var title: String
    public var priority: String?
    /// The reminder's due time (of this occurrence), or when the SLA clock breaches or breached.
    public var due: Date?
    public var recipients: [String]
    public var metric: SLAMetric?
    public var level: Int?
    public var kpi: String?
    public var period: Period?
    /// For `reminder.alert`: how long before due it is.
    public var alertBefore: TimeInterval?

    public init(kind: NotificationKind, key: String, subject: String, title: String, priority: String? = nil,
                due: Date? = nil, recipients: [String], metric: SLAMetric? = nil, level: Int? = nil,
                kpi: String? = nil, period: Period? = nil, alertBefore: TimeInterval? = nil) {
        self.kind = kind
        self.key = key
        self.subject = subject
        self.title = title
        self.priority = priority
        self.due = due
        self.recipients = recipients
        self.metric = metric
        self.level = level
        self.kpi = kpi
        self.period = period
        self.alertBefore = alertBefore
    }
}

/// Which events stand at a moment. What is past but still matters stands too (an overdue
/// reminder, a breached clock), so a notifier that was down tells about it when it comes back;
/// what has been overtaken does not (the alert an hour before due, once it is due; a lower
/// ladder level, once the case climbed higher).
public enum NotificationEvents {
    /// A missed reminder is news for this long after its follow-up window closed.
    public static let missedNewsFor: TimeInterval = 24 * 3600

    public static func live(in data: DataSet, at now: Date) -> [NotificationEvent] {
        let settings = data.settings
        let wanted = Set(settings.notify.events)
        let events = reminderEvents(data, settings: settings, at: now) + caseEvents(data, at: now)
            + goalEvents(data, at: now)
        return events.filter { wanted.contains($0.kind) && !$0.recipients.isEmpty }
    }

    // MARK: Reminders

    static func reminderEvents(_ data: DataSet, settings: Settings, at now: Date) -> [NotificationEvent] {
        let calendar = settings.defaultCalendar
        var byKey: [String: NotificationEvent] = [:]
        var order: [String] = []
        for r in data.reminders {
            // The latest alert first: the one that passed most recently is the one that stands.
            let offsets = r.alertOffsets(default: settings.notify.alertsBefore).sorted()
            for owner in r.owners {
                let (state, occurrence) = r.progress(for: owner, at: now, calendar: calendar)
                var found: [(NotificationKind, TimeInterval?)] = []
                switch state {
                case .due, .overdue:
                    found.append((.reminderDue, nil))
                case .missed:
                    if let end = occurrence.end, now < end.addingTimeInterval(missedNewsFor) {
                        found.append((.reminderMissed, nil))
                    }
                case .active, .upcoming:
                    if state == .active { found.append((.reminderActive, nil)) }
                    // The latest alert passed; one that falls on the start says what `active` says.
                    if let offset = offsets.first(where: { occurrence.due.addingTimeInterval(-$0) <= now }),
                       occurrence.due.addingTimeInterval(-offset) != occurrence.start {
                        found.append((.reminderAlert, offset))
                    }
                case .snoozed, .acknowledged:
                    break
                }
                for (kind, offset) in found {
                    var key = "\(kind.rawValue)/\(r.id)/\(stamp(occurrence.due))"
                    if let offset { key += "/" + DurationText.format(offset) }
                    if byKey[key] == nil {
                        order.append(key)
                        byKey[key] = NotificationEvent(kind: kind, key: key, subject: r.id, title: r.title,
                                                       priority: r.priority.rawValue, due: occurrence.due,
                                                       recipients: [], alertBefore: offset)
                    }
                    byKey[key]!.recipients.append(owner)
                }
            }
        }
        return order.map { byKey[$0]! }
    }

    // MARK: Cases

    static func caseEvents(_ data: DataSet, at now: Date) -> [NotificationEvent] {
        let settings = data.settings
        var events: [NotificationEvent] = []
        for item in data.cases where item.status.isOpen {
            let clocks = SLA.clocks(for: item, settings: settings, now: now)
            let level = Escalation.level(for: item, clocks: clocks, ladder: settings.escalation, now: now)
            func told(at level: Int) -> [String] {
                let handles = Escalation.recipients(level: level, case: item, people: data.people, teams: data.teams,
                                                    ladder: settings.escalation)
                return handles.isEmpty ? item.owner.map { [$0] } ?? [] : handles
            }
            // Warnings and breaches go to the front line, the ladder's first level; the people of
            // later levels hear about the case when it reaches them.
            let frontLine = told(at: settings.escalation.map(\.level).min() ?? 1)
            if level > 0 {
                events.append(NotificationEvent(kind: .escalation, key: "escalation/\(item.id)/\(level)",
                                                subject: item.id, title: item.title,
                                                priority: item.priority.rawValue,
                                                due: SLA.mostUrgent(clocks)?.due, recipients: told(at: level),
                                                metric: SLA.mostUrgent(clocks)?.metric, level: level))
            }
            for clock in clocks where clock.state.isLive {
                let kind: NotificationKind
                if clock.remaining < 0 {
                    kind = .slaBreach
                } else if clock.isPastWarning, clock.state != .paused {
                    kind = .slaWarning
                } else {
                    continue
                }
                // A next-response clock starts afresh with each reply of the customer.
                let start = clock.metric == .nextResponse ? item.lastCustomerMessageAt ?? item.opened : item.opened
                events.append(NotificationEvent(
                    kind: kind, key: "\(kind.rawValue)/\(item.id)/\(clock.metric.rawValue)/\(stamp(start))",
                    subject: item.id, title: item.title, priority: item.priority.rawValue, due: clock.due,
                    recipients: frontLine, metric: clock.metric, level: level))
            }
        }
        return events
    }

    // MARK: Goals

    /// A goal counts as reached on the board of its own period.
    static func goalEvents(_ data: DataSet, at now: Date) -> [NotificationEvent] {
        let periods = goalPeriods(data)
        return zip(periods, Leaderboard.boards(data, periods: periods, now: now)).flatMap { period, board in
            goalEvents(on: board, period: period, data: data)
        }
    }

    /// The periods some KPI sets a goal for, shortest first.
    static func goalPeriods(_ data: DataSet) -> [Period] {
        Period.allCases.filter { p in data.kpis.contains { $0.goals.contains { $0.period == p } } }
    }

    /// The goals reached on `board`, the board of `period`, that a goal of that period set.
    static func goalEvents(on board: Leaderboard.Board, period: Period, data: DataSet) -> [NotificationEvent] {
        var events: [NotificationEvent] = []
        for row in board.rows {
            guard let role = data.person(row.person)?.role else { continue }
            for progress in row.kpis {
                guard let goal = progress.goal, goal > 0, progress.count >= goal,
                      let kpi = data.kpis.first(where: { $0.id == progress.kpi }),
                      kpi.goals.contains(where: { $0.role == role && $0.period == period })
                else { continue }
                events.append(NotificationEvent(
                    kind: .goalReached,
                    key: "goal.reached/\(row.person)/\(kpi.id)/\(period.rawValue)/\(stamp(board.range.start))",
                    subject: row.person,
                    title: "\(kpi.name): \(progress.count) of \(goal) \(period == .day ? "today" : "this " + period.rawValue)",
                    recipients: [row.person], kpi: kpi.id, period: period))
            }
        }
        return events
    }

    /// Instants in keys: UTC, whole seconds, the same in every process.
    static func stamp(_ date: Date) -> String {
        TimeText.formatUTC(date)
    }
}
