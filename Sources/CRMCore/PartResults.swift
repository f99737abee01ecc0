import Foundation

/// What work split across the cores produced, one slot per part, each written by the thread
/// that did that part (`DispatchQueue.concurrentPerform`), read once they are all done.
public final class PartResults<Value>: @unchecked Sendable {
    private var slots: [Value]
    private let lock = NSLock()

    public init(count: Int, empty: Value) { slots = Array(repeating: empty, count: count) }

    public func set(_ part: Int, _ value: Value) { lock.withLock { slots[part] = value } }

    /// All of them, moved out: nothing here holds them afterwards, so values that share
    /// storage with them can then be changed without copying it.
    public func takeAll() -> [Value] {
        lock.withLock {
            defer { slots = [] }
            return slots
        }
    }
}
