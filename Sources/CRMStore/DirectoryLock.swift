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
    /// `lockFile` names another lock of the directory's, for work that must not hold up
    /// every writer while it runs (a calendar sync waiting on the network).
    init(directory: String, mode: mode_t, for name: String, lockFile: String = DirectoryLock.fileName) throws(SaveError) {
        let path = directory + "/" + lockFile
        var opened = DataFileOpen.descriptor(path, flags: O_RDONLY)
        if case .success(nil) = opened {
            // Created without following a link planted meanwhile.
            opened = DataFileOpen.descriptor(path, flags: O_RDONLY, createMode: mode)
            // umask may have taken bits a shared directory needs; set them as intended.
            if case .success(let fd?) = opened { fchmod(fd, mode) }
        }
        var fd: Int32 = -1
        switch opened {
        case .success(let opened?): fd = opened
        case .success(nil): throw SaveError(file: name, message: "cannot lock the data directory (\(lockFile))")
        case .failure(let refusal):
            throw SaveError(file: name, message: "cannot lock the data directory (\(lockFile)): \(refusal.message)",
                            code: refusal.code)
        }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let error = AtomicFile.failure(name, "cannot lock the data directory (\(lockFile))")
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
