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
/// command's own output between them. Past a megabyte it moves to `notify.log.1` and starts
/// afresh, so it never fills the disk.
final class NotifyLog {
    static let fileName = "notify.log"
    static let limit = 1 << 20

    let fd: Int32

    /// Call it holding the directory lock, so only one process moves the log aside.
    init(directory: String, mode: mode_t) throws(SaveError) {
        let path = directory + "/" + Self.fileName
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > Self.limit { rename(path, path + ".1") }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode)
        guard fd >= 0 else { throw AtomicFile.failure(Self.fileName, "cannot open for appending") }
        self.fd = fd
    }

    func write(_ line: String, at moment: Date) {
        let text = TimeText.formatUTC(moment) + " " + line.replacingOccurrences(of: "\n", with: " ") + "\n"
        try? AtomicFile.writeAll(fd, Array(text.utf8), Self.fileName)
    }

    deinit { close(fd) }
}
