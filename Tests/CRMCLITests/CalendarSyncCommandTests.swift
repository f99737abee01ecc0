import CalDAVTestServer
import CRMCLI
import Foundation
import Testing

/// CalDAV accounts from the command line, checked against a real Radicale on loopback.
@Suite struct CalendarSyncCommandTests {
    let server: RadicaleServer
    let secrets: URL

    init() throws {
        server = try RadicaleServer.shared.get()
        secrets = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-logins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: secrets, withIntermediateDirectories: true)
    }

    /// A file holding `password`, with `mode`.
    func passwordFile(_ password: String, mode: Int) throws -> String {
        let file = secrets.appendingPathComponent(UUID().uuidString).path
        try (password + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, mode_t(mode))
        return file
    }

    func add(_ dir: DemoDirectory, _ name: String, url: URL? = nil, _ password: [String], extra: [String] = []) -> Run {
        dir.run(["calendar-sync", "add", name, "--url", (url ?? server.base).absoluteString, "--username", "alice"]
                + password + extra, user: "maria")
    }

    @Test func anAccountIsCheckedStoredListedAndRemovedWithoutItsPassword() throws {
        let dir = try DemoDirectory()
        let calendar = try server.makeCalendar(for: "alice")
        let file = try passwordFile("secret", mode: 0o600)
        let added = add(dir, "work", ["--password-file", file])
        #expect(added.code == 0, "\(added.err)")
        #expect(added.out.hasPrefix("Added calendar account work for maria.\n"))
        #expect(added.out.contains(calendar.absoluteString), "\(added.out)")

        let list = dir.run(["calendar-sync", "list"])
        #expect(list.out.contains("work") && list.out.contains("file: \(file)") && list.out.contains("maria"), "\(list.out)")
        let record = try #require(try objects(dir.run(["calendar-sync", "list", "--json"])).first)
        #expect(record["name"] as? String == "work" && record["username"] as? String == "alice")
        #expect(record["password_file"] as? String == file && record["owner"] as? String == "maria")

        // Nowhere in the data directory, nor in anything printed.
        for (name, bytes) in try dataFiles(dir.url) {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("secret"), "\(name)")
        }
        #expect(!added.out.contains("secret") && !list.out.contains("secret"))

        let removed = dir.run(["calendar-sync", "remove", "work"])
        #expect(removed.code == 0 && removed.out == "Removed calendar account work.\n", "\(removed.err)")
        #expect(dir.run(["calendar-sync", "list"]).out == "No calendar accounts. Add one with crmtop calendar-sync add.\n")
        let again = dir.run(["calendar-sync", "remove", "work"])
        #expect(again.code == 1 && again.err.contains("no calendar account work"))
    }

    @Test func aPasswordFileOthersMayReadIsRefusedAndNothingIsStored() throws {
        let dir = try DemoDirectory()
        let file = try passwordFile("secret", mode: 0o644)
        let added = add(dir, "work", ["--password-file", file])
        #expect(added.code == 1)
        #expect(added.err.contains("may be read by others (mode 644)") && added.err.contains("chmod 600"), "\(added.err)")
        #expect(dir.run(["calendar-sync", "list", "--json"]).out.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test func aLoginTheServerRefusesIsNamedAndNothingIsStored() throws {
        let dir = try DemoDirectory()
        let added = add(dir, "work", ["--password-command", "echo not-the-password"])
        #expect(added.code == 1)
        #expect(added.err.contains("calendar account work") && added.err.contains("401"), "\(added.err)")
        #expect(!added.err.contains("not-the-password"))
        #expect(dir.run(["calendar-sync", "list", "--json"]).out.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test func aPasswordCommandThatFailsIsNamedWithItsStatus() throws {
        let dir = try DemoDirectory()
        let added = add(dir, "work", ["--password-command", "exit 3"])
        #expect(added.code == 1)
        #expect(added.err.contains("the password command failed (exit status 3)"), "\(added.err)")
    }

    @Test func noCheckStoresWithoutAskingTheServer() throws {
        let dir = try DemoDirectory()
        let gone = URL(string: "http://127.0.0.1:9/")!
        let added = add(dir, "later", url: gone, ["--password-command", "pass show nothing"], extra: ["--no-check", "--owner", "jonas"])
        #expect(added.code == 0, "\(added.err)")
        let record = try #require(try objects(dir.run(["calendar-sync", "list", "--json"])).first)
        #expect(record["owner"] as? String == "jonas" && record["password_command"] as? String == "pass show nothing")
    }

    @Test func badOptionsAreRefusedBeforeAnythingIsAsked() throws {
        let dir = try DemoDirectory()
        let login = add(dir, "x", url: URL(string: "https://maria:pw@dav.example.com/")!, ["--password-file", "f"])
        #expect(login.code == 2 && login.err.contains("must not carry a login"), "\(login.err)")
        let scheme = add(dir, "x", url: URL(string: "ftp://dav.example.com/")!, ["--password-file", "f"])
        #expect(scheme.code == 2 && scheme.err.contains("https://"), "\(scheme.err)")
        let neither = add(dir, "x", [])
        #expect(neither.code == 2 && neither.err.contains("--password-command or --password-file"), "\(neither.err)")
        let owner = add(dir, "x", ["--password-file", "f"], extra: ["--owner", "nobody-here"])
        #expect(owner.code == 1 && owner.err.contains("--owner: no person nobody-here"), "\(owner.err)")
        _ = add(dir, "dup", ["--password-file", "f"], extra: ["--no-check"])
        let twice = add(dir, "dup", ["--password-file", "f"], extra: ["--no-check"])
        #expect(twice.code == 1 && twice.err.contains("already a calendar account dup"), "\(twice.err)")
    }
}

@Suite struct CalendarAccountFileTests {
    /// An account written by hand with both password sources: refused at the line, the file
    /// left as it is.
    @Test func anAccountWithTwoPasswordSourcesIsRefusedAtItsLine() throws {
        let dir = try DemoDirectory()
        let file = dir.url.appendingPathComponent("settings.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        let account = #"""
            "calendar_sync": [
              {
                "name": "w", "url": "https://dav.example.com/", "username": "a", "owner": "maria",
                "password_command": "pass show w",
                "password_file": "/home/maria/.caldav"
              }
            ],
            """#
        text = text.replacingOccurrences(of: "{\n", with: "{\n" + account + "\n", options: [], range: text.range(of: "{\n"))
        try text.write(to: file, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("\"password_file\"") }! + 1
        let list = dir.run(["calendar-sync", "list"])
        #expect(list.code == 1)
        #expect(list.err.contains("settings.json:\(line):"), "\(list.err)")
        #expect(list.err.contains("calendar_sync[0].password_file: give password_command or password_file, not both"), "\(list.err)")
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }
}
