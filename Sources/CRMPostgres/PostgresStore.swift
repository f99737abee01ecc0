import CRMCore
import CRMStore
import Foundation

/// A team's data in one PostgreSQL database: the same data, changes and refusals as a data
/// directory's `DataStore`, with the same calls, so either can stand behind the runtime.
/// Any number of processes on any number of machines may share the database: each batch
/// of changes is one transaction over the rows it touches (see `apply`).
///
/// Thread-safe: one connection, and the copy of the data it keeps, guarded by a lock.
public final class PostgresStore: @unchecked Sendable {
    public let url: PostgresURL
    /// The moment a change is written, for the report columns that depend on it (`sla_due`).
    let now: @Sendable () -> Date

    let mutex = NSLock()
    /// Guarded by `mutex`.
    var connection: PGConnection?
    /// The data as of change `cache.seq`; guarded by `mutex`.
    var cache: (data: DataSet, seq: Int)?

    public init(url: PostgresURL, now: @escaping @Sendable () -> Date = { Date() }) {
        self.url = url
        self.now = now
    }

    /// A stored batch of changes, as the `changes` table holds it.
    public struct StoredChange: Equatable, Sendable {
        public var seq: Int
        public var batchID: String
        public var mutations: [Mutation]
        /// The database role that stored it.
        public var who: String
        public var at: Date
    }

    // MARK: - Loading

    /// The data as the database holds it now. The first call reads every table; later ones
    /// read only the changes stored since and apply them to the copy kept from before.
    public func load() throws(LoadError) -> DataSet {
        mutex.lock()
        defer { mutex.unlock() }
        return try refreshed()
    }

    /// The number of the last change the data returned by `load` or `apply` includes.
    public var lastSeq: Int {
        mutex.lock()
        defer { mutex.unlock() }
        return cache?.seq ?? 0
    }

    /// Guarded by `mutex`.
    func refreshed() throws(LoadError) -> DataSet {
        let db = try loadConnection()
        if var known = cache {
            let changes = try changes(since: known.seq, on: db, zone: known.data.settings.defaultCalendar.timeZone)
            // Numbers are given out in commit order without gaps; a gap means the log was
            // trimmed past what this copy has, and only a whole read catches up.
            let contiguous: Bool
            if let first = changes.first {
                contiguous = first.seq == known.seq + 1
            } else {
                contiguous = Int(try query(db, "SELECT value FROM crmtop_meta WHERE key = 'change_seq'").scalar ?? "") == known.seq
            }
            if contiguous,
               (try? Self.replay(changes, on: &known.data)) != nil {
                known.seq = changes.last?.seq ?? known.seq
                cache = known
                return known.data
            }
        }
        let fresh = try readAll(db)
        cache = fresh
        return fresh.data
    }

    static func replay(_ changes: [StoredChange], on data: inout DataSet) throws(MutationError) {
        for change in changes {
            for mutation in change.mutations where !mutation.changesNothing(in: data) { try mutation.apply(to: &data) }
        }
    }

    /// Every table, read in one snapshot together with the number of the last change in it.
    private func readAll(_ db: PGConnection) throws(LoadError) -> (data: DataSet, seq: Int) {
        try query(db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { _ = try? db.exec("COMMIT") }
        var data = DataSet()
        if let settings = try query(db, "SELECT record::text FROM settings").scalar {
            data.settings = try SettingsRecordJSON.decode(Array(settings.utf8), source: "settings").0
        }
        let zone = data.settings.defaultCalendar.timeZone
        data.reminders = try read(.reminders, db, zone)
        data.cases = try read(.cases, db, zone)
        data.influencers = try read(.influencers, db, zone)
        data.people = try read(.people, db, zone)
        data.teams = try read(.teams, db, zone)
        data.kpis = try read(.kpis, db, zone)
        for row in try query(db, "SELECT seq, record::text FROM activities ORDER BY seq").rows {
            data.activities.append(try RecordJSON.activities.decode(
                Array((row[1] ?? "").utf8), zone: zone, source: "activities \(row[0] ?? "")").0)
        }
        data.lastReminderID = try query(db, "SELECT value FROM crmtop_meta WHERE key = 'last_reminder_id'").scalar
        let seq = Int(try query(db, "SELECT value FROM crmtop_meta WHERE key = 'change_seq'").scalar ?? "0") ?? 0
        return (data, seq)
    }

    func read<R>(_ table: PostgresTable<R>, _ db: PGConnection, _ zone: TimeZone) throws(LoadError) -> [R] {
        let rows = try query(db, table.select + " ORDER BY pos")
        var records: [R] = []
        records.reserveCapacity(rows.count)
        for row in rows.rows {
            records.append(try table.codec.decode(Array((row[1] ?? "").utf8), zone: zone,
                                                  source: "\(table.name) \(row[0] ?? "")").0)
        }
        return records
    }

    /// A statement whose failure is a failure to load.
    @discardableResult
    func query(_ db: PGConnection, _ sql: String, _ parameters: [String?] = []) throws(LoadError) -> PGRows {
        do throws(PGError) { return try db.exec(sql, parameters) } catch { throw failure(error) }
    }

    // MARK: - Changes

    /// The batches stored after change `seq`, in order.
    public func changes(since seq: Int) throws(LoadError) -> [StoredChange] {
        mutex.lock()
        defer { mutex.unlock() }
        let db = try loadConnection()
        return try changes(since: seq, on: db, zone: cache?.data.settings.defaultCalendar.timeZone ?? .gmt)
    }

    func changes(since seq: Int, on db: PGConnection, zone: TimeZone) throws(LoadError) -> [StoredChange] {
        let rows = try query(db, "SELECT c.seq, c.batch_id, c.who, extract(epoch FROM c.at)::float8, m.value::text "
                + "FROM changes c, jsonb_array_elements(c.mutations) WITH ORDINALITY AS m(value, n) "
                + "WHERE c.seq > $1 ORDER BY c.seq, m.n", ["\(seq)"])
        var result: [StoredChange] = []
        for row in rows.rows {
            let number = Int(row[0] ?? "") ?? 0
            let mutation = try MutationCodec.decode(Array((row[4] ?? "").utf8), zone: zone)
            if result.last?.seq == number {
                result[result.count - 1].mutations.append(mutation)
            } else {
                result.append(StoredChange(seq: number, batchID: row[1] ?? "", mutations: [mutation], who: row[2] ?? "",
                                           at: Date(timeIntervalSince1970: Double(row[3] ?? "") ?? 0)))
            }
        }
        return result
    }

    // MARK: - Connecting

    /// Guarded by `mutex`. Connects on first use and again after a lost connection, and
    /// refuses a database whose schema is not this crmtop's.
    func connect() throws(PGError) -> PGConnection {
        if let connection, connection.isOpen { return connection }
        connection = nil
        let fresh = try PGConnection(url)
        try PostgresSchema.require(fresh)
        connection = fresh
        return fresh
    }

    private func loadConnection() throws(LoadError) -> PGConnection {
        do throws(PGError) { return try connect() } catch { throw failure(error) }
    }

    /// Errors name the database by its masked URL, as a file error names the file.
    func failure(_ error: PGError) -> LoadError {
        if error.kind == .connectionLost { connection = nil }
        return LoadError(file: url.masked, message: error.detail.isEmpty ? error.message : "\(error.message) (\(error.detail))")
    }
}
