import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells a screen when the files of a data directory may have changed, so that it can sleep
/// until they do instead of looking every second. It uses inotify where the kernel has it and
/// the directory is on a local filesystem. Elsewhere (another system, a network filesystem,
/// whose changes made on other machines inotify never hears of) and while the directory is not
/// there, `isWatching` is false and the caller looks for itself every few seconds.
///
/// A directory moved or deleted ends its watch: that counts as a change (so the caller finds it
/// gone), and the watch is set up again once something is at the path, which counts as one too.
public final class DirectoryWatch {
    public let directory: URL
    private let names: Set<String>
    #if os(Linux)
    private var descriptorOpen: Int32 = -1
    private var watch: Int32 = -1
    #endif

    /// Watches `directory` for changes to the files called `names`; others (lock files, logs,
    /// files being written before they are renamed into place) are not news.
    public init(directory: URL, names: Set<String>) {
        self.directory = directory
        self.names = names
        #if os(Linux)
        if !Self.isNetworkFilesystem(directory.path) {
            descriptorOpen = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        }
        addWatch()
        #endif
    }

    deinit {
        #if os(Linux)
        if descriptorOpen >= 0 { close(descriptorOpen) }
        #endif
    }

    /// Whether changes are being heard of; when false, look every few seconds.
    public var isWatching: Bool {
        #if os(Linux)
        return watch >= 0
        #else
        return false
        #endif
    }

    /// The descriptor to wait on: readable when there is something for `takeChanges`.
    public var descriptor: Int32? {
        #if os(Linux)
        return descriptorOpen >= 0 ? descriptorOpen : nil
        #else
        return nil
        #endif
    }

    /// Whether anything happened since the last call that may have changed the data: a watched
    /// file written, replaced, moved or deleted, the directory itself moved or deleted, or the
    /// watch set up again. Never waits. Call it before reading, so that a change made while
    /// reading is heard of next time.
    public func takeChanges() -> Bool {
        #if os(Linux)
        guard descriptorOpen >= 0 else { return false }
        var changed = false
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptorOpen, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            changed = parse(buffer.prefix(count)) || changed
        }
        if watch < 0, addWatch() { changed = true }
        return changed
        #else
        return false
        #endif
    }

    #if os(Linux)
    private static let interesting = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
    /// What ends a watch.
    private static let ended = UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT)

    @discardableResult
    private func addWatch() -> Bool {
        guard descriptorOpen >= 0 else { return false }
        watch = inotify_add_watch(descriptorOpen, directory.path, Self.interesting)
        return watch >= 0
    }

    /// Events are a 16-byte header (watch, mask, cookie, name length) and the name, padded.
    private func parse(_ bytes: ArraySlice<UInt8>) -> Bool {
        var changed = false
        var at = bytes.startIndex
        while at + 16 <= bytes.endIndex {
            func word(_ offset: Int) -> UInt32 {
                bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at - bytes.startIndex + offset, as: UInt32.self) }
            }
            let wd = Int32(bitPattern: word(0))
            let mask = word(4)
            let length = Int(word(12))
            let nameBytes = bytes[(at + 16)..<min(bytes.endIndex, at + 16 + length)].prefix { $0 != 0 }
            at += 16 + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                changed = true
            } else if wd != watch {
                // What an earlier watch said before it ended.
                continue
            } else if mask & Self.ended != 0 {
                // The directory was moved or deleted: look (and find it gone), and watch
                // whatever is at the path once something is.
                if mask & UInt32(IN_IGNORED) == 0 { inotify_rm_watch(descriptorOpen, watch) }
                watch = -1
                changed = true
            } else if names.contains(String(decoding: nameBytes, as: UTF8.self)) {
                changed = true
            }
        }
        return changed
    }

    /// Filesystems whose files other machines change without this kernel knowing.
    private static func isNetworkFilesystem(_ path: String) -> Bool {
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return false }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return MountTable.filesystemType(of: real, in: table).map(isNetwork) ?? false
    }

    static func isNetwork(_ type: String) -> Bool {
        ["nfs", "cifs", "smb", "fuse", "9p", "virtiofs", "ceph", "afs", "lustre", "gpfs", "gfs2", "ocfs2",
         "glusterfs", "davfs"].contains { type.hasPrefix($0) }
    }
    #endif
}

/// Which filesystem a path is on, from the kernel's table of mounts (`/proc/self/mountinfo`).
enum MountTable {
    /// The type of the mount with the longest mount point that contains `path` (absolute,
    /// without links); nil when none does.
    static func filesystemType(of path: String, in table: String) -> String? {
        var best: (depth: Int, type: String)?
        for line in table.split(separator: "\n") {
            // ID, parent, device, root, mount point, options, optional fields…, "-", type, source, …
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count > 6, let dash = fields.dropFirst(6).firstIndex(of: "-"), dash + 1 < fields.count else { continue }
            let point = unescape(fields[4])
            guard contains(point, path) else { continue }
            let depth = point == "/" ? 0 : point.split(separator: "/").count
            if best.map({ depth >= $0.depth }) ?? true { best = (depth, String(fields[dash + 1])) }
        }
        return best?.type
    }

    private static func contains(_ point: String, _ path: String) -> Bool {
        point == "/" || path == point || path.hasPrefix(point.hasSuffix("/") ? point : point + "/")
    }

    /// Spaces, tabs, newlines and backslashes in mount points are written as octal escapes.
    private static func unescape(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var i = text.utf8.startIndex
        let utf8 = text.utf8
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "\\"), let end = utf8.index(i, offsetBy: 4, limitedBy: utf8.endIndex),
               let value = UInt8(String(decoding: utf8[utf8.index(after: i)..<end], as: UTF8.self), radix: 8) {
                bytes.append(value)
                i = end
            } else {
                bytes.append(b)
                i = utf8.index(after: i)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
