#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CRMCore
import Foundation

/// `notify.log` in the data directory: one line per message sent or failed, with the notify
/// command's own output between them (a bounded part of it, see `NotifyProcess`). Before a
/// write would take it past a megabyte it moves to `notify.log.1` and starts afresh, so the two
/// never hold more than two megabytes, however much a pass writes.
public final class NotifyLog {
    static let fileName = "notify.log"
    static let limit = 1 << 20

    private let directory: String
    private let mode: mode_t
    private var fd: Int32
    /// Whether what was written last ended a line, so that a line of the log's own never runs
    /// on from output that did not.
    private var atLineStart = true

    /// The log in `directory`, created with the mode the directory gives new files.
    public convenience init(directory: URL) throws(SaveError) {
        let dir = directory.path
        try self.init(directory: dir, mode: DirectoryFile.newFileMode(in: dir, for: Self.fileName))
    }

    /// `mode`: for a log it has to create, and the next one when this one is moved aside.
    init(directory: String, mode: mode_t) throws(SaveError) {
        self.directory = directory
        self.mode = mode
        fd = try Self.open(in: directory, mode: mode)
    }

    public func write(_ line: String, at moment: Date) {
        let text = TimeText.formatUTC(moment) + " " + line.replacingOccurrences(of: "\n", with: " ") + "\n"
        append((atLineStart ? [] : [UInt8(ascii: "\n")]) + Array(text.utf8))
    }

    /// A piece of a command's output, as it comes.
    func append(output: ArraySlice<UInt8>) { append(Array(output)) }

    private func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty, makeRoom(for: bytes.count) else { return }
        guard (try? AtomicFile.writeAll(fd, bytes, Self.fileName)) != nil else { return }
        atLineStart = bytes.last == UInt8(ascii: "\n")
    }

    /// Moves the log aside when `count` more bytes would take it past the limit. False when
    /// there is no room and none can be made: then nothing is written, and the bound holds.
    private func makeRoom(for count: Int) -> Bool {
        let path = directory + "/" + Self.fileName
        for _ in 0..<2 {
            var open = stat()
            guard fstat(fd, &open) == 0 else { return false }
            if open.st_size == 0 || Int(open.st_size) + count <= Self.limit { return true }
            // Passes can overlap (they run the commands outside the directory lock): when
            // another one has moved the log aside already, its fresh log stands at the path
            // and only needs opening.
            var named = stat()
            if lstat(path, &named) == 0, named.st_dev == open.st_dev, named.st_ino == open.st_ino {
                guard rename(path, path + ".1") == 0 else { return false }
            }
            guard let fresh = try? Self.open(in: directory, mode: mode) else { return false }
            close(fd)
            fd = fresh
            atLineStart = true
        }
        return false
    }

    private static func open(in directory: String, mode: mode_t) throws(SaveError) -> Int32 {
        try DirectoryFile.open(fileName, in: directory, access: O_WRONLY | O_APPEND, newFileMode: mode,
                               purpose: "the notifier's log")
    }

    deinit { close(fd) }
}
