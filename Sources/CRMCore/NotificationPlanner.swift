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
    /// The recipients who are people of the data set, in the order of `recipients`: where the
    /// command reaches them (`email`, `chat`).
    public var contacts: [Person] = []

    /// What the message is about: each reminder, case or person once, in the message's order.
    public var subjects: [String] {
        var subjects: [String] = []
        for event in events where !subjects.contains(event.subject) { subjects.append(event.subject) }
        return subjects
    }

    /// For logs: `sla.breach C-1 to lucas,tina (id …)`, `digest R-1,C-1 to jo (id …)`.
    public var summary: String {
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
/// - Whatever goes to a person about one item at one moment goes in one message, led by the
///   event that asks most of them (an escalation, then breaches, then warnings; a due
///   reminder, then its start, then an alert), which settles them all.
/// - A paused clock (the case waits on the customer) repeats nothing.
/// - Recipients with a digest get routine events in one message at each multiple of their
///   interval since local midnight, all that waited since it or before; urgent ones at once.
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
        /// What goes to a person at once about an item, by item and person, in order of appearance.
        var buckets: [String: [(event: Int, key: DeliveryRecord.Key, entry: DeliveryRecord.Entry?)]] = [:]
        var bucketOrder: [(item: String, recipient: String)] = []

        for (n, event) in events.enumerated() {
            for recipient in event.recipients {
                let key = DeliveryRecord.Key(event: event.key, recipient: recipient)
                let entry = record.entries[key]
                guard isWanted(event, recipient: recipient, entry: entry, settings: settings,
                               lease: lease, reminders: reminders, cases: cases, at: now)
                else { continue }
                if settings.digest[recipient] != nil && !event.kind.isUrgent {
                    piles[recipient, default: []].append((n, key, entry))
                    continue
                }
                let bucket = "\(event.item)\n\(recipient)"
                if buckets[bucket] == nil { bucketOrder.append((event.item, recipient)) }
                buckets[bucket, default: []].append((n, key, entry))
            }
        }
        // One message per item, person and moment, whatever stands about the item for them; people
        // who get the same events (and repeats) share it.
        var immediate: [String: NotificationMessage] = [:]
        var order: [String] = []
        for (item, recipient) in bucketOrder {
            let bucket = buckets["\(item)\n\(recipient)"]!
            let led = NotificationEvents.leading(bucket.map { events[$0.event] })
            let sends = Dictionary(bucket.map { ($0.key.event, $0.entry?.sends ?? 0) }, uniquingKeysWith: { a, _ in a })
            let parts = led.map { "\($0.key)#\(sends[$0.key]!)" }
            let group = "\(item)\n" + parts.joined(separator: "\n")
            if immediate[group] == nil {
                order.append(group)
                let before = sends[led[0].key]!
                // A lone event keeps the id it always had; a gathered message is named by all it holds.
                let id = led.count == 1 ? "\(led[0].key)#\(before + 1)"
                    : "\(led[0].key)#\(before + 1)+\(fingerprint(parts))"
                immediate[group] = NotificationMessage(events: led, isDigest: false, recipients: [], deliveries: [],
                                                       repeatNumber: before, attempt: 1, id: id)
            }
            immediate[group]!.recipients.append(recipient)
            immediate[group]!.deliveries += bucket.map(\.key)
            immediate[group]!.attempt = max(immediate[group]!.attempt, (bucket.map { tries($0.entry) }.max() ?? 0) + 1)
        }
        plan.messages = order.map { immediate[$0]! }
        let zone = data.settings.defaultCalendar.timeZone
        for recipient in piles.keys.sorted() {
            let pile = piles[recipient]!
            let boundary = lastBoundary(every: settings.digest[recipient]!, before: now, zone: zone)
            if let digest = digest(for: recipient, pile.map { (events[$0.event], $0.key, $0.entry) }, boundary: boundary, at: now) {
                plan.messages.append(digest)
            } else {
                plan.queued += pile.filter { if case .queued? = $0.entry?.status { false } else { true } }.map(\.key)
            }
        }
        plan.messages = plan.messages.map { withContacts($0, data.people) }
        return plan
    }

    private static func withContacts(_ message: NotificationMessage, _ people: [Person]) -> NotificationMessage {
        var message = message
        message.contacts = message.recipients.compactMap { handle in people.first { $0.id == handle } }
        return message
    }

    /// The recipient's digest of everything in the pile, when one is due: something in it has
    /// waited since the last boundary or before, or is being tried again. Nil: it waits on.
    static func digest(for recipient: String,
                       _ pile: [(event: NotificationEvent, key: DeliveryRecord.Key, entry: DeliveryRecord.Entry?)],
                       boundary: Date, at now: Date) -> NotificationMessage? {
        let due = pile.contains { item in
            switch item.entry?.status {
            // Inclusive: what was queued on the boundary itself belongs to that digest.
            case .queued(let since)?: return since <= boundary
            case .failed?, .sending?: return true
            // New at the boundary's own moment: it is queued there, so this digest takes it.
            case nil: return boundary >= now
            case .delivered?: return false
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
            // A clock that stands still (waiting on the customer) asks nobody to act now.
            guard event.kind.repeats, !event.paused, let every = settings.repeatEvery, every > 0,
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
