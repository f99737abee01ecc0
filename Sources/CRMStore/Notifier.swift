#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CRMCore
import Foundation

/// Sends what `NotificationPlanner` says is due, through the notify command, and keeps the
/// delivery record of the data directory. One `pass` at a time per instance.
///
/// Exactly once, as far as it can be: a pass claims its messages in the record under the
/// directory lock before running the command, and records the outcome under the lock after
/// it, so no other process (another notifier, a dashboard) sends them meanwhile, and a
/// restart finds them recorded. A process killed after the command ran but before the outcome
/// was recorded leaves a claim; once its lease has run out the message goes out again with the
/// same id and a higher attempt number. That is at least once: a duplicate, which the id lets
/// the receiving side drop, is better than a breach nobody hears about.
public final class Notifier: @unchecked Sendable {
    public struct Failure: Equatable, Sendable {
        public var message: NotificationMessage
        public var reason: String
    }

    public struct Report: Equatable, Sendable {
        public var sent: [NotificationMessage] = []
        public var failed: [Failure] = []
        /// Nothing could be sent: the data or the record could not be read or written.
        public var problem: String?
    }

    public let store: DataStore

    public init(store: DataStore) {
        self.store = store
    }

    private var directory: String { store.directory.path }

    /// Sends everything due at `now`. Times in the record and the log are `now`, so a pinned
    /// clock gives reproducible results; the command's timeout is real time, on the monotonic clock.
    public func pass(at now: Date) -> Report {
        var report = Report()
        var data: DataSet
        do {
            data = try store.load()
        } catch {
            report.problem = "cannot read the data: \(error)"
            return report
        }
        // The ladder's rises go into the cases' history whoever notices them first; a
        // directory this process may not write to still gets its messages sent.
        let rises = Escalation.recordings(of: data.cases, settings: data.settings, at: now)
        if !rises.isEmpty, let stored = try? store.apply(rises) { data = stored }
        let settings = data.settings.notify
        guard let commandLine = settings.command else { return report }
        let zone = data.settings.defaultCalendar.timeZone

        let messages: [NotificationMessage]
        let log: NotifyLog
        do {
            guard let claimed = try claim(data, at: now) else { return report }
            (messages, log) = claimed
        } catch {
            report.problem = "\(error)"
            return report
        }
        let command = NotifyProcess(commandLine: commandLine, timeout: settings.timeout)
        var outcomes: [(NotificationMessage, Bool)] = []
        for message in messages {
            let outcome = command.run(environment: NotificationPayload.environment(message, zone: zone, sentAt: now),
                                      input: NotificationPayload.json(message, zone: zone, sentAt: now),
                                      log: log)
            if outcome.droppedBytes > 0 {
                log.write("… \(outcome.droppedBytes) bytes dropped: the log keeps the first "
                    + "\(NotifyProcess.outputLimit >> 10) KiB of a command's output", at: now)
            }
            let failure = outcome.failure
            outcomes.append((message, failure == nil))
            let what = "\(message.summary), attempt \(message.attempt)"
            if let failure {
                let retry = DeliveryRecord.backoff(afterFailures: message.attempt)
                log.write("failed: \(what): \(failure); trying again in \(DurationText.format(retry))", at: now)
                report.failed.append(Failure(message: message, reason: failure))
            } else {
                log.write("sent: \(what)", at: now)
                report.sent.append(message)
            }
        }
        guard !outcomes.isEmpty else { return report }
        do {
            try settle(outcomes, at: now, zone: zone)
        } catch {
            log.write("cannot record what was sent (it goes out again once the claim runs out): \(error)", at: now)
            report.problem = "cannot record what was sent: \(error)"
        }
        return report
    }

    /// Plans under the directory lock and claims what is due, in one step; nil when there is
    /// nothing to do. A look without the lock comes first: most seconds nothing is due, and
    /// the lock is shared with everyone saving a change.
    private func claim(_ data: DataSet, at now: Date) throws -> ([NotificationMessage], NotifyLog)? {
        guard try needsWork(data, record: DeliveryRecordFile.read(in: directory), at: now) else { return nil }
        let name = DeliveryRecordFile.fileName
        let mode = try DirectoryFile.newFileMode(in: directory, for: name)
        let lock = try DirectoryLock(directory: directory, mode: mode, for: name)
        let log = try NotifyLog(directory: directory, mode: mode)
        let before = try readRecord(log: log, at: now)
        var record = before
        let plan = NotificationPlanner.plan(data, record: record, at: now)
        record.queue(plan.queued, at: now)
        for message in plan.messages { record.claim(message, at: now) }
        record.forget(allBut: plan.live, at: now)
        if record != before {
            try DeliveryRecordFile.write(record, in: directory, mode: mode, zone: data.settings.defaultCalendar.timeZone)
        }
        _ = consume lock
        return (plan.messages, log)
    }

    private func needsWork(_ data: DataSet, record: DeliveryRecord, at now: Date) -> Bool {
        let plan = NotificationPlanner.plan(data, record: record, at: now)
        var forgotten = record
        forgotten.forget(allBut: plan.live, at: now)
        return !plan.messages.isEmpty || !plan.queued.isEmpty || forgotten != record
    }

    private func settle(_ outcomes: [(NotificationMessage, Bool)], at now: Date, zone: TimeZone) throws {
        let name = DeliveryRecordFile.fileName
        let mode = try DirectoryFile.newFileMode(in: directory, for: name)
        let lock = try DirectoryLock(directory: directory, mode: mode, for: name)
        var record = try DeliveryRecordFile.read(in: directory)
        for (message, delivered) in outcomes { record.settle(message, delivered: delivered, at: now) }
        try DeliveryRecordFile.write(record, in: directory, mode: mode, zone: zone)
        _ = consume lock
    }

    /// A record that cannot be read stops the pass: sending without it would send again what
    /// went out before, and the file is left as it is for someone to look at.
    private func readRecord(log: NotifyLog, at now: Date) throws(LoadError) -> DeliveryRecord {
        do {
            return try DeliveryRecordFile.read(in: directory)
        } catch {
            log.write("nothing sent: cannot read \(error)", at: now)
            throw error
        }
    }
}
