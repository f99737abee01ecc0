#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A throwaway PostgreSQL server for this test process, as a user's machine would have one:
/// `initdb` into a temporary directory, `pg_ctl start` listening on a unix socket in that
/// directory only (no TCP port, so parallel test runs never collide), stopped when the
/// process exits. PostgreSQL refuses to run as root, so as root the server runs as the
/// `postgres` user and owns its directory.
///
/// The cluster's `pg_hba.conf` lets every role in without a password except
/// `passwordRole`, which must give `password`: the tests of a wrong password need one role
/// that asks.
final class TestServer: Sendable {
    static let passwordRole = "crmtop_pw"
    static let password = "s3cret-Passw0rd"
    static let superuser = "postgres"

    /// Started on first use; every test in the process shares it.
    static let shared: TestServer = {
        do { return try TestServer() } catch { fatalError("cannot start the test PostgreSQL server: \(error)") }
    }()

    /// Holds the socket, the cluster and the server's log.
    let directory: String
    let binaries: String
    private let counter = Counter()

    private init() throws {
        binaries = try Self.findBinaries()
        var template = Array("/tmp/crmtop-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Shell.Failure("mkdtemp: \(String(cString: strerror(errno)))") }
        directory = String(cString: made)
        let runAs = getuid() == 0 ? Self.superuser : nil
        if runAs != nil, let owner = getpwnam(Self.superuser) {
            chown(directory, owner.pointee.pw_uid, owner.pointee.pw_gid)
        }
        let data = directory + "/data"
        try Self.run("\(binaries)/initdb -D '\(data)' -U \(Self.superuser) -A trust -E UTF8 --locale=C.UTF-8",
                     as: runAs)
        try Self.writeAccessRules(to: data + "/pg_hba.conf", as: runAs)
        // Durability is not what these tests test; without fsync each test's database is quick.
        let options = "-c listen_addresses='' -k '\(directory)' -c fsync=off -c synchronous_commit=off"
        try Self.run("\(binaries)/pg_ctl -D '\(data)' -l '\(directory)/server.log' -w -o \"\(options)\" start",
                     as: runAs)
        TestServer.stopCommand = Self.command("\(binaries)/pg_ctl -D '\(data)' -m immediate stop >/dev/null 2>&1; "
                                              + "rm -rf '\(directory)'", as: runAs)
        Self.watch(parent: getpid())
        atexit { TestServer.stop() }
        try admin("CREATE ROLE \(Self.passwordRole) LOGIN PASSWORD '\(Self.password)'")
    }

    /// One test's database: its name, and its URL over the socket as the superuser.
    struct Database {
        var name: String
        var url: String
    }

    /// A new, empty database for one test, owned by the superuser.
    func freshDatabase() -> Database {
        let name = "t\(counter.next())_\(getpid())"
        do { try admin("CREATE DATABASE \(name)") } catch { fatalError("\(error)") }
        return Database(name: name, url: url(database: name))
    }

    func url(database: String, user: String = TestServer.superuser, password: String? = nil) -> String {
        let secret = password.map { ":" + $0 } ?? ""
        return "postgresql://\(user)\(secret)@/\(database)?host=\(directory)"
    }

    /// Runs SQL as the superuser with psql, outside the code under test.
    func admin(_ sql: String, database: String = "postgres") throws {
        try Self.run("\(binaries)/psql -X -q -v ON_ERROR_STOP=1 -h '\(directory)' -U \(Self.superuser) "
                     + "-d \(database) -c \"\(sql)\"", as: nil)
    }

    /// psql's unaligned output of one query, for checking what the code under test wrote.
    func query(_ sql: String, database: String) throws -> String {
        try Self.run("\(binaries)/psql -X -A -t -v ON_ERROR_STOP=1 -h '\(directory)' -U \(Self.superuser) "
                     + "-d \(database) -c \"\(sql)\"", as: nil)
    }

    // MARK: - Starting and stopping

    nonisolated(unsafe) private static var stopCommand: String?

    private static func stop() {
        guard let command = stopCommand else { return }
        stopCommand = nil
        _ = try? run(command, as: nil)
    }

    /// Stops the server if this process dies without running `atexit` (a crash, SIGKILL).
    private static func watch(parent: pid_t) {
        guard let command = stopCommand else { return }
        try? Shell.start("while kill -0 \(parent) 2>/dev/null; do sleep 1; done; \(command)")
    }

    /// The directory of initdb and pg_ctl: Debian keeps them out of PATH, under the version.
    private static func findBinaries() throws -> String {
        var candidates: [String] = []
        if let bindir = try? run("pg_config --bindir 2>/dev/null", as: nil) {
            candidates.append(bindir.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") })
        else { throw Shell.Failure("no initdb in \(candidates); install the postgresql package") }
        return found
    }

    /// Password for one role, trust for the rest; over the socket only, since nothing listens on TCP.
    private static func writeAccessRules(to path: String, as user: String?) throws {
        let rules = "local all \(passwordRole) scram-sha-256\nlocal all all trust\n"
        try run("printf '\(rules.replacingOccurrences(of: "\n", with: "\\n"))' > '\(path)'", as: user)
    }

    private static func command(_ command: String, as user: String?) -> String {
        guard let user else { return command }
        return "su \(user) -s /bin/sh -c '\(command.replacingOccurrences(of: "'", with: "'\\''"))'"
    }

    @discardableResult
    private static func run(_ line: String, as user: String?) throws -> String {
        try Shell.run(command(line, as: user))
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }
}
