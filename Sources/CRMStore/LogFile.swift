#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How far a reader got in an append-only JSON Lines file (the journal, `activities.jsonl`).
struct LogPosition: Equatable, Sendable {
    /// The file read; nil before the first read or when there was none.
    var stamp: FileStamp?
    /// Bytes read so far: whole lines, and a last line without its newline if it was complete.
    var consumed = 0
    /// Newlines in those bytes, so errors in what comes later can name their line.
    var lines = 0
    /// The last bytes read. Finding them again before what follows tells an append from a file
    /// rewritten in place, which must be read again from the start.
    var tail: [UInt8] = []

    static let tailLength = 32

    var endsLine: Bool { tail.last.map { $0 == .lf } ?? true }

    mutating func advance(over bytes: some Collection<UInt8>) {
        consumed += bytes.count
        lines += bytes.count { $0 == .lf }
        tail = Array((tail + bytes).suffix(Self.tailLength))
    }
}

/// Appending to and reading from JSON Lines files that grow one change at a time.
///
/// A writer killed in the middle of an append leaves a torn last line. It was never reported
/// saved, so readers ignore it and the next writer cuts it off before appending. A last line
/// without a newline that is nevertheless a complete object (a hand-edited file) is kept.
enum LogFile {
    struct Chunk {
        /// New whole lines, to be parsed as JSON Lines.
        var bytes: [UInt8]
        /// The line number of `bytes`' first line, minus one.
        var linesBefore: Int
        /// Whether the file was read from its start (it is new, or was replaced).
        var fromStart: Bool
        var position: LogPosition
    }

    /// What was added since `position`, or the whole file if it is not the one read before.
    /// Nil when the file does not exist.
    static func readNew(_ path: String, name: String, after position: LogPosition) throws(LoadError) -> Chunk? {
        let back = position.tail.count
        if let previous = position.stamp,
           let (bytes, stamp) = try DiskFile.read(path, name: name, from: position.consumed - back),
           stamp.isSameFile(as: previous), stamp.size >= position.consumed, bytes.starts(with: position.tail) {
            var next = position
            next.stamp = stamp
            let fresh = complete(bytes[back...])
            next.advance(over: fresh)
            return Chunk(bytes: Array(fresh), linesBefore: position.lines, fromStart: false, position: next)
        }
        guard let (bytes, stamp) = try DiskFile.read(path, name: name) else { return nil }
        var next = LogPosition(stamp: stamp)
        let fresh = complete(bytes[...])
        next.advance(over: fresh)
        return Chunk(bytes: Array(fresh), linesBefore: 0, fromStart: true, position: next)
    }

    /// The whole lines of `bytes`, and a last line without a newline if it is a complete object.
    static func complete(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let last = bytes.last, last != .lf else { return bytes }
        let cut = (bytes.lastIndex(of: .lf).map { $0 + 1 }) ?? bytes.startIndex
        let rest = Array(bytes[cut...])
        if let document = try? JSONDocument.parse(rest), document.root.kind == .object { return bytes }
        return bytes[..<cut]
    }

    /// Appends `lines` (each ending in a newline) durably: when this returns, they survive a
    /// crash. A missing file is created whole with `header` first. Returns the position after
    /// the new lines; on failure the file is as it was.
    static func append(_ lines: [UInt8], to name: String, in directory: String, header: [UInt8],
                       after position: LogPosition, newFileMode: mode_t) throws(SaveError) -> LogPosition {
        let path = directory + "/" + name
        guard let stamp = position.stamp else {
            try AtomicFile.replace(name, in: directory, with: header + lines, newFileMode: newFileMode)
            try AtomicFile.syncDirectory(directory, after: name)
            var next = LogPosition(stamp: FileStamp(path: path))
            next.advance(over: header + lines)
            return next
        }
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFile.failure(name, "cannot open for writing") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, FileStamp(info).isSameFile(as: stamp) else {
            throw SaveError(file: name, message: "the file was replaced while it was being written to; try again")
        }
        let start = position.consumed
        guard Int(info.st_size) >= start else {
            throw SaveError(file: name, message: "the file shrank while it was being written to; try again")
        }
        if Int(info.st_size) != start {
            // A torn line from a writer that died; nobody was told it was saved.
            guard ftruncate(fd, off_t(start)) == 0 else { throw AtomicFile.failure(name, "cannot cut off a torn last line") }
        }
        let bytes = position.endsLine ? lines : [.lf] + lines
        do throws(SaveError) {
            try AtomicFile.writeAll(fd, bytes, name, at: start)
            guard fsync(fd) == 0 else { throw AtomicFile.failure(name, "cannot sync to disk") }
        } catch {
            // Leave no half change behind: a retry would otherwise store it twice.
            _ = ftruncate(fd, off_t(start))
            _ = fsync(fd)
            throw error
        }
        var next = position
        next.stamp = FileStamp(path: path)
        next.advance(over: bytes)
        return next
    }
}
