#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replacing a file so that a crash or a full disk at any moment leaves either the old
/// contents or the new, never a mix, and keeps the old contents as `NAME.bak`.
enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `name`, syncs it, moves the current file to
    /// `name.bak` and renames the new one over it. The directory itself is synced by the
    /// caller once all files are in place.
    static func replace(_ name: String, in directory: String, with bytes: [UInt8], newFileMode: mode_t) throws(SaveError) {
        try prepare(name, in: directory, with: bytes, newFileMode: newFileMode).commit()
    }

    /// New contents written and synced beside the file they are to replace, not yet in its
    /// place; removed if it never gets there. Its writer holds a lock on it meanwhile, which
    /// tells it from one left behind by a writer that was killed.
    final class Prepared {
        let name: String
        let directory: String
        private let path: String
        private let fd: Int32
        private var placed = false

        init(name: String, directory: String, path: String, fd: Int32) {
            self.name = name
            self.directory = directory
            self.path = path
            self.fd = fd
        }

        /// Keeps the current file as `name.bak` and renames the new one over it.
        func commit() throws(SaveError) {
            let target = directory + "/" + name
            if access(target, F_OK) == 0 { try keepBackup(of: target, name: name, in: directory) }
            guard rename(path, target) == 0 else { throw failure(name, "cannot replace the file") }
            placed = true
        }

        deinit {
            if !placed { unlink(path) }
            close(fd)
        }
    }

    /// The slow half of a replace: the new contents in a temporary file, synced.
    static func prepare(_ name: String, in directory: String, with bytes: [UInt8], newFileMode: mode_t) throws(SaveError) -> Prepared {
        let target = directory + "/" + name
        if let kind = DataFileOpen.kind(atPath: target) {
            throw SaveError(file: name, message: "cannot replace it: it is \(kind), not a regular file; crmtop writes only "
                + "regular files in its data directory and never follows links there")
        }
        let temp = "\(directory)/\(leftoverName(of: name, mark: temporaryMark))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(name, "cannot create a temporary file") }
        do throws(SaveError) {
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw failure(name, "cannot lock a temporary file") }
            var existing = stat()
            // An existing file keeps the permissions someone gave it; umask plays no part.
            let mode = lstat(target, &existing) == 0 ? existing.st_mode & 0o7777 : newFileMode
            guard fchmod(fd, mode) == 0 else { throw failure(name, "cannot set permissions") }
            try writeAll(fd, bytes, name)
            guard fsync(fd) == 0 else { throw failure(name, "cannot sync to disk") }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        return Prepared(name: name, directory: directory, path: temp, fd: fd)
    }

    static let temporaryMark = ".tmp-", backupMark = ".bak-"

    /// `.NAME.tmp-PID-RANDOM`: the only shape of name crmtop gives the files it makes beside
    /// `NAME`, and so the only shape it ever removes.
    private static func leftoverName(of name: String, mark: String) -> String {
        ".\(name)\(mark)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Whether `file` is a name `leftoverName` gives for one of `names`, and with which mark.
    static func leftoverMark(of file: String, among names: Set<String>) -> String? {
        for mark in [temporaryMark, backupMark] {
            guard file.hasPrefix("."), let range = file.range(of: mark, options: .backwards) else { continue }
            let name = String(file[file.index(after: file.startIndex)..<range.lowerBound])
            let numbers = file[range.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
            guard names.contains(name), numbers.count == 2,
                  numbers.allSatisfy({ !$0.isEmpty && $0.count <= 10 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
            else { continue }
            return mark
        }
        return nil
    }

    /// Removes temporary files left by writers that were killed before they could: only
    /// regular files named as crmtop names them beside one of `names`, never anything else
    /// in the directory. Call it holding the directory's lock: backups are only made under
    /// it, so any half-made one is abandoned, and a new file is abandoned when no writer holds
    /// its lock any more.
    static func removeAbandoned(in directory: String, names: Set<String>) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let file = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard let mark = leftoverMark(of: file, among: names) else { continue }
            let path = directory + "/" + file
            guard DataFileOpen.isRegularFile(path) else { continue }
            if mark == backupMark {
                unlink(path)
            } else {
                guard case .success(let fd?) = DataFileOpen.descriptor(path, flags: O_RDONLY) else { continue }
                if flock(fd, LOCK_EX | LOCK_NB) == 0 { unlink(path) }
                close(fd)
            }
        }
    }

    static func syncDirectory(_ directory: String, after name: String) throws(SaveError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(name, "saved, but cannot open the directory to sync it") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure(name, "saved, but cannot sync the directory") }
    }

    /// A hard link shares the old file's bytes without copying them; linking under a
    /// temporary name and renaming replaces the previous backup in one step.
    private static func keepBackup(of target: String, name: String, in directory: String) throws(SaveError) {
        let temp = "\(directory)/\(leftoverName(of: name, mark: backupMark))"
        if link(target, temp) != 0 {
            // Some file systems have no hard links; a copy does the same job more slowly.
            try copy(target, to: temp, name: name)
        }
        guard rename(temp, target + ".bak") == 0 else {
            let error = failure(name, "cannot keep the previous version as \(name).bak")
            unlink(temp)
            throw error
        }
    }

    private static func copy(_ source: String, to destination: String, name: String) throws(SaveError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw failure(name, "cannot read the previous version to back it up") }
        defer { close(input) }
        var info = stat()
        fstat(input, &info)
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, info.st_mode & 0o7777)
        guard output >= 0 else { throw failure(name, "cannot create \(name).bak") }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        do throws(SaveError) {
            while true {
                let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw failure(name, "cannot read the previous version to back it up") }
                if n == 0 { break }
                try writeAll(output, Array(buffer[..<n]), name + ".bak")
            }
            guard fsync(output) == 0 else { throw failure(name, "cannot sync \(name).bak") }
        } catch {
            close(output)
            unlink(destination)
            throw error
        }
        close(output)
    }

    /// Writes at `offset`, or where the descriptor stands when it is nil.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], _ name: String, at offset: Int? = nil) throws(SaveError) {
        var written = 0
        let allowed = CrashPoint.allowance(bytes.count)
        defer { if allowed < bytes.count { CrashPoint.crash() } }
        while written < allowed {
            let n = bytes.withUnsafeBytes { buffer in
                offset.map { pwrite(fd, buffer.baseAddress! + written, allowed - written, off_t($0 + written)) }
                    ?? write(fd, buffer.baseAddress! + written, allowed - written)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failure(name, "write failed") }
            written += n
        }
    }

    /// Reads `errno`, so call it straight after the failing call.
    static func failure(_ name: String, _ what: String) -> SaveError {
        let code = errno
        return SaveError(file: name, message: "\(what): \(String(cString: strerror(code)))", code: code)
    }
}
