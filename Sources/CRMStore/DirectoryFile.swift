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
    /// with `mode` when there is none, never through a link and only as a regular file (see
    /// `DataFileOpen`).
    static func open(_ name: String, in directory: String, access: Int32, newFileMode mode: mode_t,
                     purpose: String) throws(SaveError) -> Int32 {
        let path = directory + "/" + name
        var opened = DataFileOpen.descriptor(path, flags: access)
        if case .success(nil) = opened {
            opened = DataFileOpen.descriptor(path, flags: access, createMode: mode)
            if case .success(let fd?) = opened, fchmod(fd, mode) != 0 {
                let error = AtomicFile.failure(name, "cannot set the permissions of \(purpose)")
                close(fd)
                throw error
            }
        }
        switch opened {
        case .success(let fd?): return fd
        case .success(nil): throw SaveError(file: name, message: "cannot open \(purpose): it was removed meanwhile")
        case .failure(let refusal): throw SaveError(file: name, message: refusal.message, code: refusal.code)
        }
    }
}
