import CRMStore
import Foundation

/// crmtop's tables in a PostgreSQL database, and their version. Each migration takes the
/// schema one version up; `crmtop store init` runs those missing, and everything else
/// refuses a database whose schema is not exactly this crmtop's (see docs/POSTGRES.md).
public enum PostgresSchema {
    public static var version: Int { migrations.count }

    /// Notifications of stored changes go out on this channel, the payload the change's seq.
    public static let channel = "crmtop_changes"

    /// Index n takes version n to n + 1. Never edit one that has shipped: add another.
    static let migrations: [String] = [version1]

    public enum Outcome: Equatable, Sendable {
        case created
        case migrated(from: Int)
        case upToDate
    }

    /// Creates the schema or brings it up to this version, in one transaction under an
    /// advisory lock, so two `store init` at once do the work once. A newer schema is left
    /// as it is.
    @discardableResult
    public static func migrate(_ db: PGConnection) throws(PGError) -> Outcome {
        try db.transaction { () throws(PGError) -> Outcome in
            try db.exec("SELECT pg_advisory_xact_lock(hashtext('crmtop schema'))")
            let found = try installedVersion(db)
            if found > version { throw newer(found, server: db.url.server) }
            for step in migrations.dropFirst(found) { try db.execScript(step) }
            if found == 0 {
                try db.exec("INSERT INTO crmtop_schema (version) VALUES ($1)", ["\(version)"])
                return .created
            }
            guard found < version else { return .upToDate }
            try db.exec("UPDATE crmtop_schema SET version = $1, migrated_at = now()", ["\(version)"])
            return .migrated(from: found)
        }
    }

    /// Refuses a database whose schema this crmtop cannot use as it is.
    public static func require(_ db: PGConnection) throws(PGError) {
        let found = try installedVersion(db)
        let database = db.url.databaseName ?? "the database"
        if found == 0 {
            throw refusal("\(database) holds no crmtop schema yet; run `crmtop store init \(db.url.masked)` first",
                          server: db.url.server)
        }
        if found < version {
            throw refusal("\(database) has crmtop schema version \(found), older than this crmtop's (\(version)); "
                + "run `crmtop store init \(db.url.masked)` to bring it up to date", server: db.url.server)
        }
        if found > version { throw newer(found, server: db.url.server) }
    }

    /// 0 when crmtop has never been here.
    static func installedVersion(_ db: PGConnection) throws(PGError) -> Int {
        guard try db.exec("SELECT to_regclass('crmtop_schema') IS NOT NULL").scalar == "t" else { return 0 }
        return Int(try db.exec("SELECT max(version) FROM crmtop_schema").scalar ?? "0") ?? 0
    }

    static func newer(_ found: Int, server: String) -> PGError {
        refusal("the database has crmtop schema version \(found), newer than this crmtop understands (\(version)); "
            + "it was written by a newer crmtop and is left as it is", server: server)
    }

    static func refusal(_ message: String, server: String) -> PGError {
        PGError(kind: .schema, server: server, message: message, detail: "", sqlState: nil)
    }
}
