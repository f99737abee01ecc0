import Foundation

/// One run of the notify command: a single event for the people it goes to at once, or one
/// person's digest of routine events.
public struct NotificationMessage: Equatable, Sendable {
    public var events: [NotificationEvent]
    public var isDigest: Bool
    public var recipients: [String]
    /// The record entries the message settles.
    public var deliveries: [DeliveryRecord.Key]
    /// How many times this event went out to these people before (0: the first time).
    public var repeatNumber: Int
    /// 1 on the first try, more when retrying after failures or after a sender died.
    public var attempt: Int
    /// The same on every attempt, so a receiver can drop a message it already has (a sender
    /// that died after running the command, before recording it, sends it again).
    public var id: String

    /// For logs: `sla.breach C-1 to lucas,tina (id …)`, `digest R-1,C-1 to jo (id …)`.
    public var summary: String {
        var subjects: [String] = []
        for event in events where !subjects.contains(event.subject) { subjects.append(event.subject) }
        return "\(isDigest ? "digest" : events[0].kind.rawValue) \(subjects.joined(separator: ",")) to "
            + "\(recipients.joined(separator: ",")) (id \(id))"
    }
}

public struct NotificationPlan: Equatable, Sendable {
    /// What to send now.
    public var messages: [NotificationMessage] = []
    /// Entries that now wait for their recipient's digest.
    public var queued: [DeliveryRecord.Key] = []
    /// The keys of every event that stands, for `DeliveryRecord.forget`.
    public var live: Set<String> = []
}

