#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CRMCore
import Foundation

/// The data directory as a `Store`. What only a directory knows stays here: the read
/// generation that positions count, the `stat` of each file that tells cheaply whether to read
/// at all, inotify, and the lock files.
extension DataStore: Store {
    public var location: String { directory.path }

    public var missing: String? {
        guard !directoryExists else { return nil }
        var info = stat()
        let what = stat(directory.path, &info) == 0 ? "it is not a directory" : "it does not exist (moved, deleted, or a typo?)"
        return "no data directory at \(directory.path): \(what)"
    }

    /// The read generation: it moves only when reading brings in what this store did not write.
    public var position: StorePosition { StorePosition(Int64(readGeneration)) }

    public func changes(since position: StorePosition?) throws(LoadError) -> StoreChanges {
        mutex.lock()
        defer { mutex.unlock() }
        let token = changeToken()
        if let position, position.value == Int64(generation), state != nil, token == lookedAt {
            return StoreChanges(data: nil, position: position)
        }
        // Noted before reading, so that a change made while reading is picked up next time.
        lookedAt = token
        let fresh: DirectoryState
        do {
            fresh = try refreshed(state.take())
        } catch {
            lookedAt = nil
            throw error
        }
        state = fresh
        let now = StorePosition(Int64(generation))
        return StoreChanges(data: now == position ? nil : fresh.data, position: now)
    }

    public func watchChanges() -> any ChangeWatch { watch() }

    public func notifierLease(wait: Bool) throws(SaveError) -> (any NotifierLease)? {
        try NotifierLock.acquire(directory: directory, wait: wait)
    }

    public func deliveryRecord() throws(LoadError) -> DeliveryRecord {
        try DeliveryRecordFile.read(in: directory.path)
    }

    /// Under the directory lock, which every writer of the directory takes.
    public func updateDeliveryRecord<T>(zone: TimeZone, _ change: (inout DeliveryRecord) throws(StoreError) -> T) throws(StoreError) -> T {
        let dir = directory.path, name = DeliveryRecordFile.fileName
        let mode: mode_t
        let lock: DirectoryLock
        do {
            mode = try DirectoryFile.newFileMode(in: dir, for: name)
            lock = try DirectoryLock(directory: dir, mode: mode, for: name)
        } catch {
            throw .save(error)
        }
        var record: DeliveryRecord
        do { record = try DeliveryRecordFile.read(in: dir) } catch { throw .load(error) }
        let before = record
        let result = try change(&record)
        if record != before {
            do { try DeliveryRecordFile.write(record, in: dir, mode: mode, zone: zone) } catch { throw .save(error) }
        }
        _ = consume lock
        return result
    }

    /// `notify.log` in the data directory.
    public func notifyLog() throws(SaveError) -> NotifyLog {
        try NotifyLog(directory: directory)
    }

    public var localDirectory: URL? { directory }
}

extension DirectoryWatch: ChangeWatch {}
extension NotifierLock: NotifierLease {}
