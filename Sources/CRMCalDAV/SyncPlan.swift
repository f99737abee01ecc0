import CRMCore
import Foundation

/// A reminder as the planner sees it: its UID and the fingerprint of what would be written.
public struct LocalItem: Equatable, Sendable {
    public var uid: String
    public var reminderID: String
    public var fingerprint: String

    public init(uid: String, reminderID: String, fingerprint: String) {
        self.uid = uid
        self.reminderID = reminderID
        self.fingerprint = fingerprint
    }
}

/// An item on the server that crmtop can represent, with its UID (read from its data, or
/// known from the last sync when its version has not changed).
public struct RemoteItem: Equatable, Sendable {
    public var uid: String
    public var href: String
    public var etag: String

    public init(uid: String, href: String, etag: String) {
        self.uid = uid
        self.href = href
        self.etag = etag
    }
}

/// One step of a sync. Writes to the server carry the version they expect, so a change made
/// there between reading and writing is refused (412) rather than overwritten.
public enum SyncAction: Equatable, Sendable {
    /// The server's version into crmtop: a new reminder (nil) or over an unchanged one.
    case pull(RemoteItem, into: String?)
    /// The reminder to the server: a new item (`replacing` nil) or over the version read.
    case push(reminderID: String, href: String?, replacing: String?)
    /// Both sides changed: the server's version wins on the calendar and in crmtop, and
    /// crmtop's version is kept in the reminder's history, with a notice, where it differed.
    case conflict(RemoteItem, reminderID: String)
    /// Deleted in crmtop, unchanged on the server since: deleted there too.
    case deleteRemote(RemoteItem)
    /// Deleted on the server, unchanged in crmtop since: deleted here too.
    case deleteLocal(reminderID: String, uid: String)
    /// Gone on both sides: only the record of the last sync goes.
    case forget(uid: String)
}

/// Works out a sync from the record of the last one and both sides as they are now. Pure:
/// every rule of which way a change goes is here and tested here, apart from the requests.
/// Where one side changed an item and the other deleted it, the change wins (the item comes
/// back on the side that deleted it): a deletion can be repeated, a lost change cannot.
public enum SyncPlan {
    public static func actions(synced: [SyncedItem], local: [LocalItem], remote: [RemoteItem]) -> [SyncAction] {
        let before = Dictionary(synced.map { ($0.uid, $0) }, uniquingKeysWith: { a, _ in a })
        let here = Dictionary(local.map { ($0.uid, $0) }, uniquingKeysWith: { a, _ in a })
        let there = Dictionary(remote.map { ($0.uid, $0) }, uniquingKeysWith: { a, _ in a })
        // In a stable order: the last sync's items, then new reminders, then new server items.
        var uids: [String] = []
        var seen: Set<String> = []
        for uid in synced.map(\.uid) + local.map(\.uid) + remote.map(\.uid) where seen.insert(uid).inserted {
            uids.append(uid)
        }
        return uids.compactMap { uid in action(before[uid], here[uid], there[uid], uid: uid) }
    }

    static func action(_ s: SyncedItem?, _ l: LocalItem?, _ r: RemoteItem?, uid: String) -> SyncAction? {
        switch (s, l, r) {
        case let (s?, l?, r?):
            let changedHere = l.fingerprint != s.fingerprint
            let changedThere = r.etag != s.etag || r.href != s.href
            switch (changedHere, changedThere) {
            case (false, false): return nil
            case (true, false): return .push(reminderID: l.reminderID, href: r.href, replacing: r.etag)
            case (false, true): return .pull(r, into: l.reminderID)
            case (true, true): return .conflict(r, reminderID: l.reminderID)
            }
        case let (s?, l?, nil):
            return l.fingerprint != s.fingerprint ? .push(reminderID: l.reminderID, href: nil, replacing: nil)
                                                  : .deleteLocal(reminderID: l.reminderID, uid: uid)
        case let (s?, nil, r?):
            return r.etag != s.etag || r.href != s.href ? .pull(r, into: nil) : .deleteRemote(r)
        case (_?, nil, nil):
            return .forget(uid: uid)
        case let (nil, l?, r?):
            // Met for the first time on both sides (a calendar imported before it was synced):
            // which is newer is unknown, so the calendar's version is taken and crmtop's kept.
            return .conflict(r, reminderID: l.reminderID)
        case let (nil, l?, nil):
            return .push(reminderID: l.reminderID, href: nil, replacing: nil)
        case let (nil, nil, r?):
            return .pull(r, into: nil)
        case (nil, nil, nil):
            return nil
        }
    }
}
