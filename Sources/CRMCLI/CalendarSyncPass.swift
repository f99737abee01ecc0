import CRMCalDAV
import CRMCore
import CRMStore
import Foundation

/// One sync of one account: read what changed on the server, plan with `SyncPlan`, change
/// crmtop's reminders in one batch, then write to the server item by item, each only over
/// the version read. The record of the last sync is kept up to date as it goes, so a sync
/// stopped half way (the server gone, a 412) resumes where it stopped and loses nothing.
struct CalendarSyncPass {
    struct Report: Equatable {
        var account: String
        var pulled = 0, pushed = 0, deletedHere = 0, deletedThere = 0
        var conflicts: [String] = []
        /// Items left for the next sync, with why (changed on the server meanwhile, a record
        /// crmtop could not take).
        var deferred: [String] = []
        /// With --dry-run: what would be done, a line each.
        var planned: [String] = []
    }

    let account: CalendarAccount
    let dryRun: Bool

    func run(_ session: inout Session) throws -> Report {
        let password: String
        do { password = try AccountPassword.read(account) } catch { throw CLIError(error.description) }
        let client = CalDAVClient(exchange: HTTPExchange(login: Login(username: account.username, password: password)))
        // The record of the last sync is a file beside the data so far; a database store
        // keeps it in a table once that store is behind `--data`.
        guard let directory = session.store.localDirectory else {
            throw CLIError("calendar sync needs a data directory for now (\(session.store.location))")
        }
        do {
            return try SyncStatusFile.withLocked(in: directory) { record in
                var status = record[account.name] ?? AccountSyncStatus()
                // What was done before a failure is recorded too, so the next sync resumes.
                let outcome = Result { try pass(&session, client, &status) }
                if !dryRun { record[account.name] = status }
                return try outcome.get()
            }
        } catch let error as CalDAVError {
            throw CLIError("calendar account \(account.name): \(error)")
        }
    }

    private func pass(_ session: inout Session, _ client: CalDAVClient, _ status: inout AccountSyncStatus) throws -> Report {
        var report = Report(account: account.name)
        let collection = try status.collection.flatMap { URL(string: $0) } ?? chooseCollection(client)
        status.collection = collection.absoluteString
        let (versions, token) = try remoteVersions(client, collection, status)
        let synced = Dictionary(status.items.values.map { ($0.href, $0) }, uniquingKeysWith: { a, _ in a })
        let wanted = versions.keys.filter { synced[$0]?.etag != versions[$0] }.sorted()
        let fetched = try client.items(in: collection, hrefs: wanted)
        var records: [String: ImportedReminder] = [:]
        var remote: [RemoteItem] = []
        for item in fetched {
            guard let (uid, record) = CalendarSyncItems.read(item, in: session.data) else { continue }
            if let record {
                records[uid] = withOwner(record)
                remote.append(RemoteItem(uid: uid, href: item.version.href, etag: item.version.etag))
            } else if let before = status.items[uid] {
                // Become something crmtop cannot show: left as it is on both sides.
                remote.append(RemoteItem(uid: uid, href: before.href, etag: before.etag))
            }
        }
        for (href, etag) in versions where !wanted.contains(href) {
            if let before = synced[href] { remote.append(RemoteItem(uid: before.uid, href: href, etag: etag)) }
        }
        let local = CalendarSyncItems.local(session.data, owner: account.owner)
        let actions = SyncPlan.actions(
            synced: status.synced,
            local: local.map { LocalItem(uid: $0.key, reminderID: $0.value.id,
                                         fingerprint: CalendarSyncItems.fingerprint(of: $0.value, in: session.data)) },
            remote: remote)
        let byID = CalendarSyncItems.byID(local)
        if dryRun {
            report.planned = actions.map { CalendarSyncText.planned($0, local: byID, records: records) }
            return report
        }
        try applyHere(actions, records: records, local: byID, &session, &status, &report)
        try applyThere(actions, client, collection, &session, &status, &report)
        if report.deferred.isEmpty { status.token = token }
        return report
    }

    /// The server's versions by href now, and the token to ask with next time: from what
    /// changed since the last token where the server keeps them, else from a full listing.
    private func remoteVersions(_ client: CalDAVClient, _ collection: URL,
                                _ status: AccountSyncStatus) throws -> ([String: String], String?) {
        if let synchronised = try changesSinceToken(client, collection, status) { return synchronised }
        let all = try client.versions(in: collection)
        return (Dictionary(all.map { ($0.href, $0.etag) }, uniquingKeysWith: { a, _ in a }), nil)
    }

    /// Nil where the server has no collection synchronisation (RFC 6578 is optional):
    /// versions compare as well, at the cost of listing every item.
    private func changesSinceToken(_ client: CalDAVClient, _ collection: URL,
                                   _ status: AccountSyncStatus) throws -> ([String: String], String?)? {
        do {
            if let token = status.token, let changes = try client.changes(in: collection, since: token) {
                var versions = Dictionary(status.items.values.map { ($0.href, $0.etag) }, uniquingKeysWith: { a, _ in a })
                for href in changes.removed { versions[href] = nil }
                for item in changes.changed { versions[item.href] = item.etag }
                return (versions, changes.token)
            }
            guard let all = try client.changes(in: collection, since: nil) else { return nil }
            return (Dictionary(all.changed.map { ($0.href, $0.etag) }, uniquingKeysWith: { a, _ in a }), all.token)
        } catch {
            if case .refused(_, _, let code, _) = error, [400, 403, 405, 501].contains(code) { return nil }
            throw error
        }
    }

