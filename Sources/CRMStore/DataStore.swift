#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CRMCore
import Foundation

/// One data directory: a JSON file per collection (see docs/DATA_FORMAT.md).
public final class DataStore: Sendable {
    public enum Collection: String, CaseIterable, Sendable {
        case settings, reminders, cases, influencers, people, kpis, activities

        /// People and teams share `people.json`.
        public var fileName: String {
            self == .activities ? "activities.jsonl" : rawValue + ".json"
        }
    }

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func url(for collection: Collection) -> URL {
        directory.appendingPathComponent(collection.fileName)
    }

    // MARK: - Loading

    /// Reads every file; a missing file is an empty collection, so a new directory loads
    /// as an empty data set. Settings come first, because times written without an offset
    /// mean wall-clock time in the default calendar's zone. Never writes anything.
    public func load() throws(LoadError) -> DataSet {
        var data = DataSet()
        try load(.settings, zone: .gmt, into: &data)
        let zone = data.settings.defaultCalendar.timeZone
        for collection in Collection.allCases where collection != .settings {
            try load(collection, zone: zone, into: &data)
        }
        return data
    }

    private func load(_ collection: Collection, zone: TimeZone, into data: inout DataSet) throws(LoadError) {
        let name = collection.fileName
        guard let bytes = try readFile(name) else { return }
        let document: JSONDocument
        do throws(JSONSyntaxError) {
            document = collection == .activities ? try .parseLines(bytes) : try .parse(bytes)
        } catch {
            let at = TextPosition(of: error.offset, in: bytes)
            throw LoadError(file: name, line: at.line, column: at.column, message: error.message)
        }
        do throws(FieldError) {
            try FileFormats.decode(collection, document, zone: zone, into: &data)
        } catch {
            let at = document.position(of: error.offset ?? 0)
            throw LoadError(file: name, path: error.path, line: at.line, column: at.column, message: error.message)
        }
    }

    /// The whole file, or nil when there is none.
    private func readFile(_ name: String) throws(LoadError) -> [UInt8]? {
        let fd = open(path(of: name), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw LoadError(file: name, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        fstat(fd, &info)
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += repeatElement(0, count: bytes.count) }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw LoadError(file: name, message: "cannot read: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    // MARK: - Saving

    /// Writes the given collections, each atomically (see `AtomicFile`). All of them are
    /// encoded before the first is written, so data that cannot be written changes nothing.
    /// Each file is replaced on its own: a failure part way leaves earlier ones saved.
    public func save(_ data: DataSet, collections: Set<Collection> = Set(Collection.allCases)) throws(SaveError) {
        var encoded: [(name: String, bytes: [UInt8])] = []
        for collection in Collection.allCases where collections.contains(collection) {
            do throws(FieldError) {
                encoded.append((collection.fileName, try FileFormats.encode(collection, data)))
            } catch {
                throw SaveError(file: collection.fileName, path: error.path, message: error.message)
            }
        }
        guard let last = encoded.last?.name else { return }

        let dir = directory.path
        try makeDirectory(dir, for: last)
        var info = stat()
        guard stat(dir, &info) == 0 else { throw AtomicFile.failure(last, "cannot read the data directory") }
        // A group-writable directory is shared with a team, so its files are too.
        let mode: mode_t = info.st_mode & S_IWGRP != 0 ? 0o660 : 0o600
        for file in encoded {
            try AtomicFile.replace(file.name, in: dir, with: file.bytes, newFileMode: mode)
        }
        try AtomicFile.syncDirectory(dir, after: last)
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

    private func path(of name: String) -> String { directory.appendingPathComponent(name).path }
}
