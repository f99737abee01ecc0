import CRMCore
import Foundation

extension Mutation {
    /// The file a change belongs to.
    public var collection: DataStore.Collection {
        switch self {
        case .reminder: .reminders
        case .supportCase(let change): change.isInfluencer ? .influencers : .cases
        case .directory(.putKPI): .kpis
        case .directory: .people
        case .logActivity: .activities
        case .settings, .contest: .settings
        }
    }
}

/// Why a change could not be stored: it no longer applies, or the disk refused it.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case load(LoadError)
    case refused(MutationError)
    case save(SaveError)

    public var description: String {
        switch self {
        case .load(let e): "cannot read the data: \(e)"
        case .refused(let e): e.description
        case .save(let e): e.description
        }
    }
}

extension DataStore {
    /// Applies changes to the data as it is on disk now, under the directory's lock, and
    /// appends them durably: to the journal, or for activities to `activities.jsonl`. When
    /// this returns they survive a crash. Costs one short append whatever the size of the
    /// data. Returns the data as stored, which includes what other processes wrote meanwhile.
    /// A change that would change nothing in the data on disk (a rise of the ladder another
    /// process recorded first) is not stored, so that it is in the history once.
    @discardableResult
    public func apply(_ mutations: [Mutation]) throws(StoreError) -> DataSet {
        let first = mutations.first?.collection == .activities ? Collection.activities.fileName : Journal.fileName
        return try withWriteLock(for: first) { s, mode throws(StoreError) in
            let effective: [Mutation]
            // Applied in place: a copy of the data would cost more than all the rest.
            do throws(MutationError) {
                effective = try Mutation.apply(mutations, to: &s.data)
            } catch {
                // Those applied before it are not stored: read their files again.
                for earlier in mutations { s.forget(earlier.collection) }
                throw .refused(error)
            }
            guard !effective.isEmpty else { return s.data }
            do throws(SaveError) {
                try append(effective, &s, mode: mode)
            } catch {
                for mutation in effective { s.forget(mutation.collection) }
                throw .save(error)
            }
            return s.data
        }
    }

    /// Each append is durable before the next, and `s` moves past it only once it is; if the
    /// second fails, the caller has the changed collections read again from disk.
    private func append(_ mutations: [Mutation], _ s: inout DirectoryState, mode: mode_t) throws(SaveError) {
        let zone = s.data.settings.defaultCalendar.timeZone
        let base = s.lastSeq
        var entries: [Journal.Entry] = []
        var activityLines: [UInt8] = []
        var activityCount = 0
        for mutation in mutations {
            if case .logActivity(let activity) = mutation {
                do throws(FieldError) {
                    try FileFormats.activityLine(activity, zone: zone, into: &activityLines)
                    activityCount += 1
                } catch {
                    throw SaveError(file: Collection.activities.fileName, path: error.path, message: error.message)
                }
            } else {
                entries.append(Journal.Entry(seq: base + entries.count + 1, mutation: mutation))
            }
        }
        // Each file's share of the changes becomes visible whole or not at all.
        activityLines = LogFile.batch(activityLines, count: activityCount)
        let lines = LogFile.batch(try Journal.lines(entries, zone: zone), count: entries.count)
        let dir = directory.path
        if !activityLines.isEmpty {
            s.activities = try LogFile.append(activityLines, to: Collection.activities.fileName, in: dir,
                                              header: FileFormats.activitiesHeader, after: s.activities,
                                              newFileMode: mode)
        }
        if !entries.isEmpty {
            let created = s.journal.stamp == nil
            s.journal = try LogFile.append(lines, to: Journal.fileName, in: dir, header: Journal.header(seq: base),
                                           after: s.journal, newFileMode: mode)
            if created { s.journalBase = base }
            s.entries += entries
            for entry in entries { s.snapshots[entry.collection, default: .init()].applied = entry.seq }
        }
    }
}
