import CRMPostgres
import CRMStore
import Foundation
import Testing

/// `crmtop store init` creates the schema once; other code refuses a database without it,
/// and a newer schema is never written.
@Suite struct PostgresSchemaTests {
    let server = TestServer.shared

    func connect(_ database: TestServer.Database) throws -> PGConnection {
        guard case .postgres(let url) = try StoreAddress(database.url) else { throw Shell.Failure("not a URL") }
        return try PGConnection(url)
    }

    @Test func initCreatesEveryTableOnceAndAgainChangesNothing() throws {
        let database = server.freshDatabase()
        let db = try connect(database)
        #expect(try PostgresSchema.migrate(db) == .created)
        let tables = try server.query("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables "
                                      + "WHERE schemaname = 'public'", database: database.name)
        #expect(tables == "activities,cases,changes,crmtop_meta,crmtop_schema,deliveries,influencers,kpis,"
                + "notifier_lease,people,reminders,settings,teams\n")
        #expect(try PostgresSchema.migrate(db) == .upToDate)
        #expect(try server.query("SELECT count(*), max(version) FROM crmtop_schema", database: database.name)
                == "1|\(PostgresSchema.version)\n")
        try PostgresSchema.require(db)
    }

    @Test func anEmptyDatabaseIsRefusedNamingTheCommand() throws {
        let database = server.freshDatabase()
        let db = try connect(database)
        do throws(PGError) {
            try PostgresSchema.require(db)
            Issue.record("an empty database was taken")
        } catch {
            #expect(error.kind == .schema)
            #expect(error.description == "\(server.directory): \(database.name) holds no crmtop schema yet; "
                    + "run `crmtop store init \(database.url)` first")
        }
    }

    @Test func aNewerSchemaIsRefusedAndLeftAsItIs() throws {
        let database = server.freshDatabase()
        let db = try connect(database)
        try PostgresSchema.migrate(db)
        try server.admin("UPDATE crmtop_schema SET version = 99", database: database.name)
        let expected = "the database has crmtop schema version 99, newer than this crmtop understands "
            + "(\(PostgresSchema.version)); it was written by a newer crmtop and is left as it is"
        #expect(throws: PGError(kind: .schema, server: server.directory, message: expected, detail: "", sqlState: nil)) {
            try PostgresSchema.migrate(db)
        }
        #expect(throws: PGError(kind: .schema, server: server.directory, message: expected, detail: "", sqlState: nil)) {
            try PostgresSchema.require(db)
        }
        #expect(try server.query("SELECT version FROM crmtop_schema", database: database.name) == "99\n")
    }

    @Test func twoInitsAtOnceCreateItOnce() throws {
        let database = server.freshDatabase()
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let result = Result { () throws -> PostgresSchema.Outcome in try PostgresSchema.migrate(try connect(database)) }
            outcomes.add(result)
        }
        #expect(outcomes.sorted == ["created", "upToDate"])
    }

    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ result: Result<PostgresSchema.Outcome, any Error>) {
            lock.lock(); defer { lock.unlock() }
            list.append((try? result.get()).map { "\($0)" } ?? "failed: \(result)")
        }
        var sorted: [String] { lock.lock(); defer { lock.unlock() }; return list.sorted() }
    }
}
