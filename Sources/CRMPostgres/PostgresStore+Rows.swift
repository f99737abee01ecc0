import CRMCore
import CRMStore
import Foundation

/// Which rows a batch reads and writes, from the changes alone.
struct TouchedRows {
    var reminders: Set<String> = []
    var cases: Set<String> = []
    var influencers: Set<String> = []
    /// Settings are always read (the zone, SLA policies); locked for writing when changed.
    var writesSettings = false
    /// People are read whole where a change checks names against them (reminders' owners).
    var readsPeople = false
    /// People, teams and KPIs change: all three are read whole and locked.
    var writesDirectory = false
    var deletesReminders = false

    init(_ mutations: [Mutation]) {
        for mutation in mutations {
            switch mutation {
            case .reminder(let change):
                reminders.insert(change.reminderID)
                readsPeople = true
                if case .delete = change { deletesReminders = true }
            case .supportCase(let change):
                switch change {
                case .put(let c), .open(let c): cases.insert(c.id)
                case .act(let id, _, _, _, _), .undo(let id, _, _, _): cases.insert(id)
                case .putInfluencer(let i), .addInfluencer(let i): influencers.insert(i.id)
                }
            case .directory:
                writesDirectory = true
                readsPeople = true
            case .logActivity:
                break
            case .settings, .contest:
                writesSettings = true
            }
        }
    }
}

extension ReminderChange {
    var reminderID: String {
        switch self {
        case .acknowledge(let id, _, _), .acknowledgeOccurrence(let id, _, _, _), .unacknowledge(let id, _, _),
             .snooze(let id, _, _, _), .edit(let id, _, _), .delete(let id), .undo(let id, _, _):
            id
        case .add(let r), .put(let r), .restore(let r, _), .withdraw(let r):
            r.id
        }
    }
}

extension PostgresStore {
    /// One try of a batch inside its transaction; see `apply`.
    func store(_ mutations: [Mutation], batch: String, on db: PGConnection) throws(PGError) -> Outcome {
        if try db.exec("SELECT 1 FROM changes WHERE batch_id = $1", [batch]).count > 0 { return .stored }
        let touched = TouchedRows(mutations)
        var rows = LockedRows()
        do throws(LoadError) {
            try rows.lock(touched, on: db)
        } catch {
            return .unreadable(error)
        }
        var work = rows.data
        var effective: [Mutation] = []
        for mutation in mutations where !mutation.changesNothing(in: work) {
            do throws(MutationError) {
                try mutation.apply(to: &work)
                effective.append(mutation)
            } catch {
                return .refused(error)
            }
        }
        guard !effective.isEmpty else { return .stored }
        let statements: [(String, [String?])]
        do throws(SaveError) {
            statements = try rows.writes(to: work, context: .init(settings: work.settings, now: now()))
                + [try Self.changeRow(effective, batch: batch, zone: work.settings.defaultCalendar.timeZone)]
        } catch {
            return .unwritable(error)
        }
        for (sql, parameters) in statements { try db.exec(sql, parameters) }
        // Taken last and held to the commit, so change numbers follow the order in which
        // batches commit and a reader that has seen change n has seen every one before it.
        let seq = try db.exec("UPDATE crmtop_meta SET value = (value::bigint + 1)::text WHERE key = 'change_seq' "
                              + "RETURNING value").scalar ?? "0"
        try db.exec("UPDATE changes SET seq = $1::bigint WHERE batch_id = $2", [seq, batch])
        try db.exec("SELECT pg_notify($1, $2)", [PostgresSchema.channel, seq])
        return .stored
    }

    /// The batch's row in `changes`, numbered once the rest is written. A negative seq keeps
    /// the primary key unique until then: only this transaction sees the row.
    static func changeRow(_ mutations: [Mutation], batch: String, zone: TimeZone) throws(SaveError) -> (String, [String?]) {
        var json = "["
        for (n, mutation) in mutations.enumerated() {
            if n > 0 { json += "," }
            json += String(decoding: try MutationCodec.encode(mutation, zone: zone), as: UTF8.self)
        }
        json += "]"
        return ("INSERT INTO changes (seq, batch_id, mutations) "
                + "VALUES (-txid_current(), $1, $2::jsonb)", [batch, json])
    }
}

/// The rows a batch works on, locked, as a partial data set, with the fields crmtop does not
/// know of each, to be written back.
struct LockedRows {
    var data = DataSet()
    var kept: [String: KeptFields] = [:]
    var readDirectory = false
    var before = DataSet()