    private func chooseCollection(_ client: CalDAVClient) throws -> URL {
        let calendars = try client.discoverCalendars(from: URL(string: account.url)!)
        guard let chosen = calendars.first(where: { $0.holds("VTODO") }) ?? calendars.first else {
            throw CLIError("calendar account \(account.name): no calendar at \(account.url)")
        }
        return chosen.url
    }

    /// A calendar item comes in as the account owner's, whoever else it names: otherwise it
    /// would leave the owner's reminders, and the next sync would delete it on the server.
    private func withOwner(_ record: ImportedReminder) -> ImportedReminder {
        var record = record
        for (n, field) in record.fields.enumerated() {
            if case .owners(let owners) = field, !owners.contains(account.owner) {
                record.fields[n] = .owners([account.owner] + owners)
            }
        }
        return record
    }

    private func applyHere(_ actions: [SyncAction], records: [String: ImportedReminder],
                           local: [String: (uid: String, reminder: Reminder)], _ session: inout Session,
                           _ status: inout AccountSyncStatus, _ report: inout Report) throws {
        var pulls: [ImportedReminder] = [], conflicts: [ImportedReminder] = [], deletions: [Mutation] = []
        var arriving: [String: RemoteItem] = [:]
        for action in actions {
            switch action {
            case .pull(let item, _):
                pulls.append(records[item.uid]!)
                arriving[item.uid] = item
            case .conflict(let item, let id):
                conflicts.append(records[item.uid]!)
                arriving[item.uid] = item
                if let reminder = local[id]?.reminder { report.conflicts.append("\(id) \(reminder.title)") }
            case .deleteLocal(let id, let uid):
                deletions.append(.reminder(.delete(id: id)))
                status.items[uid] = nil
                report.deletedHere += 1
            case .forget(let uid):
                status.items[uid] = nil
            case .push, .deleteRemote:
                break
            }
        }
        let from = "from calendar \(account.name)"
        report.pulled += try store(pulls, note: from, &session, &report)
        let kept = "\(from): changed on both sides; the calendar's version was taken, crmtop's is the one it replaced"
        report.pulled += try store(conflicts, note: kept, &session, &report)
        if !deletions.isEmpty { session.data = try session.apply(deletions) }
        let now = CalendarSyncItems.local(session.data, owner: account.owner)
        for (uid, item) in arriving {
            guard let reminder = now[uid] else { continue }
            status.items[uid] = SyncedItem(uid: uid, reminderID: reminder.id, href: item.href, etag: item.etag,
                                           fingerprint: CalendarSyncItems.fingerprint(of: reminder, in: session.data))
        }
    }

    /// Stores calendar items as reminders, in one batch when all can be taken, else each that
    /// can, the others left for the next sync with the reason.
    private func store(_ records: [ImportedReminder], note: String, _ session: inout Session,
                       _ report: inout Report) throws -> Int {
        guard !records.isEmpty else { return 0 }
        let stamp = ChangeStamp(at: session.now, actor: nil, note: note)
        if let plan = try? ImportPlan(records, into: session.data, defaultOwner: account.owner, stamp: stamp) {
            session.data = try session.apply(plan.mutations)
            return records.count
        }
        var stored = 0
        for record in records {
            do {
                let plan = try ImportPlan([record], into: session.data, defaultOwner: account.owner, stamp: stamp)
                session.data = try session.apply(plan.mutations)
                stored += 1
            } catch let problem as ImportProblem {
                report.deferred.append("\(record.key ?? "an item"): \(problem.field): \(problem.problem)")
            }
        }
        return stored
    }

    private func applyThere(_ actions: [SyncAction], _ client: CalDAVClient, _ collection: URL,
                            _ session: inout Session, _ status: inout AccountSyncStatus, _ report: inout Report) throws {
        let byID = CalendarSyncItems.byID(CalendarSyncItems.local(session.data, owner: account.owner))
        for action in actions {
            switch action {
            case .push(let id, let href, let replacing):
                guard let (uid, reminder) = byID[id] else { continue }
                let url = href.flatMap { URL(string: $0, relativeTo: collection)?.absoluteURL }
                    ?? CalendarSyncItems.href(for: uid, in: collection)
                let text = CalendarSyncItems.text(of: reminder, in: session.data, stamp: session.now)
                do throws(CalDAVError) {
                    var written = try client.put(text, at: url, replacing: replacing)
                    if written == nil { written = try client.version(of: url) }
                    let etag = written!
                    status.items[uid] = SyncedItem(uid: uid, reminderID: id, href: CalendarSyncText.path(url), etag: etag,
                                                   fingerprint: CalendarSyncItems.fingerprint(of: reminder, in: session.data))
                    report.pushed += 1
                } catch {
                    guard case .changedOnServer = error else { throw error }
                    report.deferred.append("\(id) \(reminder.title): changed on the server meanwhile; taken at the next sync")
                }
            case .deleteRemote(let item):
                let url = URL(string: item.href, relativeTo: collection)!.absoluteURL
                do throws(CalDAVError) {
                    try client.delete(at: url, etag: item.etag)
                    status.items[item.uid] = nil
                    report.deletedThere += 1
                } catch {
                    guard case .changedOnServer = error else { throw error }
                    report.deferred.append("\(item.href): changed on the server meanwhile; taken at the next sync")
                }
            case .pull, .conflict, .deleteLocal, .forget:
                break
            }
        }
    }
}
