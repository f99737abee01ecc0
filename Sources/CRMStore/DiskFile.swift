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
    /// `mapped` files are read in place (see `FileBytes`); read them within `DiskReads.whole`,
    /// which notices one cut short by another program while it was read.
    static func read(_ path: String, name: String, from offset: Int = 0,
                     mapped: Bool = false) throws(LoadError) -> (bytes: FileBytes, stamp: FileStamp)? {
        let fd: Int32
        switch DataFileOpen.descriptor(path, flags: O_RDONLY) {
        case .success(let opened?): fd = opened
        case .success(nil): return nil
        case .failure(let refusal): throw LoadError(file: name, message: "cannot open: \(refusal.message)")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw LoadError(file: name, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        var stamp = FileStamp(info)
        let size = Int(info.st_size)
        if mapped, size > offset, info.st_mode & S_IFMT == S_IFREG,
           let bytes = FileBytes.map(fd, length: size - offset, from: offset) {
            return (bytes, stamp)
        }
        var failure: Int32 = 0
        // One spare byte: a file growing while it is read shows up as a read that fills it.
        let expected = max(size - offset, 0) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
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
        stamp.size = offset + bytes.count
        return (FileBytes(bytes), stamp)
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

/// The files one piece of work reads in place, and whether any was cut short meanwhile by a
/// program rewriting it in place (crmtop itself never does: it replaces files whole).
final class DiskReads {
    private var files: [FileBytes] = []

    private init() {}

    func read(_ path: String, name: String, from offset: Int = 0) throws(LoadError) -> (bytes: FileBytes, stamp: FileStamp)? {
        let read = try DiskFile.read(path, name: name, from: offset, mapped: true)
        if let read { files.append(read.bytes) }
        return read
    }

    private var cutShort: Bool { files.contains { $0.wasCutShort } }

    /// Runs `work`, again if a file it read was cut short while it read it: what was lost read
    /// as zeros, so its result, or the error it found, is not about the file as it is.
    static func whole<T>(_ name: String, _ work: (DiskReads) throws(LoadError) -> T) throws(LoadError) -> T {
        let attempts = 3
        var attempt = 1
        while true {
            let reads = DiskReads()
            let outcome = Result { () throws(LoadError) in try work(reads) }
            guard reads.cutShort else { return try outcome.get() }
            guard attempt < attempts else {
                throw LoadError(file: name, message: "it was cut short while it was read, \(attempts) times running; "
                    + "another program is writing it in place")
            }
            attempt += 1
        }
    }
}