    mutating func lock(_ touched: TouchedRows, on db: PGConnection) throws(LoadError) {
        let settingsLock = touched.writesSettings ? "FOR UPDATE" : "FOR SHARE"
        if let text = try query(db, "SELECT record::text FROM settings \(settingsLock)").scalar {
            let (settings, fields) = try SettingsRecordJSON.decode(Array(text.utf8), source: "settings")
            data.settings = settings
            kept["settings"] = fields
        }
        let zone = data.settings.defaultCalendar.timeZone
        data.reminders = try lock(.reminders, ids: touched.reminders, db, zone)
        data.cases = try lock(.cases, ids: touched.cases, db, zone)
        data.influencers = try lock(.influencers, ids: touched.influencers, db, zone)
        if touched.readsPeople {
            let mode = touched.writesDirectory ? "FOR UPDATE" : "FOR SHARE"
            data.people = try lock(.people, ids: nil, db, zone, mode: mode)
            if touched.writesDirectory {
                readDirectory = true
                data.teams = try lock(.teams, ids: nil, db, zone, mode: mode)
                data.kpis = try lock(.kpis, ids: nil, db, zone, mode: mode)
            }
        }
        if !touched.reminders.isEmpty {
            let lock = touched.deletesReminders ? " FOR UPDATE" : ""
            data.lastReminderID = try query(db, "SELECT value FROM crmtop_meta WHERE key = 'last_reminder_id'" + lock).scalar
        }
        before = data
    }

    /// The rows named (all of them when `ids` is nil), in id order so that two batches lock
    /// shared rows in the same order and do not deadlock.
    private mutating func lock<R>(_ table: PostgresTable<R>, ids: Set<String>?, _ db: PGConnection, _ zone: TimeZone,
                                  mode: String = "FOR UPDATE") throws(LoadError) -> [R] {
        if let ids, ids.isEmpty { return [] }
        let rows = try query(db, table.select + (ids == nil ? "" : " WHERE id = ANY($1::text[])") + " ORDER BY id \(mode)",
                             ids.map { [PostgresValue.textArray($0.sorted())] } ?? [])
        var records: [R] = []
        for row in rows.rows {
            let id = row[0] ?? ""
            let (record, fields) = try table.codec.decode(Array((row[1] ?? "").utf8), zone: zone, source: "\(table.name) \(id)")
            if !fields.isEmpty { kept[table.name + "/" + id] = fields }
            records.append(record)
        }
        return records
    }

    private func query(_ db: PGConnection, _ sql: String, _ parameters: [String?] = []) throws(LoadError) -> PGRows {
        do throws(PGError) { return try db.exec(sql, parameters) } catch {
            throw LoadError(file: "the database", message: error.description)
        }
    }

    /// Every statement that takes the rows from `before` to `after`, encoded before any runs.
    func writes(to after: DataSet, context: PostgresTable<Reminder>.Context) throws(SaveError) -> [(String, [String?])] {
        var out: [(String, [String?])] = []
        try diff(.reminders, before.reminders, after.reminders, context, &out)
        try diff(.cases, before.cases, after.cases, context, &out)
        try diff(.influencers, before.influencers, after.influencers, context, &out)
        if readDirectory {
            try diff(.people, before.people, after.people, context, &out)
            try diff(.teams, before.teams, after.teams, context, &out)
            try diff(.kpis, before.kpis, after.kpis, context, &out)
        }
        let zone = after.settings.defaultCalendar.timeZone
        for activity in after.activities { out.append((ActivityRows.insert, try ActivityRows.parameters(activity, zone: zone))) }
        if after.settings != before.settings {
            let json = try SettingsRecordJSON.encode(after.settings, keeping: kept["settings"] ?? KeptFields())
            out.append(("INSERT INTO settings (only_row, record) VALUES (true, $1::jsonb) "
                        + "ON CONFLICT (only_row) DO UPDATE SET record = EXCLUDED.record", [String(decoding: json, as: UTF8.self)]))
        }
        if after.lastReminderID != before.lastReminderID, let last = after.lastReminderID {
            out.append(("INSERT INTO crmtop_meta (key, value) VALUES ('last_reminder_id', $1) "
                        + "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [last]))
        }
        return out
    }

    private func diff<R>(_ table: PostgresTable<R>, _ before: [R], _ after: [R], _ context: PostgresTable<Reminder>.Context,
                         _ out: inout [(String, [String?])]) throws(SaveError) {
        let old = Dictionary(before.map { (table.id($0), $0) }, uniquingKeysWith: { first, _ in first })
        let context = PostgresTable<R>.Context(settings: context.settings, now: context.now)
        for record in after {
            let id = table.id(record)
            if let earlier = old[id], earlier == record { continue }
            let parameters = try table.parameters(record, context, kept: kept[table.name + "/" + id] ?? KeptFields())
            out.append((old[id] == nil ? table.insert : table.update, parameters))
        }
        let remaining = Set(after.map(table.id))
        for id in old.keys.sorted() where !remaining.contains(id) {
            out.append(("DELETE FROM \(table.name) WHERE id = $1", [id]))
        }
    }
}
