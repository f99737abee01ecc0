#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which version of a file is on disk, as far as `stat` can tell without reading it. Every save
/// renames a new file into place, so the inode alone tells a new version; size and times catch
/// files edited in place.
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modified: timespec
    var changed: timespec

    init?(path: String) {
        var info = stat()
        // The link itself, not what it points at: data files are never read through one.
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        #if canImport(Darwin)
        modified = info.st_mtimespec
        changed = info.st_ctimespec
        #else
        modified = info.st_mtim
        changed = info.st_ctim
        #endif
    }

    /// The same file, perhaps grown: what an append leaves behind.
    func isSameFile(as other: FileStamp?) -> Bool {
        other.map { $0.device == device && $0.inode == inode } ?? false
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}

/// A cheap summary of every file of a data directory: when it differs from the last one seen,
/// someone has changed the data and it is worth reading again.
struct ChangeToken: Equatable, Sendable {
    let stamps: [FileStamp?]
}

extension DataStore {
    /// The files whose versions make up the data: what a change token stamps and a
    /// `DirectoryWatch` listens for.
    public static let dataFileNames = Collection.allCases.map(\.fileName) + [Journal.fileName]

    /// A few `stat` calls and no reading, so it is fine to ask every second.
    func changeToken() -> ChangeToken {
        ChangeToken(stamps: Self.dataFileNames.map { FileStamp(path: path(of: $0)) })
    }

    /// A watch on this store's data files.
    public func watch() -> DirectoryWatch {
        DirectoryWatch(directory: directory, names: Set(Self.dataFileNames))
    }
}
