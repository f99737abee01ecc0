#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CFileMapping

/// The bytes of a file as read, or of a text given in memory. A data file is mapped rather
/// than copied: its pages are read where the kernel already holds them. Copying 120 MB
/// costs more than the copy itself, because every fresh page of memory must first be zeroed,
/// and on a virtual machine it may have to be found first.
///
/// A value type over a shared buffer: narrowing it to a part (`removeFirst`) copies nothing.
struct FileBytes: RandomAccessCollection, @unchecked Sendable {
    private let storage: Storage
    private var window: Range<Int>

    init(_ bytes: [UInt8]) {
        storage = Storage(copying: bytes)
        window = 0..<bytes.count
    }

    fileprivate init(mapped base: UnsafeMutableRawPointer, length: Int, skipping: Int) {
        storage = Storage(mapping: base, length: length)
        window = skipping..<length
    }

    var startIndex: Int { 0 }
    var endIndex: Int { window.count }

    subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < window.count, "index out of range")
        return storage.base[window.lowerBound + position]
    }

    func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(storage) { () throws(E) -> R in
            try body(UnsafeBufferPointer(start: storage.base + window.lowerBound, count: window.count))
        }
    }

    mutating func removeFirst(_ n: Int) {
        precondition(n >= 0 && n <= window.count, "cannot remove more than there is")
        window = (window.lowerBound + n)..<window.upperBound
    }

    /// Keeps the first `n` bytes.
    mutating func keepFirst(_ n: Int) {
        precondition(n >= 0 && n <= window.count, "cannot keep more than there is")
        window = window.lowerBound..<(window.lowerBound + n)
    }

    /// Whether the file was cut short while mapped: what was lost reads as zeros, so anything
    /// read from these bytes is not the file's content.
    var wasCutShort: Bool { storage.wasCutShort }

    private final class Storage {
        let base: UnsafePointer<UInt8>
        private let mapping: (base: UnsafeMutableRawPointer, length: Int)?

        init(copying bytes: [UInt8]) {
            let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
            _ = UnsafeMutableBufferPointer(start: copy, count: bytes.count).initialize(from: bytes)
            base = UnsafePointer(copy)
            mapping = nil
        }

        init(mapping base: UnsafeMutableRawPointer, length: Int) {
            self.base = UnsafePointer(base.assumingMemoryBound(to: UInt8.self))
            mapping = (base, length)
        }

        var wasCutShort: Bool { mapping.map { cfm_was_cut_short($0.base) != 0 } ?? false }

        deinit {
            if let mapping {
                _ = cfm_unmap(mapping.base, mapping.length)
            } else {
                base.deallocate()
            }
        }
    }
}

extension FileBytes {
    /// Maps `length` bytes of `fd` from `offset`; nil when the file cannot be mapped (a pipe,
    /// say), for the caller to read it instead.
    static func map(_ fd: Int32, length: Int, from offset: Int) -> FileBytes? {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let aligned = offset / page * page
        guard length > 0, let base = cfm_map(fd, length + offset - aligned, Int64(aligned)) else { return nil }
        return FileBytes(mapped: base, length: length + offset - aligned, skipping: offset - aligned)
    }
}
