import CLibPQ
import Testing

/// The throwaway server the other tests stand on.
@Suite struct TestServerTests {
    @Test func eachTestGetsItsOwnEmptyDatabase() throws {
        let server = TestServer.shared
        let first = server.freshDatabase()
        let second = server.freshDatabase()
        #expect(first.name != second.name)
        try server.admin("CREATE TABLE marker (n int)", database: first.name)
        let tables = try server.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database: second.name)
        #expect(tables.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func listensOnItsSocketOnly() throws {
        let server = TestServer.shared
        let listen = try server.query("SHOW listen_addresses", database: server.freshDatabase().name)
        #expect(listen.trimmingCharacters(in: .whitespacesAndNewlines) == "")
    }
}

extension TestServerTests {
    /// The client library the store links is the one pkg-config found, and it is thread-safe,
    /// which the store's concurrent writers rely on.
    @Test func libpqIsLinkedAndThreadSafe() {
        #expect(PQlibVersion() >= 100000)
        #expect(PQisthreadsafe() == 1)
    }
}
