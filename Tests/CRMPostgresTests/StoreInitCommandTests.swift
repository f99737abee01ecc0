import CRMCLI
import CRMPostgres
import Foundation
import Testing

/// `crmtop store init URL` as a user runs it: what it prints, its exit code, and the schema
/// it leaves in the database.
@Suite struct StoreInitCommandTests {
    let server = TestServer.shared

    func crmtop(_ args: String...) -> (code: Int32, out: String, err: String) {
        let console = Console(environment: [:], capture: true)
        let code = Console.$current.withValue(console) { CRMTop.run(arguments: args) }
        return (code, console.out, console.err)
    }

    @Test func initCreatesTheSchemaThenSaysItIsUpToDate() throws {
        let database = server.freshDatabase()
        let url = server.url(database: database.name, user: TestServer.passwordRole, password: TestServer.password)
        try server.admin("GRANT CREATE ON SCHEMA public TO \(TestServer.passwordRole)", database: database.name)
        let masked = url.replacingOccurrences(of: ":\(TestServer.password)@", with: ":***@")
        let first = crmtop("store", "init", url)
        #expect(first.code == 0, "\(first.err)")
        #expect(first.out == "Created crmtop's schema (version \(PostgresSchema.version)) in \(masked).\n")
        #expect(try server.query("SELECT version FROM crmtop_schema", database: database.name) == "\(PostgresSchema.version)\n")
        let again = crmtop("store", "init", "--json", url)
        #expect(again.code == 0)
        #expect(again.out.contains("\"outcome\": \"up_to_date\""))
        #expect(again.out.contains(masked))
        #expect(!(first.out + again.out).contains(TestServer.password))
    }

    @Test func aWrongPasswordExitsOneWithItsMessageAndNeverThePassword() {
        let database = server.freshDatabase()
        let run = crmtop("store", "init", server.url(database: database.name, user: TestServer.passwordRole,
                                                     password: "Wr0ng-guess"))
        #expect(run.code == 1)
        #expect(run.err.contains("store init: \(server.directory): the server refused the password for role crmtop_pw"))
        #expect(!(run.out + run.err).contains("Wr0ng-guess"))
    }

    @Test func aNewerSchemaIsLeftAsItIs() throws {
        let database = server.freshDatabase()
        #expect(crmtop("store", "init", database.url).code == 0)
        try server.admin("UPDATE crmtop_schema SET version = 7", database: database.name)
        let run = crmtop("store", "init", database.url)
        #expect(run.code == 1)
        #expect(run.err.contains("crmtop schema version 7, newer than this crmtop understands"))
        #expect(try server.query("SELECT version FROM crmtop_schema", database: database.name) == "7\n")
    }

    @Test func aDirectoryIsNotSomethingToInitialise() {
        let run = crmtop("store", "init", "/tmp/some-data")
        #expect(run.code == 1)
        #expect(run.err.contains("/tmp/some-data is a directory; a data directory needs no set-up, give a postgresql:// URL"))
    }
}
