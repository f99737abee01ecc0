import Foundation

/// Something a person (or the notifier) does to a case. Each is recorded in the history under
/// `name`, the vocabulary the demo data and the data format use.
public enum CaseAction: Equatable, Sendable {
    case respond, pause, resume, resolve, reopen, close
    case assign(owner: String)
    /// `nil`: one rung up the ladder from the level the case has reached, by hand. A level:
    /// record that the ladder reached it (how automatic rises are kept); nothing happens when
    /// the case is already there or no longer open, so processes that notice the same rise
    /// may all record it.
    case escalate(to: Int? = nil)

    public var name: String {
        switch self {
        case .respond: "responded"
        case .pause: "paused"
        case .resume: "resumed"
        case .resolve: "resolved"
        case .reopen: "reopened"
        case .close: "closed"
        case .assign: "assigned"
        case .escalate: "escalated"
        }
    }
}

extension SupportCase {
    /// Why a case cannot come in at `opened` as of `now`, or nil. Nothing can have come in
    /// later than now, and a case that did would be stuck: every action on it would happen
    /// before it was opened. What `case open` and the importers refuse.
    public static func openingProblem(_ opened: Date, now: Date, zone: TimeZone) -> String? {
        guard opened > now else { return nil }
        return "\(TimeText.format(opened, zone: zone)) is after now (\(TimeText.format(now, zone: zone))); "
            + "a case cannot be opened in the future"
    }

    /// Whether a pause is still running: the case waits on the customer.
    public var isPaused: Bool { pauses.contains { $0.end == nil } }

    /// Applies what happened at `at`, recording it in the history (in time order, so an
    /// action entered late lands where it happened). Refuses what cannot happen now and then
    /// changes nothing. The rules:
    /// - Nothing happens before the case was opened, and a closed case is final.
    /// - `respond` sets the first response only the first time, the last response every time;
    ///   a new case becomes open.
    /// - `pause` waits on the customer (status pending-customer) until `resume`, which is their
    ///   reply: it is the customer's last message, which the next response must answer.
    /// - `resolve` ends a running pause, since nobody waits any more.
    /// - `reopen` treats the time spent resolved as a pause, so SLA clocks do not count it,
    ///   and keeps the resolution as the first response when there was none (resolving
    ///   answered the customer, as the SLA rules already count it).
    /// - `close` follows `resolve`; `assign` and `escalate` keep the status.
    public mutating func apply(_ action: CaseAction, at: Date, actor: String?, note: String? = nil,
                               settings: Settings) throws(MutationError) {
        // Works on a copy so that a refusal half way leaves the case as it was.
        var next = self
        try next.perform(action, at: at, actor: actor, note: note, settings: settings)
        self = next
    }

    private mutating func perform(_ action: CaseAction, at: Date, actor: String?, note: String?,
                                  settings: Settings) throws(MutationError) {
        let zone = settings.defaultCalendar.timeZone
        func time(_ date: Date) -> String { TimeText.format(date, zone: zone) }
        func refuse(_ why: String) -> MutationError { MutationError("\(id) \(why)") }
        func notBefore(_ earliest: Date, _ what: String) throws(MutationError) {
            guard at >= earliest else {
                throw refuse("\(what) \(time(earliest)), after the time given (\(time(at)))")
            }
        }

        if case .escalate(let level?) = action, !status.isOpen || level <= escalationLevel { return }
        try notBefore(opened, "was opened at")
        if status == .closed { throw refuse("is closed; a closed case stays closed (open a new one instead)") }
        var detail: String?

        switch action {
        case .respond:
            try requireOpen()
            if firstResponseAt == nil { firstResponseAt = at }
            lastResponseAt = max(lastResponseAt ?? at, at)
            if status == .new { status = .open }
        case .pause:
            try requireOpen()
            if let since = pausedSince {
                throw refuse("is already waiting on the customer since \(time(since))")
            }
            pauses.append(Pause(start: at))
            status = .pendingCustomer
        case .resume:
            guard status == .pendingCustomer || isPaused else {
                throw refuse("is not waiting on the customer (status \(status.rawValue)); nothing to resume")
            }
            try notBefore(pausedSince ?? opened, "has waited on the customer since")
            endPauses(at: at)
            lastCustomerMessageAt = max(lastCustomerMessageAt ?? at, at)
            status = .open
        case .resolve:
            try requireOpen()
            try notBefore(pausedSince ?? opened, "has waited on the customer since")
            endPauses(at: at)
            resolvedAt = at
            status = .resolved
        case .reopen:
            guard status == .resolved, let resolved = resolvedAt else {
                throw refuse("is \(status.rawValue), not resolved; only a resolved case can be reopened")
            }
            try notBefore(resolved, "was resolved at")
            if at > resolved { pauses.append(Pause(start: resolved, end: at)) }
            if firstResponseAt == nil { firstResponseAt = resolved }
            resolvedAt = nil
            status = .open
        case .close:
            guard status == .resolved else {
                throw refuse("is \(status.rawValue); resolve it before closing it")
            }
            status = .closed
        case .assign(let person):
            guard owner != person else { throw refuse("is already assigned to \(person)") }
            owner = person
            detail = person
        case .escalate(let wanted):
            if let wanted {
                escalationLevel = wanted
            } else {
                try requireOpen()
                escalationLevel = try nextRung(settings: settings, at: at)
            }
            let notify = settings.escalation.filter { $0.level == escalationLevel }.flatMap(\.notify)
            detail = "level \(escalationLevel)" + (notify.isEmpty ? "" : ": " + notify.joined(separator: ", "))
        }

        let text = [detail, note].compactMap { $0 }.joined(separator: "; ")
        let event = HistoryEvent(at: at, actor: actor, action: action.name, detail: text.isEmpty ? nil : text)
        history.insert(event, at: history.firstIndex { $0.at > at } ?? history.endIndex)
    }

    private func requireOpen() throws(MutationError) {
        guard status.isOpen else { throw MutationError("\(id) is \(status.rawValue); reopen it first") }
    }

    /// When the latest running pause started.
    private var pausedSince: Date? { pauses.filter { $0.end == nil }.map(\.start).max() }

    private mutating func endPauses(at: Date) {
        for n in pauses.indices where pauses[n].end == nil { pauses[n].end = at }
    }

    /// The ladder level above the one reached at `at`.
    private func nextRung(settings: Settings, at: Date) throws(MutationError) -> Int {
        guard !settings.escalation.isEmpty else {
            throw MutationError("there is no escalation ladder; add levels with crmtop escalation set")
        }
        let reached = Escalation.level(of: self, settings: settings, at: at)
        guard let next = settings.escalation.map(\.level).filter({ $0 > reached }).min() else {
            throw MutationError("\(id) is already at the top of the escalation ladder (level \(reached))")
        }
        return next
    }
}
