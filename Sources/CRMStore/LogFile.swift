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
    /// The last bytes read. Finding them again before what follows tells an append from a file
    /// rewritten in place, which must be read again from the start.
    var tail: [UInt8] = []

    static let tailLength = 32

    var endsLine: Bool { tail.last.map { $0 == .lf } ?? true }

    mutating func advance<Bytes: RandomAccessCollection<UInt8>>(over bytes: Bytes) where Bytes.Index == Int {
        consumed += bytes.count
        let joined = tail + bytes[max(0, bytes.count - Self.tailLength)...]
        tail = Array(joined[max(0, joined.count - Self.tailLength)...])
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
        var bytes: FileBytes
        /// Where `bytes` starts in the file.
        var start: Int
        /// Whether the file was read from its start (it is new, or was replaced).
        var fromStart: Bool { start == 0 }
        var position: LogPosition
        let path: String

        /// Lines in the file before `bytes`, for an error to name its line. Counted only then,
        /// by reading the file again: a file of a million lines is not worth counting otherwise.
        func linesBefore() -> Int {
            guard start > 0, let (bytes, _) = try? DiskFile.read(path, name: "") else { return 0 }
            return bytes.prefix(start).count { $0 == .lf }
        }
    }

    /// What was added since `position`, or the whole file if it is not the one read before.
    /// Nil when the file does not exist.
    static func readNew(_ path: String, name: String, after position: LogPosition,
                        in reads: DiskReads) throws(LoadError) -> Chunk? {
        let back = position.tail.count
        if let previous = position.stamp,
           let (read, stamp) = try reads.read(path, name: name, from: position.consumed - back),
           stamp.isSameFile(as: previous), stamp.size >= position.consumed, read.starts(with: position.tail) {
            var bytes = consume read
            bytes.removeFirst(back)
            bytes.keepFirst(completeCount(bytes))
            var next = position
            next.stamp = stamp
            next.advance(over: bytes)
            return Chunk(bytes: bytes, start: position.consumed, position: next, path: path)
        }
        guard let (read, stamp) = try reads.read(path, name: name) else { return nil }
        var bytes = consume read
        bytes.keepFirst(completeCount(bytes))
        var next = LogPosition(stamp: stamp)
        next.advance(over: bytes)
        return Chunk(bytes: bytes, start: 0, position: next, path: path)
    }

    /// How many bytes are whole lines, counting a last line without a newline if it is a
    /// complete object, and leaving out a batch whose lines are not all there.
    static func completeCount(_ bytes: FileBytes) -> Int {
        wholeBatches(bytes, upTo: wholeLines(bytes))
    }

    private static func wholeLines(_ bytes: FileBytes) -> Int {
        guard let last = bytes.last, last != .lf else { return bytes.count }
        let cut = (bytes.lastIndex(of: .lf).map { $0 + 1 }) ?? 0
        if let document = try? JSONDocument.parse(Array(bytes[cut...])), document.root.kind == .object { return bytes.count }
        return cut
    }

    // MARK: - Batches

    /// Changes that must become visible together (an import, say) are written after a line
    /// `{"batch":N}` that counts the lines of the batch. A writer killed part way leaves fewer
    /// than N: readers keep none of them, and the next writer cuts them off like a torn line.
    static func batch(_ lines: [UInt8], count: Int) -> [UInt8] {
        guard count > 1 else { return lines }
        return Array("{\"batch\":\(count)}\n".utf8) + lines
    }

    /// The number of lines a batch line announces; nil for any other line.
    static func batchSize(ofLine line: UnsafeBufferPointer<UInt8>) -> Int? {
        let prefix: StaticString = #"{"batch":"#
        let n = prefix.utf8CodeUnitCount
        guard line.count > n, memcmp(line.baseAddress!, prefix.utf8Start, n) == 0 else { return nil }
        var end = line.count
        while end > n, line[end - 1] == .space || line[end - 1] == .cr || line[end - 1] == .tab { end -= 1 }
        guard end > n + 1, line[end - 1] == .closeBrace, end - 1 - n <= 18 else { return nil }
        var value = 0
        for byte in line[n..<(end - 1)] {
            guard byte >= .zero, byte <= .zero + 9 else { return nil }
            value = value * 10 + Int(byte - .zero)
        }
        return value > 0 ? value : nil
    }

    /// `whole` bytes of whole lines cut back to the start of a batch they hold only part of.
    private static func wholeBatches(_ bytes: FileBytes, upTo whole: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return whole }
            var start = 0
            var open: (start: Int, remaining: Int)?
            while start < whole {
                let found = memchr(base + start, Int32(UInt8.lf), whole - start)
                let end = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? whole
                defer { start = end + 1 }
                if let batch = open {
                    open = batch.remaining > 1 ? (batch.start, batch.remaining - 1) : nil
                } else if base[start] == .openBrace,
                          let size = batchSize(ofLine: UnsafeBufferPointer(rebasing: buffer[start..<end])) {
                    open = (start, size)
                }
            }
            return open?.start ?? whole
        }
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
        let fd: Int32
        switch DataFileOpen.descriptor(path, flags: O_WRONLY) {
        case .success(let opened?): fd = opened
        case .success(nil): throw SaveError(file: name, message: "the file was removed while it was being written to; try again")
        case .failure(let refusal):
            throw SaveError(file: name, message: "cannot open for writing: \(refusal.message)", code: refusal.code)
        }
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
