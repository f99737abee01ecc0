import CRMCore
import CRMStore
import Foundation

/// A dashboard sends the team's notifications itself only while no `crmtop notify` runs for
/// its store: every few seconds it tries the notifier's lease, and if it gets it, runs
/// one pass in the background and lets go. The delivery record keeps two dashboards (or a
/// dashboard and a notifier starting up) from sending the same message twice.
final class DashboardNotifier: @unchecked Sendable {
    /// A pass reads every reminder and case; a screen that shares the machine with its user
    /// does it less often than the notifier's every second.
    static let interval: TimeInterval = 5

    private let notifier: Notifier
    private let mutex = NSLock()
    private let group = DispatchGroup()
    /// Guarded by `mutex`.
    private var running = false
    private var finished: [Notifier.Report] = []
    private var lastStart: Date?

    init(store: any Store) {
        notifier = Notifier(store: store)
    }

    /// Starts a pass for `now` unless one is under way, when the data names a notify command;
    /// answers with notes about passes that finished since the last call and went wrong.
    func poll(_ state: AppState, at now: Date) -> [Action] {
        let reports = mutex.withLock { () -> [Notifier.Report] in
            defer { finished = [] }
            return finished
        }
        if state.data.settings.notify.command != nil { start(at: now) }
        return reports.flatMap(Self.notes)
    }

    /// When the next pass is due, for a screen that would otherwise sleep longer; nil when the
    /// data names no notify command.
    func nextPass(_ state: AppState) -> Date? {
        guard state.data.settings.notify.command != nil else { return nil }
        let last = mutex.withLock { lastStart }
        return last.map { $0.addingTimeInterval(Self.interval) } ?? state.now
    }

    private func start(at now: Date) {
        let begin = mutex.withLock { () -> Bool in
            guard !running, lastStart.map({ now.timeIntervalSince($0) >= Self.interval || now < $0 }) ?? true
            else { return false }
            running = true
            lastStart = now
            return true
        }
        guard begin else { return }
        let store = notifier.store
        DispatchQueue.global(qos: .utility).async(group: group) { [self] in
            var report: Notifier.Report?
            // A running notifier holds the lease: then it is the one that tells people.
            if let lease = try? store.notifierLease(wait: false) {
                report = notifier.pass(at: now)
                withExtendedLifetime(lease) {}
            }
            mutex.withLock {
                if let report { finished.append(report) }
                running = false
            }
        }
    }

    static func notes(_ report: Notifier.Report) -> [Action] {
        var notes = report.failed.map { failure in
            Action.note("notify command failed (\(failure.reason)); see notify.log")
        }
        if let problem = report.problem { notes.append(.note("notifications: \(problem)")) }
        return notes
    }

    /// Waits for a pass under way, so its outcome is recorded before the process ends.
    func finish() { group.wait() }
}
