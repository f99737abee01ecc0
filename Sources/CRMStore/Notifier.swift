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
/// store's delivery record. One `pass` at a time per instance.
///
/// Exactly once, as far as it can be: a pass claims its messages in the record
/// (`Store.updateDeliveryRecord`) before running the command, and records the outcome the same
/// way after it, so no other process (another notifier, a dashboard) sends them meanwhile, and a
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

    public let store: any Store

    public init(store: any Store) {
        self.store = store
    }

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

    /// Plans while no other writer can change the record and claims what is due, in one step;
    /// nil when there is nothing to do. A look without holding anything comes first: most
    /// seconds nothing is due, and the store's writers share what the claim holds.
    private func claim(_ data: DataSet, at now: Date) throws -> ([NotificationMessage], NotifyLog)? {
        guard try needsWork(data, record: store.deliveryRecord(), at: now) else { return nil }
        var log: NotifyLog?
        do throws(StoreError) {
            let messages = try store.updateDeliveryRecord(zone: data.settings.defaultCalendar.timeZone) { record throws(StoreError) in
                do throws(SaveError) { log = try store.notifyLog() } catch { throw .save(error) }
                let plan = NotificationPlanner.plan(data, record: record, at: now)
                record.queue(plan.queued, at: now)
                for message in plan.messages { record.claim(message, at: now) }
                record.forget(allBut: plan.live, at: now)
                return plan.messages
            }
            guard let log else { return nil }
            return (messages, log)
        } catch {
            // A record that cannot be read stops the pass: sending without it would send again
            // what went out before, and it is left as it is for someone to look at.
            if case .load(let reading) = error {
                (try? store.notifyLog())?.write("nothing sent: cannot read \(reading)", at: now)
            }
            throw error.cause
        }
    }

    private func needsWork(_ data: DataSet, record: DeliveryRecord, at now: Date) -> Bool {
        let plan = NotificationPlanner.plan(data, record: record, at: now)
        var forgotten = record
        forgotten.forget(allBut: plan.live, at: now)
        return !plan.messages.isEmpty || !plan.queued.isEmpty || forgotten != record
    }

    private func settle(_ outcomes: [(NotificationMessage, Bool)], at now: Date, zone: TimeZone) throws {
        do throws(StoreError) {
            try store.updateDeliveryRecord(zone: zone) { record throws(StoreError) in
                for (message, delivered) in outcomes { record.settle(message, delivered: delivered, at: now) }
            }
        } catch {
            throw error.cause
        }
    }
}

extension StoreError {
    /// What went wrong underneath, which says it the way the notifier's messages always have.
    var cause: any Error {
        switch self {
        case .load(let error): error
        case .save(let error): error
        case .refused(let error): error
        }
    }
}