/// Decides what to send at a moment, from the data, the settings and the delivery record.
/// Pure: the same inputs give the same plan, whichever process asks.
///
/// - An event goes to each recipient once. Events that ask someone to act (`repeats`) go out
///   again every `repeat_every` until acknowledged: a reminder by its owner (which ends the
///   event), a case by anyone recording an action on it after the first message.
/// - A reminder goes out again when its owner's snooze ends, repeats or not.
/// - An escalation stands for a warning or breach of the same case going to the same person
///   at the same time: one message, which settles both.
/// - Recipients with a digest get routine events in one message at each multiple of their
///   interval since local midnight, all that waited since before it; urgent ones at once.
/// - A claim older than its lease was left by a sender that died: sent again (at least once).
/// - A failed message is tried again after `DeliveryRecord.backoff`.
public enum NotificationPlanner {
    public static func plan(_ data: DataSet, record: DeliveryRecord, at now: Date) -> NotificationPlan {
        let settings = data.settings.notify
        var plan = NotificationPlan()
        guard settings.command != nil else { return plan }
        let events = NotificationEvents.live(in: data, at: now)
        plan.live = Set(events.map(\.key))
        let reminders = Dictionary(data.reminders.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let cases = Dictionary(data.cases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let lease = DeliveryRecord.leaseLength(timeout: settings.timeout)

        /// (event index, recipient, entry) waiting for a digest, per recipient.
        var piles: [String: [(event: Int, key: DeliveryRecord.Key, entry: DeliveryRecord.Entry?)]] = [:]
        var immediate: [String: NotificationMessage] = [:]
        var order: [String] = []
        /// The message of an escalation going to a person now, by case and person: a warning or
        /// breach of that case for them rides along instead of making a message of its own.
        var escalating: [String: String] = [:]

        for (n, event) in events.enumerated() {
            for recipient in event.recipients {
                let key = DeliveryRecord.Key(event: event.key, recipient: recipient)
                let entry = record.entries[key]
                let digested = settings.digest[recipient] != nil && !event.kind.isUrgent
                guard isWanted(event, recipient: recipient, entry: entry, settings: settings,
                               lease: lease, reminders: reminders, cases: cases, at: now)
                else { continue }
                if digested {
                    piles[recipient, default: []].append((n, key, entry))
                    continue
                }
                let caseAndPerson = "\(event.subject)\n\(recipient)"
                if event.kind == .slaWarning || event.kind == .slaBreach, let group = escalating[caseAndPerson] {
                    immediate[group]!.deliveries.append(key)
                    continue
                }
                let before = entry?.sends ?? 0
                let group = "\(event.key)#\(before)"
                if event.kind == .escalation { escalating[caseAndPerson] = group }
                if immediate[group] == nil {
                    order.append(group)
                    immediate[group] = NotificationMessage(events: [event], isDigest: false, recipients: [],
                                                           deliveries: [], repeatNumber: before, attempt: 1,
                                                           id: "\(event.key)#\(before + 1)")
                }
                immediate[group]!.recipients.append(recipient)
                immediate[group]!.deliveries.append(key)
                immediate[group]!.attempt = max(immediate[group]!.attempt, tries(entry) + 1)
            }
        }
        plan.messages = order.map { immediate[$0]! }
        let zone = data.settings.defaultCalendar.timeZone
        for recipient in piles.keys.sorted() {
            let pile = piles[recipient]!
            let boundary = lastBoundary(every: settings.digest[recipient]!, before: now, zone: zone)
            if let digest = digest(for: recipient, pile.map { (events[$0.event], $0.key, $0.entry) }, boundary: boundary) {
                plan.messages.append(digest)
            } else {
                plan.queued += pile.filter { if case .queued? = $0.entry?.status { false } else { true } }.map(\.key)
            }
        }
        return plan
    }

    /// The recipient's digest of everything in the pile, when one is due: something in it has
    /// waited since before the last boundary, or is being tried again. Nil: it waits on.
    static func digest(for recipient: String,
                       _ pile: [(event: NotificationEvent, key: DeliveryRecord.Key, entry: DeliveryRecord.Entry?)],
                       boundary: Date) -> NotificationMessage? {
        let due = pile.contains { item in
            switch item.entry?.status {
            case .queued(let since)?: return since < boundary
            case .failed?, .sending?: return true
            case .delivered?, nil: return false
            }
        }
        guard due else { return nil }
        let id = fingerprint(pile.map { "\($0.key.event)#\($0.entry?.sends ?? 0)" })
        return NotificationMessage(events: pile.map(\.event), isDigest: true, recipients: [recipient],
                                   deliveries: pile.map(\.key), repeatNumber: 0,
                                   attempt: (pile.map { tries($0.entry) }.max() ?? 0) + 1,
                                   id: "digest/\(recipient)/\(id)")
    }

    /// Whether the event should reach the recipient now (or join their digest).
    static func isWanted(_ event: NotificationEvent, recipient: String, entry: DeliveryRecord.Entry?,
                         settings: NotifySettings, lease: TimeInterval,
                         reminders: [String: Reminder], cases: [String: SupportCase], at now: Date) -> Bool {
        guard let entry else { return true }
        switch entry.status {
        case .queued:
            // Also when the recipient's digest was turned off since: then it goes at once.
            return true
        case .sending(let since):
            return now >= since.addingTimeInterval(lease)
        case .failed(let retryAt):
            return now >= retryAt
        case .delivered:
            guard let last = entry.lastSent else { return true }
            let aboutReminder = event.kind.rawValue.hasPrefix("reminder.")
            if aboutReminder, let reminder = reminders[event.subject],
               let until = reminder.snoozedUntil[recipient], until > last, until <= now {
                return true
            }
            guard event.kind.repeats, let every = settings.repeatEvery, every > 0,
                  now >= last.addingTimeInterval(every) else { return false }
            let aboutCase = event.kind == .slaWarning || event.kind == .slaBreach || event.kind == .escalation
            if aboutCase, let item = cases[event.subject], let first = entry.firstSent {
                // A rise the ladder recorded by itself (no actor) is nobody acting on the case.
                return !item.history.contains { $0.at >= first && !($0.action == "escalated" && $0.actor == nil) }
            }
            return true
        }
    }

    /// Attempts made before: the failures, and a claim whose sender never settled it (it may
    /// well have run the command).
    private static func tries(_ entry: DeliveryRecord.Entry?) -> Int {
        guard let entry else { return 0 }
        if case .sending = entry.status { return entry.attempts + 1 }
        return entry.attempts
    }

    /// The latest multiple of `every` since local midnight at or before `now`.
    public static func lastBoundary(every: TimeInterval, before now: Date, zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let midnight = calendar.startOfDay(for: now)
        guard every > 0 else { return now }
        let slots = (now.timeIntervalSince(midnight) / every).rounded(.down)
        return midnight.addingTimeInterval(slots * every)
    }

    /// FNV-1a, written out: `hashValue` changes from one run to the next.
    static func fingerprint(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\n").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
