#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A crash on purpose, for the crash tests: with `CRMTOP_CRASH_AFTER_BYTES=N` in the
/// environment, the process kills itself with SIGKILL once it has written N bytes to its
/// data files, part way through the write that crosses the mark. Timing a kill from outside
/// cannot hit a chosen byte of a write; this can, every time.
enum CrashPoint {
    private static let limit = ProcessInfo.processInfo.environment["CRMTOP_CRASH_AFTER_BYTES"].flatMap { Int($0) }
    private static let counted = Counter()

    /// How many of `count` bytes may be written before the crash: all of them when no
    /// crash is set or it lies further on.
    static func allowance(_ count: Int) -> Int {
        guard let limit else { return count }
        return counted.take(count, limit: limit)
    }

    /// Called once the allowance is written, when it was less than asked for.
    static func crash() -> Never {
        kill(getpid(), SIGKILL)
        while true { pause() }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var written = 0

        func take(_ count: Int, limit: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            let granted = max(0, min(count, limit - written))
            written += granted
            return granted
        }
    }
}
