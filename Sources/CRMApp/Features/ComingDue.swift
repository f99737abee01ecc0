import CRMCore
import Foundation

/// When one of the user's reminders has news (an alert before due, reminding begins, it comes
/// due or is missed) it lights up for a few seconds, the status bar says so, and a notice
/// names the people the notifier tells. What is news, and for whom, is `NotificationEvents`'
/// (through the state's `NewsLedger`); this only shows it.
enum ComingDue {
    static let flashLength: TimeInterval = 5

    /// What a reminder's news is judged on, kept from one refresh to the next: when it changes
    /// the reminder's events are worked out again. Small, as it is taken every second.
    struct Signal: Equatable {
        var state: ReminderState
        var due: Date
        var alert: TimeInterval?
    }

    static func signals(_ state: AppState) -> [String: Signal] {
        let offsets = NotificationEvents.alertOffsets(state.data.settings.notify)
        var result: [String: Signal] = [:]
        result.reserveCapacity(state.derived.reminders.count)
        for entry in state.derived.reminders {
            result[entry.reminder.id] = signal(entry, offsets, at: state.now)
        }
        return result
    }

    static func signal(_ entry: ReminderOrder.Entry, _ offsets: [TimeInterval], at now: Date) -> Signal {
        let due = entry.occurrence.due
        return Signal(state: entry.state, due: due, alert: NotificationEvents.latestAlert(before: due, offsets, at: now))
    }

    /// Takes in what stands about every reminder listed, announcing nothing: the first look.
    static func seed(_ state: inout AppState) {
        for entry in state.derived.reminders { _ = look(at: entry.reminder, &state, quietly: true) }
    }

    static func announce(since before: [String: Signal], _ state: inout AppState) -> [Effect] {
        let offsets = NotificationEvents.alertOffsets(state.data.settings.notify)
        var effects: [Effect] = []
        for entry in state.derived.reminders {
            let old = before[entry.reminder.id]
            guard old != signal(entry, offsets, at: state.now) else { continue }
            let r = entry.reminder
            // Seen for the first time (just added, or filtered in): what stands is not news.
            let news = look(at: r, &state, quietly: old == nil, before: old)
            guard let lead = NotificationEvents.leading(news).first else { continue }
            // Across a room only what is urgent should catch the eye.
            let flashes = state.wall == nil ? lead.kind == .reminderActive || lead.kind == .reminderDue
                : lead.kind == .reminderDue && r.priority == .high
            if flashes { state.flashes[r.id] = state.now + flashLength }
            ReminderActions.note(&state, note(lead.kind) + r.title)
            effects.append(.notify(Notice(news, lead: lead, settings: state.data.settings.notify, at: state.now)))
            if lead.kind == .reminderDue, flashes, state.bellOnDue || state.wall?.bell == true { effects.append(.bell) }
        }
        return effects
    }

    private static func look(at r: Reminder, _ state: inout AppState, quietly: Bool,
                             before: Signal? = nil) -> [NotificationEvent] {
        let settings = state.data.settings
        let events = NotificationEvents.events(for: r, alertsBefore: NotificationEvents.alertOffsets(settings.notify),
                                               calendar: settings.defaultCalendar, at: state.now)
        let item = "reminder/" + r.id
        // Listed all along but never looked at (it came into the list without a tick): what
        // stood is what its last signal says, for every owner alike.
        if let before, !state.news.hasLooked(at: item) {
            _ = state.news.look(at: item, events.filter { stood($0, before) }, quietly: true)
        }
        return state.news.look(at: item, events, quietly: quietly)
    }

    private static func stood(_ event: NotificationEvent, _ signal: Signal) -> Bool {
        guard event.due == signal.due else { return false }
        switch (event.kind, signal.state) {
        case (.reminderDue, .due), (.reminderDue, .overdue), (.reminderMissed, .missed), (.reminderActive, .active):
            return true
        case (.reminderAlert, .active), (.reminderAlert, .upcoming):
            return event.alertBefore == signal.alert
        default:
            return false
        }
    }

    static func note(_ kind: NotificationKind) -> String {
        switch kind {
        case .reminderDue: "Due now: "
        case .reminderMissed: "Missed: "
        case .reminderAlert: "Coming up: "
        default: "Reminder: "
        }
    }
}

extension Notice {
    /// One item's news at one moment, as one notice: led by the event that asks most, naming
    /// everyone the notifier tells about any of it.
    init(_ news: [NotificationEvent], lead: NotificationEvent, settings: NotifySettings, at now: Date) {
        var told: [String] = []
        for event in news {
            for handle in NotificationEvents.told(event, settings: settings) where !told.contains(handle) {
                told.append(handle)
            }
        }
        self.init(kind: lead.kind, id: lead.subject, title: lead.title, recipients: told, at: now)
    }
}
