#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening a file of the data directory: never through a symbolic link, and never anything
/// but a regular file. In a directory a team shares, a link planted as `journal.jsonl` would
/// have crmtop append to, or cut short, whatever it points at; a FIFO would stop a reader
/// for good, and a device would never end.
enum DataFileOpen {
    struct Refusal: Error {
        var message: String
        var code: Int32
    }

    /// A descriptor for `path`, or nil when there is no such file (and `createMode` is nil).
    /// With `createMode`, a missing file is created with that mode; an existing one is opened.
    static func descriptor(_ path: String, flags: Int32, createMode: mode_t? = nil) -> Result<Int32?, Refusal> {
        var all = flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
        if createMode != nil { all |= O_CREAT }
        let fd = createMode.map { open(path, all, $0) } ?? open(path, all)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { return .success(nil) }
            if code == ELOOP || code == ENXIO || code == EISDIR || code == ENOTDIR, let kind = kind(atPath: path) {
                return .failure(refusal(kind, code: code))
            }
            return .failure(Refusal(message: String(cString: strerror(code)), code: code))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            return .failure(Refusal(message: String(cString: strerror(code)), code: code))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return .failure(refusal(describe(info.st_mode), code: EINVAL))
        }
        // Blocking again: waiting on a regular file is only ever waiting on the disk.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return .success(fd)
    }

    /// Whether `path` is a regular file itself (not through a link); false when it is missing.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// What stands at `path` when it is not a regular file, said for a person.
    static func kind(atPath path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG else { return nil }
        return describe(info.st_mode)
    }

    private static func describe(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a directory"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    private static func refusal(_ kind: String, code: Int32) -> Refusal {
        Refusal(message: "it is \(kind), not a regular file; crmtop never follows links or opens anything but "
                    + "regular files in its data directory (remove it, or put the file itself in its place)", code: code)
    }
}
