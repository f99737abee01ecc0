#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files crmtop keeps open in a data directory beside the data (a log, a lock): the one rule
/// for the permissions of a file crmtop creates there, and opening one safely.
enum DirectoryFile {
    /// Read and write for the group too when the directory is group-writable (a team's shared
    /// directory), for the owner only otherwise. Set exactly, whatever the umask, so that each
    /// member of the group can write what another one created.
    static func newFileMode(in directory: String, for name: String) throws(SaveError) -> mode_t {
        var info = stat()
        guard stat(directory, &info) == 0 else { throw AtomicFile.failure(name, "cannot read the data directory") }
        return info.st_mode & S_IWGRP != 0 ? 0o660 : 0o600
    }

    /// Opens `name` in `directory` with `access` (O_RDONLY, or O_WRONLY | O_APPEND …), creating it
    /// with `mode` when there is none. Never through a symbolic link: one in its place would
    /// have crmtop write wherever it points, or create its target. Only a regular file: a FIFO
    /// would block the opening, and a device is no place for a log.
    static func open(_ name: String, in directory: String, access: Int32, newFileMode mode: mode_t,
                     purpose: String) throws(SaveError) -> Int32 {
        let path = directory + "/" + name
        let flags = access | O_CLOEXEC | O_NOFOLLOW
        while true {
            // O_NONBLOCK: opening a FIFO neither waits for its other end nor succeeds by luck.
            var fd = systemOpen(path, flags | O_NONBLOCK)
            if fd < 0 && errno == ENOENT {
                // O_EXCL never follows a link, a dangling one included: that fails with EEXIST
                // and the next round refuses the link.
                fd = systemOpen(path, flags | O_CREAT | O_EXCL, mode)
                if fd < 0 && errno == EEXIST { continue }
                if fd >= 0 && fchmod(fd, mode) != 0 {
                    let error = AtomicFile.failure(name, "cannot set the permissions of \(purpose)")
                    close(fd)
                    throw error
                }
            }
            guard fd >= 0 else { throw refusal(name, path: path, purpose: purpose) }
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                close(fd)
                throw SaveError(file: name, message: "it is \(kind(info.st_mode)), not a regular file; "
                    + "crmtop keeps \(purpose) there only in a file of its own")
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return fd
        }
    }

    /// Why the file could not be opened, in terms of what stands at its path.
    private static func refusal(_ name: String, path: String, purpose: String) -> SaveError {
        let code = errno
        var info = stat()
        if lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFLNK {
                return SaveError(file: name, message: "it is a symbolic link, which crmtop does not follow; "
                    + "remove it and crmtop makes the file itself", code: code)
            }
            if info.st_mode & S_IFMT != S_IFREG {
                return SaveError(file: name, message: "it is \(kind(info.st_mode)), not a regular file; "
                    + "crmtop keeps \(purpose) there only in a file of its own", code: code)
            }
        }
        errno = code
        return AtomicFile.failure(name, "cannot open \(purpose)")
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFDIR: "a directory"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "something else"
        }
    }
}

/// The C library's `open`, which `DirectoryFile.open` hides by name.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 { open(path, flags, mode) }
