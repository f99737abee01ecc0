import CRMCore
import Foundation

/// `calendar-sync.json`: what the last calendar sync of each account left (see
/// `AccountSyncStatus`, docs/DATA_FORMAT.md). Read and written only under a lock of its own
/// (`.calendar-sync.lock`), which a sync holds for the whole pass, so that two syncs never
/// work from the same record at once, while everyone else's changes go on being stored: the
/// pass waits on the network, and stores its own changes under the directory's lock.
/// Replaced whole like every other file.
public enum SyncStatusFile {
    public static let fileName = "calendar-sync.json"
    static let lockFile = ".calendar-sync.lock"
    static let version = 1
    static let accountFields: [StaticString] = ["account", "collection", "token", "items"]
    static let itemFields: [StaticString] = ["uid", "reminder", "href", "etag", "fingerprint"]

    /// Runs `body` with the record under the lock, and writes what it returns when that
    /// differs from what was read.
    public static func withLocked<T>(in directory: URL, _ body: (inout [String: AccountSyncStatus]) throws -> T) throws -> T {
        let path = directory.path
        let mode = try DirectoryFile.newFileMode(in: path, for: fileName)
        let lock = try DirectoryLock(directory: path, mode: mode, for: fileName, lockFile: lockFile)
        let before = try read(in: path)
        var record = before
        let result = try body(&record)
        if record != before { try write(record, in: path, mode: mode) }
        _ = consume lock
        return result
    }

    /// Nothing synced yet when there is no file.
    public static func read(in directory: String) throws(LoadError) -> [String: AccountSyncStatus] {
        let accounts = try VersionedListFile.read(fileName, in: directory, version: version, list: "accounts", decodeAccount)
        return Dictionary(accounts ?? [], uniquingKeysWith: { _, last in last })
    }

    static func write(_ record: [String: AccountSyncStatus], in directory: String, mode: mode_t) throws(SaveError) {
        let accounts = record.keys.sorted().map { name -> JSONOutput in
            let status = record[name]!
            var o = ObjectBuilder(zone: .gmt)
            o.put("account", name)
            o.put("collection", status.collection)
            o.put("token", status.token)
            o.put("items", .array(status.synced.map { item in
                var i = ObjectBuilder(zone: .gmt)
                i.put("uid", item.uid)
                i.put("reminder", item.reminderID)
                i.put("href", item.href)
                i.put("etag", item.etag)
                i.put("fingerprint", item.fingerprint)
                return i.output
            }))
            return o.output
        }
        try VersionedListFile.write(fileName, in: directory, version: version, list: "accounts", accounts, mode: mode)
    }

    private static func decodeAccount(_ v: JSONValue) throws(FieldError) -> (String, AccountSyncStatus) {
        var f = try Fields(v, known: accountFields)
        let name = try f.string("account")
        let status = AccountSyncStatus(collection: try f.string("collection", or: nil), token: try f.string("token", or: nil),
                                       items: try f.list("items", decodeItem))
        f.finish()
        return (name, status)
    }

    private static func decodeItem(_ v: JSONValue) throws(FieldError) -> SyncedItem {
        var f = try Fields(v, known: itemFields)
        let item = SyncedItem(uid: try f.string("uid"), reminderID: try f.string("reminder"), href: try f.string("href"),
                              etag: try f.string("etag"), fingerprint: try f.string("fingerprint"))
        f.finish()
        return item
    }
}
