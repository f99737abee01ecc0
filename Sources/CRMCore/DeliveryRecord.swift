import Foundation

/// What has been sent to whom: one entry per event and recipient. Kept in the data directory,
/// so that every process, and the same one after a restart, sees what has gone out already.
/// The changes here are pure; the store reads and writes the record under the directory lock.
public struct DeliveryRecord: Equatable, Sendable {
    public struct Key: Hashable, Comparable, Sendable {
        public var event: String
        public var recipient: String

        public init(event: String, recipient: String) {
            self.event = event
            self.recipient = recipient
        }

        public static func < (a: Key, b: Key) -> Bool { (a.event, a.recipient) < (b.event, b.recipient) }
    }

    public enum Status: Equatable, Sendable {
        /// Waiting for the recipient's next digest.
        case queued(since: Date)
        /// A process is running the command for it; another may take over after `leaseLength`.
        case sending(since: Date)
        case delivered
        /// The command failed; try again from then on.
        case failed(retryAt: Date)
    }

    public struct Entry: Equatable, Sendable {
        public var status: Status
        /// How many times it went out: the first time and each repeat.
        public var sends: Int
        public var firstSent: Date?
        public var lastSent: Date?
        /// Failed attempts since it last went out.
        public var attempts: Int

        public init(status: Status, sends: Int = 0, firstSent: Date? = nil, lastSent: Date? = nil, attempts: Int = 0) {
            self.status = status
            self.sends = sends
            self.firstSent = firstSent
            self.lastSent = lastSent
            self.attempts = attempts
        }
    }

    public var entries: [Key: Entry]

    public init(entries: [Key: Entry] = [:]) {
        self.entries = entries
    }

    /// A delivered event that no longer stands is remembered this long, so one that comes and
    /// goes (a case paused and resumed) is not told again.
    public static let retention: TimeInterval = 7 * 24 * 3600

    /// Waits between attempts: 30 s, doubling with each failure, at most 30 minutes.
    public static func backoff(afterFailures failures: Int) -> TimeInterval {
        min(30 * pow(2, Double(max(failures, 1) - 1)), 30 * 60)
    }

    /// How long a claim holds: a sender stops its command after `timeout`, so a claim older than
    /// this belongs to a process that died between claiming and recording.
    public static func leaseLength(timeout: TimeInterval) -> TimeInterval { timeout + 30 }

    public mutating func queue(_ keys: [Key], at now: Date) {
        for key in keys { entries[key, default: Entry(status: .delivered)].status = .queued(since: now) }
    }

    /// Marks a message as being sent by the caller, before the command runs.
    public mutating func claim(_ message: NotificationMessage, at now: Date) {
        for key in message.deliveries { entries[key, default: Entry(status: .delivered)].status = .sending(since: now) }
    }

    /// Records how sending a claimed message went.
    public mutating func settle(_ message: NotificationMessage, delivered: Bool, at now: Date) {
        for key in message.deliveries {
            var entry = entries[key] ?? Entry(status: .delivered)
            if delivered {
                entry.status = .delivered
                entry.sends += 1
                entry.firstSent = entry.firstSent ?? now
                entry.lastSent = now
                entry.attempts = 0
            } else {
                // The message's number counts a try by a sender that died, too.
                entry.attempts = max(entry.attempts + 1, message.attempt)
                entry.status = .failed(retryAt: now.addingTimeInterval(Self.backoff(afterFailures: entry.attempts)))
            }
            entries[key] = entry
        }
    }

    /// Drops what no longer stands: at once when it never went out, after `retention` when it did.
    /// Claims in progress stay until they are settled.
    public mutating func forget(allBut live: Set<String>, at now: Date) {
        entries = entries.filter { key, entry in
            if live.contains(key.event) { return true }
            if case .sending = entry.status { return true }
            guard let last = entry.lastSent else { return false }
            return now.timeIntervalSince(last) < Self.retention
        }
    }
}
