#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The advisory lock every writer of a data directory holds while it reads the latest data,
/// changes it and writes: `flock` on a file in the directory. Readers never take it; files are
/// only ever replaced whole or appended to, so a reader sees a consistent picture anyway.
///
/// `flock` rather than `fcntl` locks, because `fcntl` locks belong to the process and vanish
/// when any descriptor of the file is closed, which is easy to do by accident. The kernel
/// drops a `flock` when its holder dies, so a killed writer never leaves the directory locked.
struct DirectoryLock: ~Copyable {
    static let fileName = ".crmtop.lock"

    private let fd: Int32

    /// Waits for the lock. `name` is the file the caller is about to write, for the error.
    init(directory: String, mode: mode_t, for name: String) throws(SaveError) {
        let path = directory + "/" + Self.fileName
        var fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, mode)
            // umask may have taken bits a shared directory needs; set them as intended.
            if fd >= 0 { fchmod(fd, mode) }
        }
        guard fd >= 0 else {
            throw AtomicFile.failure(name, "cannot lock the data directory (\(Self.fileName))")
        }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let error = AtomicFile.failure(name, "cannot lock the data directory (\(Self.fileName))")
                close(fd)
                throw error
            }
        }
        self.fd = fd
    }

    deinit {
        // Closing the last descriptor releases the lock.
        close(fd)
    }
}
