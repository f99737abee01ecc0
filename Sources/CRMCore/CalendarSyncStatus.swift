import Foundation

/// What was true of one item after the last sync, on both sides: enough to tell at the next
/// which side changed since, and so which way a change travels. The same model as
/// vdirsyncer's status: without it, a change and a deletion look alike.
public struct SyncedItem: Equatable, Sendable {
    /// The iCalendar UID both sides know the item by.
    public var uid: String
    public var reminderID: String
    public var href: String
    /// The server's version tag as of the last sync.
    public var etag: String
    /// The fingerprint of the reminder's synced fields as of the last sync.
    public var fingerprint: String

    public init(uid: String, reminderID: String, href: String, etag: String, fingerprint: String) {
        self.uid = uid
        self.reminderID = reminderID
        self.href = href
        self.etag = etag
        self.fingerprint = fingerprint
    }
}

/// What the last sync of one account left: which calendar it chose, the server's sync token
/// for it, and every item it brought into step.
public struct AccountSyncStatus: Equatable, Sendable {
    /// The calendar collection the account syncs with, found once and kept: discovery again
    /// at every sync could pick another calendar when the user adds one.
    public var collection: String?
    public var token: String?
    /// By UID: a sync looks each up and replaces it once per change, ten thousand of them on
    /// a big calendar's first sync.
    public var items: [String: SyncedItem]

    public init(collection: String? = nil, token: String? = nil, items: [SyncedItem] = []) {
        self.collection = collection
        self.token = token
        self.items = Dictionary(items.map { ($0.uid, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The items in UID order, as they are written and planned.
    public var synced: [SyncedItem] { items.values.sorted { $0.uid < $1.uid } }
}
