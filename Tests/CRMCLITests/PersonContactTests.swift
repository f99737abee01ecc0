import CRMCLI
import Foundation
import Testing

/// People's e-mail addresses and chat handles: set on the command line, kept in people.json,
/// read from a CRM's user export, listed, and checked wherever they come from.
@Suite struct PersonContactTests {
    @Test func addEditAndListAddresses() throws {
        let dir = try DemoDirectory()
        let added = dir.run(["person", "add", "lea", "--role", "agent", "--email", "lea@example.com", "--chat", "@lea"])
        #expect(added.code == 0, "\(added.err)")
        let people = try objects(dir.run(["person", "list", "--json"]))
        let lea = try #require(people.first { $0["id"] as? String == "lea" })
        #expect(lea["email"] as? String == "lea@example.com" && lea["chat"] as? String == "@lea")
        // Someone without either has neither field.
        #expect(people.first { $0["id"] as? String == "priya" }?.keys.contains("email") == false)
        let text = dir.run(["person", "list"]).out
        #expect(text.split(separator: "\n")[0].hasSuffix("EMAIL            CHAT"), "\(text)")
        #expect(text.contains("lea@example.com  @lea"), "\(text)")

        #expect(dir.run(["person", "edit", "lea", "--email", "lea.park@example.com"]).code == 0)
        #expect(dir.run(["person", "edit", "lea", "--chat", ""]).code == 0)
        let edited = try #require(try objects(dir.run(["person", "list", "--json"])).first { $0["id"] as? String == "lea" })
        #expect(edited["email"] as? String == "lea.park@example.com")
        #expect(edited["chat"] == nil)
        #expect(edited["role"] as? String == "agent")
    }

    @Test func aBadAddressIsRefusedByOption() throws {
        let dir = try DemoDirectory()
        let before = try String(contentsOf: dir.url.appendingPathComponent("people.json"), encoding: .utf8)
        let add = dir.run(["person", "add", "lea", "--role", "agent", "--email", "lea.example.com"])
        #expect(add.code != 0)
        #expect(add.err.contains("--email: \"lea.example.com\" is not an e-mail address: it needs one @"), "\(add.err)")
        let edit = dir.run(["person", "edit", "priya", "--chat", "@priya s"])
        #expect(edit.code != 0)
        #expect(edit.err.contains("--chat: must have no spaces or control characters"), "\(edit.err)")
        #expect(dir.run(["person", "edit", "nobody", "--email", "a@b"]).err.contains("no person nobody"))
        #expect(try String(contentsOf: dir.url.appendingPathComponent("people.json"), encoding: .utf8) == before)
    }

    /// people.json written by hand: the bad address is named by file, field and position.
    @Test func aBadAddressInPeopleJSONIsNamedWhereItIs() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            {"version": 2, "people": [
              {"id": "maria", "name": "Maria", "role": "sales", "email": "maria@example.com"},
              {"id": "jonas", "name": "Jonas", "role": "sales", "email": "jonas"}]}
            """.write(to: dir.appendingPathComponent("people.json"), atomically: true, encoding: .utf8)
        let run = crmtop("person", "list", "--data", dir.path)
        #expect(run.code == 1)
        #expect(run.err.contains("people.json"), "\(run.err)")
        #expect(run.err.contains("people[1].email"), "\(run.err)")
        #expect(run.err.contains("people.json:3:62: people[1].email: "), "\(run.err)")
        #expect(run.err.contains("\"jonas\" is not an e-mail address"), "\(run.err)")
    }

    /// A CRM's user export already has the addresses; the import keeps them, and refuses a row
    /// whose address has no @, by line.
    @Test func importingAUserListKeepsTheAddresses() throws {
        let dir = try DemoDirectory()
        let csv = dir.url.appendingPathComponent("users.csv")
        try "Full Name,E-mail,Profile,Slack\nLea Park,lea@example.com,Agent,@lea\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let run = dir.run(["import", csv.path, "--kind", "people"])
        #expect(run.code == 0, "\(run.err)")
        let lea = try #require(try objects(dir.run(["person", "list", "--json"])).first { $0["id"] as? String == "lea" })
        #expect(lea["email"] as? String == "lea@example.com" && lea["chat"] as? String == "@lea")

        try "Full Name,E-mail,Profile\nLea Park,lea@example.com,Agent\nNoah Fox,noah@example.com,Agent\nMia,mia(at)example.com,Agent\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let bad = dir.run(["import", csv.path, "--kind", "people"])
        #expect(bad.code != 0)
        #expect(bad.err.contains("users.csv:4: E-mail (email): "), "\(bad.err)")
        #expect(bad.err.contains("\"mia(at)example.com\" is not an e-mail address"), "\(bad.err)")
        #expect(try objects(dir.run(["person", "list", "--json"])).contains { $0["id"] as? String == "noah" } == false)
    }
}
