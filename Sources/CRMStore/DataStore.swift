#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CRMCore
import Foundation

/// One data directory: a JSON file per collection, a journal of the changes made since those
/// files were last written, and a lock file (see docs/DATA_FORMAT.md). Any number of
/// processes may share it; writers take the lock, readers need none.
///
/// Thread-safe: the picture of the directory it keeps between calls is guarded by a lock.
public final class DataStore: @unchecked Sendable {
    public enum Collection: String, CaseIterable, Sendable {
        case settings, reminders, cases, influencers, people, kpis, activities

        /// People and teams share `people.json`.
        public var fileName: String {
            self == .activities ? "activities.jsonl" : rawValue + ".json"
        }
    }

    /// Every file crmtop replaces whole in a data directory.
    static let fileNames = Set(Collection.allCases.map(\.fileName) + [Journal.fileName, DeliveryRecordFile.fileName,
                                                                   SyncStatusFile.fileName])

    public let directory: URL
    /// Past this many bytes of journal, `compactIfNeeded` rewrites the snapshot files.
    public let compactionThreshold: Int

    let mutex = NSLock()
    /// Guarded by `mutex`.
    var state: DirectoryState?
    /// Guarded by `mutex`; see `readGeneration`.
    var generation = 0
    /// Guarded by `mutex`: the files as they were when `changes(since:)` last read them.
    var lookedAt: ChangeToken?

    public init(directory: URL, compactionThreshold: Int = 64 * 1024) {
        self.directory = directory
        self.compactionThreshold = compactionThreshold
    }

    /// Whether the data directory is there (a directory, not a file or a dangling link).
    public var directoryExists: Bool {
        var info = stat()
        return stat(directory.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    public func url(for collection: Collection) -> URL {
        directory.appendingPathComponent(collection.fileName)
    }

    func path(of name: String) -> String { directory.appendingPathComponent(name).path }

    /// Whether the directory holds any of crmtop's files yet; false for one that does not
    /// exist, where the first change starts a new data set.
    public var holdsData: Bool {
        Self.fileNames.contains { FileManager.default.fileExists(atPath: path(of: $0)) }
    }

    // MARK: - Loading

    /// Goes up each time reading the directory brings in something new: a file changed by
    /// another process, or changes in the journal that this store did not write. While it
    /// stays the same, the data is what this store last returned plus its own changes, so a
    /// caller that applied those changes itself already has it. `position` hands it out.
    var readGeneration: Int {
        mutex.lock()
        defer { mutex.unlock() }
        return generation
    }

    /// The data as it is on disk now: every file, with the journal's changes applied. A
    /// missing file is an empty collection, so a new directory loads as an empty data set.
    /// After the first call only files that changed are read again. Never writes anything.
    public func load() throws(LoadError) -> DataSet {
        mutex.lock()
        defer { mutex.unlock() }
        let fresh = try refreshed(state.take())
        state = fresh
        return fresh.data
    }

    // MARK: - Saving

    /// Writes the given collections whole, each atomically (see `AtomicFile`), replacing what
    /// the files and the journal said about them. All of them are encoded before the first is
    /// written, so data that cannot be written changes nothing. Each file is replaced on its
    /// own: a failure part way leaves earlier ones saved. Fields crmtop does not know, read
    /// from the files by an earlier `load`, are written back. To change data that others may
    /// be changing too, use `apply`.
    public func save(_ data: DataSet, collections: Set<Collection> = Set(Collection.allCases)) throws(SaveError) {
        let chosen = Collection.allCases.filter(collections.contains)
        guard let first = chosen.first?.fileName, let last = chosen.last?.fileName else { return }
        mutex.lock()
        defer { mutex.unlock() }
        let mode = try prepareDirectory(for: first)
        let lock = try DirectoryLock(directory: directory.path, mode: mode, for: first)
        // The saved files hold every journalled change so far: what they say replaces it.
        let seq = try lastJournalSeq(for: first)
        var encoded: [(name: String, bytes: [UInt8])] = []
        for collection in chosen {
            do throws(FieldError) {
                encoded.append((collection.fileName, try FileFormats.encode(
                    collection, data, journalSeq: seq, unknown: state?.unknown[collection] ?? UnknownFields())))
            } catch {
                throw SaveError(file: collection.fileName, path: error.path, message: error.message)
            }
        }
        for collection in chosen {
            if let newer = newerVersion(of: collection.fileName, than: FileFormats.newest(collection)) {
                throw SaveError(file: collection.fileName, message: "the file is format version \(newer), newer than this "
                    + "crmtop writes (\(FileFormats.newest(collection))); it was written by a newer crmtop and is left as it is")
            }
        }
        // Read these again next time, whatever happens now.
        for collection in chosen { state?.forget(collection) }
        for file in encoded {
            try AtomicFile.replace(file.name, in: directory.path, with: file.bytes, newFileMode: mode)
        }
        try AtomicFile.syncDirectory(directory.path, after: last)
        _ = consume lock
    }

    /// The format version at the top of a file, if it is newer than this crmtop's. Files
    /// crmtop writes give it first; the others were refused when they were read.
    private func newerVersion(of name: String, than newest: Int) -> Int? {
        guard case .success(let fd?) = DataFileOpen.descriptor(path(of: name), flags: O_RDONLY) else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 256)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        let text = String(decoding: head[..<n], as: UTF8.self)
        guard let key = text.range(of: "\"version\"") else { return nil }
        let digits = text[key.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\n" }.prefix { $0.isNumber }
        return Int(digits).flatMap { $0 > newest ? $0 : nil }
    }

    /// The number of the last journalled change, read straight from the journal.
    private func lastJournalSeq(for name: String) throws(SaveError) -> Int {
        do throws(LoadError) {
            guard let read = try Journal.read(path(of: Journal.fileName), after: LogPosition(), lastSeq: 0, zone: .gmt)
            else { return 0 }
            return read.entries.last?.seq ?? read.headerSeq ?? 0
        } catch {
            throw SaveError(file: name, message: "cannot read the journal first: \(error)")
        }
    }

    /// Creates the directory if need be and returns the mode for new files in it: a
    /// group-writable directory is shared with a team, so its files are too.
    func prepareDirectory(for name: String) throws(SaveError) -> mode_t {
        let dir = directory.path
        try makeDirectory(dir, for: name)
        return try DirectoryFile.newFileMode(in: dir, for: name)
    }

    /// Creates the directory and any missing parents, private to the user.
    private func makeDirectory(_ path: String, for name: String) throws(SaveError) {
        var info = stat()
        if stat(path, &info) == 0 { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeDirectory(parent, for: name) }
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            throw AtomicFile.failure(name, "cannot create the data directory")
        }
    }
}
