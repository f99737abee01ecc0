import Foundation

/// Where "now" comes from. The core never reads the system clock itself.
public protocol TimeSource: Sendable {
    func now() -> Date
}

public struct SystemTime: TimeSource {
    public init() {}
    public func now() -> Date { Date() }
}

/// Stands still until moved: tests step it through a day, and the benchmark moves it a
/// second at a time to time the dashboard's tick.
public final class ManualTime: TimeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }
    public func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// Starts at a pinned moment and runs on with real time (`--at` on a live screen).
public struct ShiftedTime: TimeSource {
    public let offset: TimeInterval

    public init(startingAt start: Date, realNow: Date = Date()) {
        offset = start.timeIntervalSince(realNow)
    }

    public func now() -> Date { Date().addingTimeInterval(offset) }
}
