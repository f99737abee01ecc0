import CRMCore
import CRMStore
import Foundation

/// The dashboard's side of a shared store: stores changes, keeps those the store refused and
/// tries them again, notices what other processes changed, and compacts in the background.
/// Answers with the actions the runtime should dispatch.
final class StoreLink {
    let store: any Store
    /// Changes shown on screen but not yet stored, one batch per change the user made.
    private(set) var pending: [[Mutation]] = []
    /// Why the last attempt to store them failed.
    private(set) var failure: String?
    /// Tells when the store changes, so the screen need not look every second.
    private let watch: any ChangeWatch
    /// When the store was last looked at, and whether reading it failed then.
    private var looked: (at: Date, failed: Bool)?
    /// How often to look when the store cannot be watched, or its data could not be read.
    static let lookEvery: TimeInterval = 3
    private let compaction = Compaction()
    /// The store's position the screen's data matches, stored changes of its own aside; nil to
    /// send the data whatever it is. Sending a hundred thousand records the screen already has
    /// would only make it work them all out again.
    private var position: StorePosition?

    /// `store` is the one the screen's data was read from, if any, so that looking again finds
    /// nothing new to hand over unless something changed since.
    init(store: any Store) {
        self.store = store
        watch = store.watchChanges()
        position = store.position
    }

    /// What to wait on besides the terminal: readable when the store changed.
    var watchDescriptor: Int32? { watch.descriptor }

    /// Whether the watch heard of a change since the last call; never waits.
    func takeChanges() -> Bool { watch.takeChanges() }

    /// When to look at the store next although nothing was heard: at once the first time;
    /// then, where it cannot be watched or its data could not be read, every few seconds;
    /// otherwise nil, the watch telling.
    func nextLook() -> Date? {
        // The first look comes at once: something may have changed since the data was read.
        guard let looked else { return .distantPast }
        return !watch.isWatching || looked.failed ? looked.at.addingTimeInterval(Self.lookEvery) : nil
    }

    /// Stores changes at once, one batch per change the person made; they are already applied
    /// to what the screen shows.
    func persist(_ batches: [[Mutation]]) -> [Action] {
        pending += batches
        return flush()
    }

    /// Tries the changes that wait once more, with `batches` after them. Ends with `.persisted`
    /// when none is left, even when the last ones were refused, so that whoever asked knows.
    func retry(adding batches: [[Mutation]] = []) -> [Action] {
        pending += batches
        var actions = pending.isEmpty ? [] : flush()
        if pending.isEmpty, !actions.contains(where: { if case .persisted = $0 { true } else { false } }) {
            actions.append(.persisted(nil))
        }
        return actions
    }

    /// Applies a recovery file's changes, and hands the screen the data as stored.
    func recover(_ file: RecoveryFile, zone: TimeZone) -> [Action] {
        let (report, stored) = file.apply(to: store, zone: zone)
        guard let stored else { return [.recovered(report)] }
        position = pending.isEmpty ? store.position : nil
        return [.persisted(withPending(stored)), .recovered(report)]
    }

    /// `data` as the screen shows it: with the changes not stored yet.
    private func withPending(_ data: DataSet) -> DataSet {
        var data = data
        for batch in pending {
            for mutation in batch { try? mutation.apply(to: &data) }
        }
        return data
    }

    /// Called when the screen wakes (every second on the dashboard; on a wall when the watch
    /// heard something, the minute turns or it is time to look): retries what is waiting,
    /// then reads what others changed.
    func synchronize(at now: Date) -> [Action] {
        if !pending.isEmpty {
            let actions = flush()
            if pending.isEmpty { return actions }
        }
        looked = (now, false)
        do {
            let news = try store.changes(since: position)
            position = news.position
            guard let data = news.data else { return [] }
            return [.reloaded(withPending(data))] + (failure.map { [.saveFailed($0, unsaved: pending.count)] } ?? [])
        } catch {
            looked = (now, true)
            position = nil
            // Changes not stored matter more to the person than a read that failed.
            return [.reloadFailed("cannot read the data: \(error)")]
                + (failure.map { [.saveFailed($0, unsaved: pending.count)] } ?? [])
        }
    }

    private func flush() -> [Action] {
        var actions: [Action] = []
        while let batch = pending.first {
            do {
                let data = try store.apply(batch)
                pending.removeFirst()
                failure = nil
                if pending.isEmpty { actions.append(.persisted(stored(data))) }
            } catch .refused(let reason) {
                // It no longer applies (someone else deleted what it names); keeping it
                // would only fail again. The next read shows the data without it.
                pending.removeFirst()
                position = nil
                actions.append(.refused("not saved: \(reason)"))
            } catch {
                // The position stays: the screen shows the stored data and what waits, and
                // whatever the store read from others on the way is news at the next look.
                failure = error.description
                actions.append(.saveFailed(error.description, unsaved: pending.count))
                return actions
            }
        }
        if store.needsCompaction { compaction.start(store) }
        return actions
    }

    /// What `.persisted` hands the screen once its changes are stored: nothing when the store
    /// brought in nothing from others meanwhile, for the screen has it all already.
    private func stored(_ data: DataSet) -> DataSet? {
        guard let news = try? store.changes(since: position) else {
            position = nil
            return data
        }
        position = news.position
        return news.data
    }

    /// Waits for a compaction under way, so the process does not end in the middle of one
    /// (which would be safe, but leaves the work to the next writer).
    func finish() { compaction.wait() }
}

/// At most one background compaction at a time.
private final class Compaction: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var running = false

    func start(_ store: any Store) {
        let begin = lock.withLock { () -> Bool in
            guard !running else { return false }
            running = true
            return true
        }
        guard begin else { return }
        DispatchQueue.global(qos: .utility).async(group: group) { [self] in
            // A failure leaves the data as it was; the next change tries again.
            try? store.compact()
            lock.withLock { running = false }
        }
    }

    func wait() { group.wait() }
}
