#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a file of the data directory together with the stamp of the very file read, so a
/// file replaced a moment later is noticed as changed on the next look.
enum DiskFile {
    /// The bytes from `offset` to the end and the file's stamp, or nil when there is no file.
    static func read(_ path: String, name: String, from offset: Int = 0) throws(LoadError) -> (bytes: [UInt8], stamp: FileStamp)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw LoadError(file: name, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw LoadError(file: name, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        // One spare byte: a file growing while it is read shows up as a read that fills it.
        // The buffer is not zeroed first: at 80 MB that alone costs more than the reading.
        var failure: Int32 = 0
        let expected = max(Int(info.st_size) - offset, 0) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            preferHugePages(UnsafeMutableRawBufferPointer(buffer))
            count = fill(UnsafeMutableRawBufferPointer(buffer), from: fd, at: offset, failure: &failure)
        }
        if bytes.count == expected {
            var spare = [UInt8](repeating: 0, count: 1 << 16)
            while failure == 0 {
                let n = spare.withUnsafeMutableBytes { fill($0, from: fd, at: offset + bytes.count, failure: &failure) }
                if n == 0 { break }
                bytes += spare[..<n]
            }
        }
        guard failure == 0 else {
            throw LoadError(file: name, message: "cannot read: \(String(cString: strerror(failure)))")
        }
        let filled = bytes.count
        var stamp = FileStamp(info)
        stamp.size = offset + filled
        return (bytes, stamp)
    }

    /// Asks the kernel to back a large, not yet touched buffer with 2 MB pages where it can:
    /// filling 80 MB in 4 KB pages costs 20,000 page faults, more than the reading itself.
    private static func preferHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let huge = 2 << 20
        guard buffer.count >= 4 * huge, let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
        #endif
    }

    /// Reads until `buffer` is full or the file ends; returns the bytes read.
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from fd: Int32, at offset: Int,
                             failure: inout Int32) -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = pread(fd, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else {
                failure = errno
                return filled
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }
}
