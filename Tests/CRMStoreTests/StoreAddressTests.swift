import Foundation
import Testing
import CRMStore

/// `--data` names a directory or a PostgreSQL database; messages never show a password.
@Suite struct StoreAddressTests {
    func postgres(_ text: String) throws -> PostgresURL {
        guard case .postgres(let url) = try StoreAddress(text) else {
            Issue.record("\(text) was not taken for a database")
            throw StoreAddressError(address: text, message: "not a database")
        }
        return url
    }

    @Test func aPathIsADirectory() throws {
        #expect(try StoreAddress("/srv/crm/data") == .directory(URL(fileURLWithPath: "/srv/crm/data")))
        #expect(try StoreAddress("data") == .directory(URL(fileURLWithPath: "data")))
        #expect(try StoreAddress("/srv/crm/data").description == "/srv/crm/data")
    }

    @Test func aFullURLGivesEveryPart() throws {
        let url = try postgres("postgresql://ana:pa%40ss@db.example.com:6432/crm%20team?sslmode=verify-full&connect_timeout=5")
        #expect(url.user == "ana")
        #expect(url.password == "pa@ss")
        #expect(url.hosts.map(\.host) == ["db.example.com"])
        #expect(url.hosts.map(\.port) == [6432])
        #expect(url.databaseName == "crm team")
        #expect(url.parameter("sslmode") == "verify-full")
        #expect(url.parameter("connect_timeout") == "5")
        #expect(url.server == "db.example.com:6432")
        #expect(url.masked == "postgresql://ana:***@db.example.com:6432/crm%20team?sslmode=verify-full&connect_timeout=5")
    }

    @Test func theShortSchemeAndIPv6HostsAndSeveralHosts() throws {
        let url = try postgres("postgres://ana@[::1]:5433,backup.example.com/crm")
        #expect(url.hosts.map(\.host) == ["::1", "backup.example.com"])
        #expect(url.hosts.map(\.port) == [5433, nil])
        #expect(url.password == nil)
        #expect(url.server == "::1:5433,backup.example.com")
        #expect(url.masked == "postgres://ana@[::1]:5433,backup.example.com/crm")
    }

    @Test func theUnixSocketForm() throws {
        let url = try postgres("postgresql:///crmtop?host=/run/postgresql")
        #expect(url.hosts.isEmpty)
        #expect(url.databaseName == "crmtop")
        #expect(url.server == "/run/postgresql")
        #expect(try postgres("postgresql:///crmtop").server == "the local socket")
    }

    @Test func aPasswordParameterIsMaskedToo() throws {
        let url = try postgres("postgresql://db/crm?user=ana&password=hunter2&sslmode=require")
        #expect(url.masked == "postgresql://db/crm?user=ana&password=***&sslmode=require")
        #expect(try StoreAddress(url.text).description == url.masked)
        #expect(!url.masked.contains("hunter2"))
    }

    @Test func badURLsAreRefusedWithThePasswordMasked() {
        let cases: [(String, String)] = [
            ("postgresql://ana:hunter2@db:99999/crm", "the port must be a number from 1 to 65535, not \"99999\""),
            ("postgresql://ana:hunter2@db/crm?sslmode=sometimes", "sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full, not \"sometimes\""),
            ("postgresql://ana:hunter2@db/crm?connect_timeout=soon", "connect_timeout must be a whole number of seconds, not \"soon\""),
            ("postgresql://ana:hunter2@db/crm?sslmode", "\"sslmode\" in the query needs a value (name=value)"),
            ("postgresql://ana:hunter2@db/cr%zzm", "the database name has a bad %-escape"),
        ]
        for (text, message) in cases {
            #expect(throws: StoreAddressError(address: PostgresURLMask.mask(text), message: message), "\(text)") {
                try StoreAddress(text)
            }
            do { _ = try StoreAddress(text) } catch { #expect(!error.description.contains("hunter2")) }
        }
    }

    @Test func anotherSchemeIsNotTakenForADirectory() {
        #expect(throws: StoreAddressError(address: "mysql://db/crm", message: "crmtop stores data in a directory or "
            + "in PostgreSQL (postgresql://…); \"mysql://\" is neither")) { try StoreAddress("mysql://db/crm") }
        #expect(throws: StoreAddressError(address: "", message: "the data address is empty")) { try StoreAddress("") }
    }
}

/// The masked form every message uses, spelled out for the expectations above.
enum PostgresURLMask {
    static func mask(_ text: String) -> String { text.replacingOccurrences(of: ":hunter2@", with: ":***@") }
}
