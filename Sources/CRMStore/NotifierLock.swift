#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Whoever holds it sends the notifications of a data directory: `crmtop notify` for as long
/// as it runs, a dashboard only for one pass at a time, when no notifier holds it. `flock` on
/// `.crmtop-notify.lock`; the kernel drops it when its holder dies, so a killed notifier never
/// keeps the dashboards quiet.
///
/// It only decides who does the work: the delivery record, under the directory lock, is what
/// keeps a message from going out twice, whoever sends it.
public final class NotifierLock: @unchecked Sendable {
    public static let fileName = ".crmtop-notify.lock"

    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    /// Nil when someone else holds it. `wait`: block until the holder lets go (a standby
    /// notifier); a signal ends the wait early, with nil, for the caller to look at.
    public static func acquire(directory: URL, wait: Bool) throws(SaveError) -> NotifierLock? {
        let dir = directory.path
        let fd = try DirectoryFile.open(fileName, in: dir, access: O_RDONLY,
                                        newFileMode: DirectoryFile.newFileMode(in: dir, for: fileName),
                                        purpose: "the notifier's lock")
        guard flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0 else {
            let held = errno == EWOULDBLOCK || errno == EINTR
            let error = AtomicFile.failure(fileName, "cannot lock the notifier's lock")
            close(fd)
            if held { return nil }
            throw error
        }
        return NotifierLock(fd: fd)
    }

    deinit { close(fd) }
}
