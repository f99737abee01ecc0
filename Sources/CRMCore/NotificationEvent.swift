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
    /// The clock it is about stands still (the case waits on the customer; for an escalation,
    /// every clock of the case does): it stands, but nothing about it is repeated.
    public var paused: Bool

    public init(kind: NotificationKind, key: String, subject: String, title: String, priority: String? = nil,
                due: Date? = nil, recipients: [String], metric: SLAMetric? = nil, level: Int? = nil,
                kpi: String? = nil, period: Period? = nil, alertBefore: TimeInterval? = nil,
                paused: Bool = false) {
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
        self.paused = paused
    }

    /// What the event is about, as one message per person and moment gathers it: the reminder,
    /// the case, or (goals being news one by one) the goal itself.
    public var item: String {
        switch kind {
        case .reminderAlert, .reminderActive, .reminderDue, .reminderMissed: "reminder/" + subject
        case .slaWarning, .slaBreach, .escalation: "case/" + subject
        case .goalReached: key
        }
    }
}

/// Which events stand at a moment. What is past but still matters stands too (an overdue
/// reminder, a breached clock), so a notifier that was down tells about it when it comes back;
/// what has been overtaken does not (the alert an hour before due, once it is due; a lower
/// ladder level, once the case climbed higher).
public enum NotificationEvents {
    /// A missed reminder is news for this long after its follow-up window closed.
    public static let missedNewsFor: TimeInterval = 24 * 3600

    /// The events the notifier sends: those that stand, of the kinds chosen, that tell someone.
    public static func live(in data: DataSet, at now: Date) -> [NotificationEvent] {
        let events = reminderEvents(data, settings: data.settings, at: now) + caseEvents(data, at: now)
            + goalEvents(data, at: now)
        return events.filter { !told($0, settings: data.settings.notify).isEmpty }
    }

    /// Who the notifier tells about `event`: nobody without a command or when its kind is not
    /// chosen. The dashboard names these people, so it never names one who is not told.
    public static func told(_ event: NotificationEvent, settings: NotifySettings) -> [String] {
        settings.command != nil && settings.events.contains(event.kind) ? event.recipients : []
    }

    // MARK: Reminders

    static func reminderEvents(_ data: DataSet, settings: Settings, at now: Date) -> [NotificationEvent] {
        let offsets = alertOffsets(settings.notify)
        return data.reminders.flatMap { events(for: $0, alertsBefore: offsets, calendar: settings.defaultCalendar, at: now) }
    }

    /// `alerts_before` as `events(for:alertsBefore:calendar:at:)` takes it: positive, shortest first.
    public static func alertOffsets(_ settings: NotifySettings) -> [TimeInterval] {
        settings.alertsBefore.filter { $0 > 0 }.sorted()
    }

    /// The events about one reminder that stand at `now`, each with the owners it concerns.
    /// `defaults` are the alerts of a reminder without its own (`alertOffsets(_:)`).
    public static func events(for r: Reminder, alertsBefore defaults: [TimeInterval], calendar: BusinessCalendar,
                              at now: Date) -> [NotificationEvent] {
        let offsets = r.alertOffsets(default: defaults).filter { $0 > 0 }.sorted()
        var events: [NotificationEvent] = []
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
                if let offset = latestAlert(before: occurrence.due, offsets, at: now),
                   occurrence.due.addingTimeInterval(-offset) != occurrence.start {
                    found.append((.reminderAlert, offset))
                }
            case .snoozed, .acknowledged:
                break
            }
            for (kind, offset) in found {
                var key = "\(kind.rawValue)/\(r.id)/\(stamp(occurrence.due))"
                if let offset { key += "/" + DurationText.format(offset) }
                if let n = events.firstIndex(where: { $0.key == key }) {
                    events[n].recipients.append(owner)
                } else {
                    events.append(NotificationEvent(kind: kind, key: key, subject: r.id, title: r.title,
                                                    priority: r.priority.rawValue, due: occurrence.due,
                                                    recipients: [owner], alertBefore: offset))
                }
            }
        }
        return events
    }

    /// The shortest of `offsets` (shortest first) already passed before `due`, if any.
    public static func latestAlert(before due: Date, _ offsets: [TimeInterval], at now: Date) -> TimeInterval? {
        offsets.first { due.addingTimeInterval(-$0) <= now }
    }

    // MARK: Cases

    static func caseEvents(_ data: DataSet, at now: Date) -> [NotificationEvent] {
        let settings = data.settings
        return data.cases.filter(\.status.isOpen).flatMap { item in
            let clocks = SLA.clocks(for: item, settings: settings, now: now)
            let level = Escalation.level(for: item, clocks: clocks, ladder: settings.escalation, now: now)
            return events(for: item, clocks: clocks, level: level, in: data, at: now)
        }
    }

    /// The events about one open case that stand with these clocks at this ladder level.
    public static func events(for item: SupportCase, clocks: [SLAClock], level: Int, in data: DataSet,
                              at now: Date) -> [NotificationEvent] {
        let ladder = data.settings.escalation
        var events: [NotificationEvent] = []
        func told(at level: Int) -> [String] {
            let handles = Escalation.recipients(level: level, case: item, people: data.people, teams: data.teams,
                                                ladder: ladder)
            return handles.isEmpty ? item.owner.map { [$0] } ?? [] : handles
        }
        // A breached clock shows `breached` even while paused, so the case's pauses tell.
        let waiting = item.pauses.contains { $0.start <= now && ($0.end.map { $0 > now } ?? true) }
        if level > 0 {
            let urgent = SLA.mostUrgent(clocks)
            events.append(NotificationEvent(kind: .escalation, key: "escalation/\(item.id)/\(level)",
                                            subject: item.id, title: item.title, priority: item.priority.rawValue,
                                            due: urgent?.due, recipients: told(at: level), metric: urgent?.metric,
                                            level: level, paused: waiting))
        }
        // Warnings and breaches go to the front line, the ladder's first level; the people of
        // later levels hear about the case when it reaches them.
        var frontLine: [String]?
        for clock in clocks where clock.state.isLive {
            let kind: NotificationKind
            if clock.remaining < 0 {
                kind = .slaBreach
            } else if clock.isPastWarning, clock.state != .paused {
                kind = .slaWarning
            } else {
                continue
            }
            if frontLine == nil { frontLine = told(at: ladder.map(\.level).min() ?? 1) }
            // A next-response clock starts afresh with each reply of the customer.
            let start = clock.metric == .nextResponse ? item.lastCustomerMessageAt ?? item.opened : item.opened
            events.append(NotificationEvent(
                kind: kind, key: "\(kind.rawValue)/\(item.id)/\(clock.metric.rawValue)/\(stamp(start))",
                subject: item.id, title: item.title, priority: item.priority.rawValue, due: clock.due,
                recipients: frontLine!, metric: clock.metric, level: level, paused: waiting))
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
