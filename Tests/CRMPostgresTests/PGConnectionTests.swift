#if canImport(Glibc)
import Glibc
#endif
import CRMPostgres
import CRMStore
import Foundation
import Testing

/// The libpq wrapper against the test server: statements, transactions, notifications, and a
/// distinct message for each way of failing to connect, never with the password in it.
@Suite struct PGConnectionTests {
    let server = TestServer.shared

    func address(_ text: String) throws -> PostgresURL {
        guard case .postgres(let url) = try StoreAddress(text) else { throw Shell.Failure("\(text) is not a URL") }
        return url
    }

    func connect(_ database: TestServer.Database) throws -> PGConnection {
        try PGConnection(address(database.url))
    }

    func connectionError(_ text: String) throws -> PGError {
        do {
            _ = try PGConnection(address(text))
        } catch let error as PGError {
            return error
        }
        throw Shell.Failure("\(text) connected")
    }

    @Test func parametersTravelApartFromTheStatement() throws {
        let db = try connect(server.freshDatabase())
        try db.exec("CREATE TABLE t (name text, n int)")
        try db.exec("INSERT INTO t VALUES ($1, $2), ($3, NULL)", ["O'Brien; DROP TABLE t", "7", "nobody"])
        let rows = try db.exec("SELECT name, n FROM t ORDER BY name")
        #expect(rows.columns == ["name", "n"])
        #expect(rows.rows == [["O'Brien; DROP TABLE t", "7"], ["nobody", nil]])
    }

    @Test func aFailedTransactionLeavesNothing() throws {
        let database = server.freshDatabase()
        let db = try connect(database)
        try db.exec("CREATE TABLE t (n int PRIMARY KEY)")
        #expect(throws: PGError.self) {
            try db.transaction { () throws(PGError) in
                try db.exec("INSERT INTO t VALUES (1)")
                try db.exec("INSERT INTO t VALUES (1)")
            }
        }
        try db.transaction { () throws(PGError) in try db.exec("INSERT INTO t VALUES (2)") }
        #expect(try server.query("SELECT string_agg(n::text, ',') FROM t", database: database.name) == "2\n")
    }

    @Test func aStatementErrorCarriesTheServersWordsAndState() throws {
        let db = try connect(server.freshDatabase())
        do {
            try db.exec("SELECT * FROM nowhere")
            Issue.record("the statement ran")
        } catch {
            #expect(error.kind == .statement)
            #expect(error.sqlState == "42P01")
            #expect(error.description.contains("relation \"nowhere\" does not exist"))
        }
    }

    @Test func aListenerHearsANotificationFromAnotherConnection() throws {
        let database = server.freshDatabase()
        let listener = try connect(database)
        try listener.listen("crmtop_changes")
        #expect(try listener.nextNotification(timeout: 0) == nil)
        let writer = try connect(database)
        try writer.exec("SELECT pg_notify('crmtop_changes', $1)", ["42"])
        let note = try #require(try listener.nextNotification(timeout: 30))
        #expect(note.channel == "crmtop_changes")
        #expect(note.payload == "42")
    }

    @Test func aWrongPasswordIsSaidSoAndNeverPrinted() throws {
        let database = server.freshDatabase()
        let text = server.url(database: database.name, user: TestServer.passwordRole, password: "not-the-Passw0rd")
        let error = try connectionError(text)
        #expect(error.kind == .wrongPassword)
        #expect(error.description.hasPrefix("\(server.directory): the server refused the password for role crmtop_pw"))
        #expect(error.description.contains("password authentication failed"))
        #expect(!error.description.contains("not-the-Passw0rd"))
        // The right one gets in, so it was the password and nothing else.
        let right = server.url(database: database.name, user: TestServer.passwordRole, password: TestServer.password)
        #expect(try PGConnection(address(right)).exec("SELECT current_user").scalar == TestServer.passwordRole)
    }

    @Test func aMissingDatabaseIsSaidSo() throws {
        let error = try connectionError(server.url(database: "no_such_db"))
        #expect(error.kind == .missingDatabase)
        #expect(error.message == "there is no database no_such_db; create it (createdb) and run `crmtop store init`")
        #expect(error.detail.contains("database \"no_such_db\" does not exist"))
    }

    @Test func aRoleWithoutRightsIsSaidSo() throws {
        let database = server.freshDatabase()
        _ = try? server.admin("CREATE ROLE crmtop_outsider LOGIN")
        try server.admin("REVOKE CONNECT ON DATABASE \(database.name) FROM PUBLIC")
        let error = try connectionError(server.url(database: database.name, user: "crmtop_outsider"))
        #expect(error.kind == .noRights)
        #expect(error.message == "role crmtop_outsider may not connect to database \(database.name)")
        let unknown = try connectionError(server.url(database: database.name, user: "crmtop_nobody"))
        #expect(unknown.kind == .unknownRole)
    }

    @Test func aStatementTheRoleMayNotRunIsSaidSo() throws {
        let database = server.freshDatabase()
        try server.admin("CREATE TABLE secret (n int)", database: database.name)
        _ = try? server.admin("CREATE ROLE crmtop_reader LOGIN")
        let reader = try PGConnection(address(server.url(database: database.name, user: "crmtop_reader")))
        do {
            try reader.exec("SELECT * FROM secret")
            Issue.record("the role read the table")
        } catch {
            #expect(error.kind == .noRights)
            #expect(error.description.contains("permission denied for table secret"))
        }
    }

    @Test func noServerAtTheSocketIsSaidSo() throws {
        let error = try connectionError("postgresql:///crmtop?host=/nonexistent-socket-dir")
        #expect(error.kind == .unreachable)
        #expect(error.description.hasPrefix("/nonexistent-socket-dir: no PostgreSQL server answers there"))
    }

    /// A socket that accepts connections and never answers: libpq gives up at the URL's
    /// connect_timeout instead of waiting for ever.
    @Test func theConnectTimeoutIsHonoured() throws {
        let dir = try Shell.run("mktemp -d /tmp/crmtop-mute-XXXXXX").trimmingCharacters(in: .whitespacesAndNewlines)
        defer { _ = try? Shell.run("rm -rf '\(dir)'") }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = dir + "/.s.PGSQL.5432"
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(listen(fd, 8) == 0)
        let error = try connectionError("postgresql:///crmtop?host=\(dir)&connect_timeout=2")
        #expect(error.kind == .timedOut)
        #expect(error.message == "the server did not answer within the connect timeout")
    }
}

extension PGConnectionTests {
    /// A URL without a password finds it where PostgreSQL users keep it: libpq reads the
    /// password file itself (PGPASSFILE, else ~/.pgpass). Setting PGPASSFILE for the whole
    /// process touches no other test: a password file is read only when the server asks for
    /// a password the URL does not give, and only this role is asked.
    @Test func thePasswordFileIsRead() throws {
        let database = server.freshDatabase()
        let file = server.directory + "/pgpass-\(UUID().uuidString)"
        try "*:*:*:\(TestServer.passwordRole):\(TestServer.password)\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        setenv("PGPASSFILE", file, 1)
        let db = try PGConnection(address(server.url(database: database.name, user: TestServer.passwordRole)))
        #expect(try db.exec("SELECT current_user").scalar == TestServer.passwordRole)
    }
}
