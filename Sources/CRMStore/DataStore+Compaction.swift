#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CRMCore
import Foundation

extension DataStore {
    /// Whether the journal has grown past `compactionThreshold`. Costs one `stat`.
    public var needsCompaction: Bool {
        (FileStamp(path: path(of: Journal.fileName))?.size ?? 0) > compactionThreshold
    }

    /// Rewrites the snapshot files that lack journalled changes, then starts the journal
    /// afresh with only the changes that came in meanwhile. The slow part, encoding and
    /// writing the files, runs without the lock, so other writers carry on; the lock is held
    /// to read the latest data and to rename the new files into place.
    ///
    /// A crash at any point is harmless: until the journal is replaced it still holds every
    /// change, and each snapshot's `journal_seq` says which of them it has.
    public func compact() throws(StoreError) {
        guard let plan = try withWriteLock(for: Journal.fileName, { s, mode throws(StoreError) in
            Plan(s, mode: mode)
        }) else { return }

        // Files not put in place are removed when they go.
        var prepared: [AtomicFile.Prepared] = []
        do throws(SaveError) {
            for file in plan.files {
                let name = file.collection.fileName
                let bytes: [UInt8]
                do throws(FieldError) {
                    bytes = try FileFormats.encode(file.collection, plan.data, journalSeq: file.seq,
                                                   unknown: plan.unknown[file.collection] ?? UnknownFields())
                } catch {
                    throw SaveError(file: name, path: error.path, message: error.message)
                }
                prepared.append(try AtomicFile.prepare(name, in: directory.path, with: bytes, newFileMode: plan.mode))
            }
        } catch {
            throw .save(error)
        }

        _ = try withWriteLock(for: Journal.fileName) { s, mode throws(StoreError) in
            // Someone else rewrote a file meanwhile; theirs is at least as new.
            guard plan.files.allSatisfy({ s.snapshots[$0.collection]?.stamp == $0.stamp }) else { return }
            do throws(SaveError) {
                try finish(plan, &prepared, &s, mode: mode)
            } catch {
                throw .save(error)
            }
        }
    }

    private func finish(_ plan: Plan, _ prepared: inout [AtomicFile.Prepared], _ s: inout DirectoryState,
                        mode: mode_t) throws(SaveError) {
        let dir = directory.path
        for file in plan.files {
            try prepared.removeFirst().commit()
            s.snapshots[file.collection]?.stamp = FileStamp(path: path(of: file.collection.fileName))
            s.snapshots[file.collection]?.seq = file.seq
        }
        if let last = plan.files.last { try AtomicFile.syncDirectory(dir, after: last.collection.fileName) }

        let kept = s.entries.filter { $0.seq > s.snapshots[$0.collection, default: .init()].seq }
        let base = kept.first.map { $0.seq - 1 } ?? s.lastSeq
        let bytes = Journal.header(seq: base) + (try Journal.lines(kept, zone: s.data.settings.defaultCalendar.timeZone))
        try AtomicFile.replace(Journal.fileName, in: dir, with: bytes, newFileMode: mode)
        try AtomicFile.syncDirectory(dir, after: Journal.fileName)
        s.journal = LogPosition(stamp: FileStamp(path: path(of: Journal.fileName)))
        s.journal.advance(over: bytes)
        s.journalBase = base
        s.entries = kept
        AtomicFile.removeAbandoned(in: dir, names: Self.fileNames)
    }

    /// What a compaction writes: the files whose data holds journalled changes they lack.
    struct Plan {
        var data: DataSet
        var unknown: [Collection: UnknownFields]
        var files: [(collection: Collection, seq: Int, stamp: FileStamp?)]
        var mode: mode_t

        /// Nil when there is nothing to compact.
        init?(_ s: DirectoryState, mode: mode_t) {
            guard !s.entries.isEmpty else { return nil }
            data = s.data
            unknown = s.unknown
            files = Collection.snapshots.compactMap { collection in
                guard let snapshot = s.snapshots[collection], snapshot.applied > snapshot.seq else { return nil }
                return (collection, snapshot.applied, snapshot.stamp)
            }
            self.mode = mode
        }
    }

    /// Runs `body` on the latest data, holding both this store's lock and the directory's.
    /// `name` is the file named if the directory cannot be locked.
    func withWriteLock<T>(for name: String, _ body: (inout DirectoryState, mode_t) throws(StoreError) -> T) throws(StoreError) -> T {
        mutex.lock()
        defer { mutex.unlock() }
        let mode: mode_t
        do { mode = try prepareDirectory(for: name) } catch { throw .save(error) }
        let lock: DirectoryLock
        do { lock = try DirectoryLock(directory: directory.path, mode: mode, for: name) } catch { throw .save(error) }
        var s: DirectoryState
        do { s = try refreshed(state.take()) } catch { throw .load(error) }
        defer { state = s }
        let result = try body(&s, mode)
        _ = consume lock
        return result
    }
}
