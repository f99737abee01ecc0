import CRMCore
import Foundation

/// What a store last read from its directory, kept so that the next read looks only at what
/// changed: a reminder acknowledged in another terminal costs reading one journal line, not
/// the whole directory.
struct DirectoryState: Sendable {
    struct Snapshot: Sendable {
        /// The file read; nil when there was none.
        var stamp: FileStamp?
        /// The file's `journal_seq`: the journalled changes it already holds.
        var seq = 0
        /// The last journalled change applied on top of it in `data`.
        var applied = 0
    }

    var data = DataSet()
    /// Fields the files have that crmtop does not know, to be written back.
    var unknown: [DataStore.Collection: UnknownFields] = [:]
    var snapshots: [DataStore.Collection: Snapshot] = [:]
    var activities = LogPosition()
    var journal = LogPosition()
    /// The journal's header: the number of the last change made before its first line.
    var journalBase = 0
    /// The journal's changes, in order; few, since compaction keeps the journal short.
    var entries: [Journal.Entry] = []
    /// The zone times without an offset were read in.
    var zone = TimeZone.gmt

    /// The number of the last change anybody made; the next one gets the number after it.
    var lastSeq: Int {
        max(entries.last?.seq ?? 0, journalBase, snapshots.values.map(\.seq).max() ?? 0)
    }
}

extension DataStore.Collection {
    /// The collections kept as whole files and changed through the journal. Activities only
    /// ever grow, so their file is appended to directly and never needs compacting.
    static let snapshots: [Self] = [.settings, .reminders, .cases, .influencers, .people, .kpis]

    /// Empties this collection's part of `data`, as a missing file means.
    func clear(in data: inout DataSet) {
        switch self {
        case .settings: data.settings = Settings()
        case .reminders: data.reminders = []
        case .cases: data.cases = []
        case .influencers: data.influencers = []
        case .people:
            data.people = []
            data.teams = []
        case .kpis: data.kpis = []
        case .activities: data.activities = []
        }
    }
}

extension DataStore {
    /// Brings `previous` up to date with the directory, reading only files that changed
    /// (all of them when there is no previous state). Never writes.
    ///
    /// The journal is read before the snapshots: a snapshot read after it is at least as new,
    /// and its `journal_seq` tells which of the journal's changes it already holds. So even
    /// while another process compacts, every collection comes out right as of some moment.
    func refreshed(_ previous: DirectoryState?) throws(LoadError) -> DirectoryState {
        var s = previous ?? DirectoryState()
        var stale = previous == nil ? Set(Collection.allCases) : []
        try readJournal(&s, stale: &stale)

        for collection in Collection.snapshots {
            let known = s.snapshots[collection]
            guard stale.contains(collection) || known == nil || FileStamp(path: path(of: collection.fileName)) != known?.stamp
            else { continue }
            try readSnapshot(collection, into: &s)
            if collection == .settings {
                let zone = s.data.settings.defaultCalendar.timeZone
                // Times written without an offset mean wall-clock time in this zone.
                if zone != s.zone { stale = Set(Collection.allCases) }
                s.zone = zone
            }
        }
        try readActivities(&s, fromStart: stale.contains(.activities))

        for entry in s.entries where entry.seq > s.snapshots[entry.collection, default: .init()].applied {
            // A change refused now was refused when it was made too, or was overtaken by a
            // hand edit; either way the data as it stands wins.
            try? entry.mutation.apply(to: &s.data)
            s.snapshots[entry.collection, default: .init()].applied = entry.seq
        }
        return s
    }

    private func readJournal(_ s: inout DirectoryState, stale: inout Set<Collection>) throws(LoadError) {
        guard let chunk = try LogFile.readNew(path(of: Journal.fileName), name: Journal.fileName, after: s.journal) else {
            if s.journal.stamp != nil || !s.entries.isEmpty { replaceJournal(&s, stale: &stale) }
            s.journal = LogPosition()
            return
        }
        let parsed = try Journal.parse(chunk, after: s.entries.last?.seq ?? s.journalBase, zone: s.zone)
        if chunk.fromStart {
            replaceJournal(&s, stale: &stale)
            s.journalBase = parsed.headerSeq ?? 0
        }
        s.entries += parsed.entries
        s.journal = chunk.position
    }

    /// Another journal took the place of the one read: data built on changes that may be gone
    /// from it is read again from its snapshot.
    private func replaceJournal(_ s: inout DirectoryState, stale: inout Set<Collection>) {
        for (collection, snapshot) in s.snapshots where snapshot.applied > snapshot.seq {
            stale.insert(collection)
        }
        s.entries = []
        s.journalBase = 0
    }

    private func readSnapshot(_ collection: Collection, into s: inout DirectoryState) throws(LoadError) {
        let name = collection.fileName
        guard let (bytes, stamp) = try DiskFile.read(path(of: name), name: name) else {
            collection.clear(in: &s.data)
            s.snapshots[collection] = .init()
            s.unknown[collection] = nil
            return
        }
        let document: JSONDocument
        do throws(JSONSyntaxError) {
            document = try .parse(bytes)
        } catch {
            let at = TextPosition(of: error.offset, in: bytes)
            throw LoadError(file: name, line: at.line, column: at.column, message: error.message)
        }
        let seq: Int
        do throws(FieldError) {
            seq = try FileFormats.decode(collection, document, zone: s.zone, into: &s.data)
        } catch {
            let at = document.position(of: error.offset ?? 0)
            throw LoadError(file: name, path: error.path, line: at.line, column: at.column, message: error.message)
        }
        s.snapshots[collection] = .init(stamp: stamp, seq: seq, applied: seq)
        s.unknown[collection] = document.unknownMembers.isEmpty ? nil : UnknownFields(document)
    }

    private func readActivities(_ s: inout DirectoryState, fromStart: Bool) throws(LoadError) {
        let name = Collection.activities.fileName
        let after = fromStart ? LogPosition() : s.activities
        guard let chunk = try LogFile.readNew(path(of: name), name: name, after: after) else {
            s.data.activities = []
            s.activities = LogPosition()
            s.unknown[.activities] = nil
            return
        }
        let document: JSONDocument
        do throws(JSONSyntaxError) {
            document = try .parseLines(chunk.bytes)
        } catch {
            throw LoadError(file: name, at: error.offset, in: chunk, message: error.message)
        }
        if chunk.fromStart {
            s.data.activities = []
            s.unknown[.activities] = nil
        }
        // Numbered as in the whole file, whose first line is the header.
        let firstIndex = chunk.fromStart ? -1 : s.data.activities.count
        do throws(FieldError) {
            try FileFormats.activities(document.root, header: chunk.fromStart, zone: s.zone, into: &s.data.activities)
        } catch {
            throw LoadError(file: name, path: error.path, at: error.offset ?? 0, in: chunk, message: error.message)
        }
        if !document.unknownMembers.isEmpty {
            let found = UnknownFields(document, lines: true, firstIndex: firstIndex)
            s.unknown[.activities, default: UnknownFields()].patches.merge(found.patches) { $0 + $1 }
        }
        s.activities = chunk.position
    }
}
