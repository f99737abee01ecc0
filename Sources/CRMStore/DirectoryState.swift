import CRMCore
import Dispatch
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
    /// Whether the directory was there when it was last read: one that vanishes after that
    /// is an error, not an empty data set.
    var directoryWasThere = false

    /// Makes the next refresh read `collection` from disk again, and so drop what is in
    /// memory only.
    mutating func forget(_ collection: DataStore.Collection) {
        if collection == .activities { activities = LogPosition() } else { snapshots[collection] = nil }
    }

    /// The number of the last change anybody made; the next one gets the number after it.
    var lastSeq: Int {
        max(entries.last?.seq ?? 0, journalBase, snapshots.values.map(\.seq).max() ?? 0)
    }
}

extension DataStore.Collection {
    /// The collections kept as whole files and changed through the journal. Activities only
    /// ever grow, so their file is appended to directly and never needs compacting.
    static let snapshots: [Self] = [.settings, .reminders, .cases, .influencers, .people, .kpis]

    /// Puts this collection's part of `source` into `data`; an empty `source` empties it, as a
    /// missing file means.
    func take(from source: DataSet, into data: inout DataSet) {
        switch self {
        case .settings: data.settings = source.settings
        case .reminders:
            data.reminders = source.reminders
            data.lastReminderID = source.lastReminderID
        case .cases: data.cases = source.cases
        case .influencers: data.influencers = source.influencers
        case .people:
            data.people = source.people
            data.teams = source.teams
        case .kpis: data.kpis = source.kpis
        case .activities: data.activities = source.activities
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
    ///
    /// Pass the previous state moved out of wherever it was kept (`state.take()`): a state
    /// referenced twice would copy its hundred thousand records at the first change.
    func refreshed(_ previous: consuming DirectoryState?) throws(LoadError) -> DirectoryState {
        let fresh = previous == nil
        var s = previous.take() ?? DirectoryState()
        try checkDirectory(&s)
        var stale = fresh ? Set(Collection.allCases) : []
        try readJournal(&s, stale: &stale)
        func changed(_ collection: Collection) throws(LoadError) -> Bool {
            let known = s.snapshots[collection]
            let stamp = FileStamp(path: path(of: collection.fileName))
            if stamp == nil, known?.stamp != nil {
                throw .vanished(collection.fileName)
            }
            return stale.contains(collection) || known == nil || stamp != known?.stamp
        }

        var readAnything = fresh
        // Settings first: times written without an offset mean wall-clock time in its zone.
        if try changed(.settings) {
            readAnything = true
            try readSnapshot(.settings, zone: s.zone).place(into: &s)
            let zone = s.data.settings.defaultCalendar.timeZone
            if zone != s.zone { stale = Set(Collection.allCases) }
            s.zone = zone
        }
        // The rest side by side; at 100,000 records each takes a while.
        var changedFiles: [Collection] = []
        for collection in Collection.snapshots where collection != .settings {
            if try changed(collection) { changedFiles.append(collection) }
        }
        let wanted = changedFiles
        if s.activities.stamp != nil, FileStamp(path: path(of: Collection.activities.fileName)) == nil {
            throw .vanished(Collection.activities.fileName)
        }
        let zone = s.zone, fromStart = stale.contains(.activities)
        let activities = fromStart ? LogPosition() : s.activities, first = fromStart ? 0 : s.data.activities.count
        let results = PartResults<Result<FileRead, LoadError>>(
            count: wanted.count + 1, empty: .success(.activities([], fromStart: false, UnknownFields(), LogPosition())))
        DispatchQueue.concurrentPerform(iterations: wanted.count + 1) { n in
            results.set(n, Result { () throws(LoadError) in
                n < wanted.count ? try readSnapshot(wanted[n], zone: zone)
                    : try readActivities(after: activities, first: first, zone: zone)
            })
        }
        // The first problem in the files' fixed order is the one reported.
        if !wanted.isEmpty { readAnything = true }
        // Taken out, so that nothing else holds the records once they are placed: applying the
        // journal to records still shared would copy a hundred thousand of them.
        for result in results.takeAll() {
            let read = try result.get()
            if case .activities(let added, let fromStart, _, _) = read,
               !added.isEmpty || (fromStart && !s.data.activities.isEmpty) {
                readAnything = true
            }
            read.place(into: &s)
        }

        for entry in s.entries where entry.seq > s.snapshots[entry.collection, default: .init()].applied {
            // A change refused now was refused when it was made too, or was overtaken by a
            // hand edit; either way the data as it stands wins.
            try? entry.mutation.apply(to: &s.data)
            s.snapshots[entry.collection, default: .init()].applied = entry.seq
            readAnything = true
        }
        if readAnything { generation += 1 }
        return s
    }

    /// A directory that is not there reads as an empty data set the first time (a new one),
    /// and as an error once it had been there: moved away under a running wall, it must not
    /// look like a quiet day.
    private func checkDirectory(_ s: inout DirectoryState) throws(LoadError) {
        let there = directoryExists
        if !there && s.directoryWasThere {
            throw LoadError(file: directory.path, message: "the data directory is gone (moved or deleted?); "
                + "the data read before stays in use until it is back")
        }
        s.directoryWasThere = there
    }

    private func readJournal(_ s: inout DirectoryState, stale: inout Set<Collection>) throws(LoadError) {
        guard let read = try Journal.read(path(of: Journal.fileName), after: s.journal,
                                          lastSeq: s.entries.last?.seq ?? s.journalBase, zone: s.zone) else {
            if s.journal.stamp != nil || !s.entries.isEmpty { replaceJournal(&s, stale: &stale) }
            s.journal = LogPosition()
            return
        }
        if read.chunk.fromStart {
            replaceJournal(&s, stale: &stale)
            s.journalBase = read.headerSeq ?? 0
        }
        s.entries += read.entries
        s.journal = read.chunk.position
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

    private func readSnapshot(_ collection: Collection, zone: TimeZone) throws(LoadError) -> FileRead {
        let name = collection.fileName
        return try DiskReads.whole(name) { reads throws(LoadError) in
            guard let (bytes, stamp) = try reads.read(path(of: name), name: name) else {
                return .snapshot(collection, DataSet(), .init(), nil)
            }
            return try decodeSnapshot(collection, bytes, stamp, zone: zone)
        }
    }

    private func decodeSnapshot(_ collection: Collection, _ bytes: FileBytes, _ stamp: FileStamp,
                                zone: TimeZone) throws(LoadError) -> FileRead {
        let name = collection.fileName
        var data = DataSet()
        if let (seq, unknown) = FileFormats.stream(collection, bytes, zone: zone, into: &data) {
            return .snapshot(collection, data, .init(stamp: stamp, seq: seq, applied: seq), unknown.isEmpty ? nil : unknown)
        }
        let document: JSONDocument
        do throws(JSONSyntaxError) {
            document = try .parse(bytes)
        } catch {
            throw LoadError(file: name, syntax: error, in: bytes)
        }
        let seq: Int
        do throws(FieldError) {
            seq = try FileFormats.decode(collection, document, zone: zone, into: &data)
        } catch {
            let at = document.position(of: error.offset ?? 0)
            throw LoadError(file: name, path: error.path, line: at.line, column: at.column, message: error.message)
        }
        return .snapshot(collection, data, .init(stamp: stamp, seq: seq, applied: seq),
                         document.unknownMembers.isEmpty ? nil : UnknownFields(document))
    }

    /// What was added to `activities.jsonl` since `position`, or all of it; `first` is the
    /// number of activities read before.
    private func readActivities(after position: LogPosition, first: Int, zone: TimeZone) throws(LoadError) -> FileRead {
        let name = Collection.activities.fileName
        return try DiskReads.whole(name) { reads throws(LoadError) in
            guard let chunk = try LogFile.readNew(path(of: name), name: name, after: position, in: reads) else {
                return .activities([], fromStart: true, UnknownFields(), LogPosition())
            }
            do throws(ActivityLines.Failure) {
                let read = try ActivityLines.decode(chunk.bytes, header: chunk.fromStart, zone: zone,
                                                    firstIndex: chunk.fromStart ? 0 : first)
                return .activities(read.activities, fromStart: chunk.fromStart, read.unknown, chunk.position)
            } catch {
                throw LoadError(file: name, path: FieldError.path(error.path), at: error.offset, in: chunk,
                                message: error.message)
            }
        }
    }
}

/// One file as read, to be placed into the state.
enum FileRead: Sendable {
    case snapshot(DataStore.Collection, DataSet, DirectoryState.Snapshot, UnknownFields?)
    case activities([Activity], fromStart: Bool, UnknownFields, LogPosition)

    func place(into s: inout DirectoryState) {
        switch self {
        case .snapshot(let collection, let data, let snapshot, let unknown):
            collection.take(from: data, into: &s.data)
            s.snapshots[collection] = snapshot
            s.unknown[collection] = unknown
        case .activities(let activities, let fromStart, let unknown, let position):
            if fromStart {
                s.data.activities = activities
                s.unknown[.activities] = nil
            } else if !activities.isEmpty {
                // Even appending nothing would copy a million activities shared with a caller.
                s.data.activities += activities
            }
            if !unknown.isEmpty { s.unknown[.activities, default: UnknownFields()].patches.merge(unknown.patches) { $1 } }
            s.activities = position
        }
    }
}

extension LoadError {
    /// A file read before that is not there now: under a running screen that is an error, not
    /// an empty collection, so the last data read stays on screen under a banner.
    static func vanished(_ name: String) -> LoadError {
        LoadError(file: name, message: "it was there and is gone (moved or deleted?); "
            + "the data read before stays in use until it is back")
    }
}
