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
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size) - offset, 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += repeatElement(0, count: bytes.count) }
            let n = bytes.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(offset + filled))
            }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else {
                throw LoadError(file: name, message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        var stamp = FileStamp(info)
        stamp.size = offset + filled
        return (bytes, stamp)
    }
}
