import Foundation
import Testing

/// A command writes nothing that `check` would then report: it refuses, naming the option
/// and what there is, or creates what is missing when told to and says so.
@Suite struct CheckAgreementTests {
    @Test func aPersonInATeamThatIsNotThereIsRefused() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["person", "add", "nora2", "--role", "agent", "--team", "nosuchteam"])
        #expect(run.code == 1)
        #expect(run.err == "crmtop: --team: \"nosuchteam\" is not a team in people.json (teams: sales, support); "
            + "add it with --create-team\n")
        #expect(!dir.run(["person", "list"]).out.contains("nora2"))
        #expect(dir.run(["check"]).code == 0)
    }

    @Test func createTeamAddsTheTeamAndSaysSo() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["person", "add", "nora2", "--role", "agent", "--team", "nordics", "--create-team"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out == "nora2\n")
        #expect(run.err == "crmtop: note: added team nordics\n")
        let check = dir.run(["check"])
        #expect(check.code == 0, "\(check.out)")
        let again = dir.run(["person", "add", "nora3", "--role", "agent", "--team", "nordics", "--create-team"])
        #expect(again.code == 0 && again.err.isEmpty, "\(again.err)")
    }

    @Test func escalationRefusesSomeoneWhoIsNeitherPersonNorRole() throws {
        let dir = try DemoDirectory()
        let before = dir.run(["escalation", "list"]).out
        let run = dir.run(["escalation", "set", "--level", "4", "--after", "breach+4h", "--notify", "ghostperson"])
        #expect(run.code == 1)
        #expect(run.err.hasPrefix("crmtop: --notify: \"ghostperson\" is neither a person nor a role (roles: owner, team-lead, "
            + "head-of-support, senior-management, sales-rep, support-agent; people: maria, jonas"), "\(run.err)")
        #expect(dir.run(["escalation", "list"]).out == before)
        #expect(dir.run(["check"]).code == 0)
    }

    /// `check` counts the roles people have as roles to notify; so does the command.
    @Test func escalationTakesARoleSomeoneHas() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["escalation", "set", "--level", "4", "--after", "breach+4h", "--notify", "support-agent"])
        #expect(run.code == 0 && run.err.isEmpty, "\(run.err)")
    }

    static let tasks = "title,due\r\nCall Acme,2026-11-30 10:00\r\nSend the offer,2026-12-01 09:00\r\n"

    @Test func anImportWhoseDefaultOwnerIsNobodyIsRefusedAtTheFirstRow() throws {
        let dir = try EmptyDirectory()
        let path = dir.url.appendingPathComponent("tasks.csv").path
        try Self.tasks.write(toFile: path, atomically: true, encoding: .utf8)
        let run = dir.run(["import", path, "--user", "ann"])
        #expect(run.code == 1)
        #expect(run.err.contains("tasks.csv:2: owners: \"ann\" (the user, as the row names no owner) is not a person "
            + "in people.json (there are no people yet); add them with crmtop person add, or import with --create-people"),
                "\(run.err)")
        #expect(dir.run(["reminder", "list", "--all", "--user", "ann"]).out.contains("Call Acme") == false)
    }

    @Test func createPeopleAddsTheMissingOwnersAndCheckIsClean() throws {
        let dir = try EmptyDirectory()
        let path = dir.url.appendingPathComponent("tasks.csv").path
        try Self.tasks.write(toFile: path, atomically: true, encoding: .utf8)
        let run = dir.run(["import", path, "--user", "ann", "--create-people"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err.contains("crmtop: note: added 1 person not in people.json, with role agent: ann"), "\(run.err)")
        let people = try objects(dir.run(["person", "list", "--json"]))
        #expect(people.map { $0["id"] as? String } == ["ann"])
        #expect(people.first?["role"] as? String == "agent")
        let check = dir.run(["check"])
        #expect(check.code == 0, "\(check.out)")
    }

    @Test func ownersNamedInTheFileAreCreatedUnderAHandleMadeFromTheirName() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("t.csv", "id,title,due,owner\r\nx1,Call,2026-11-30 10:00,Nobody Known\r\n"
            + "x2,Write,2026-11-30 11:00,nobody known\r\nx3,Visit,2026-11-30 12:00,zoe@example.com\r\n")
        let refused = dir.run(["import", path])
        #expect(refused.code == 1)
        #expect(refused.err.contains("t.csv:2: owner (owners): \"Nobody Known\" is not a person in people.json (people: maria,"),
                "\(refused.err)")
        let run = dir.run(["import", path, "--create-people", "--json"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err.contains("note: added 2 people not in people.json, with role agent: nobody-known, zoe"), "\(run.err)")
        #expect(try dir.reminderJSON("R-1031")["owners"] as? [String] == ["nobody-known"])
        #expect(try dir.reminderJSON("R-1032")["owners"] as? [String] == ["nobody-known"])
        let people = try objects(dir.run(["person", "list", "--json"]))
        #expect(people.first { $0["id"] as? String == "nobody-known" }?["name"] as? String == "Nobody Known")
        #expect(dir.run(["check"]).code == 0)
    }

    @Test func aCaseImportRecordsWhoImportedItWhoMustBeSomeone() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("t.csv", "id,title,customer,opened\r\nT-1,Printer on fire,Acme,2026-11-23 09:00\r\n")
        let refused = dir.run(["import", path, "--kind", "cases"], user: "ann")
        #expect(refused.code == 1)
        #expect(refused.err.contains("t.csv:2: history: \"ann\" (the user, whom the case's history names as importing it) "
            + "is not a person in people.json"), "\(refused.err)")
        let run = dir.run(["import", path, "--kind", "cases", "--create-people"], user: "ann")
        #expect(run.code == 0, "\(run.err)")
        #expect(dir.run(["check"]).code == 0)
    }

    @Test func activitiesOfSomeoneNewAreRefusedOrCreateThem() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("calls.csv", "person,kpi,at\r\nNew Hire,calls,2026-11-23 09:30\r\n")
        let refused = dir.run(["import", path, "--kind", "activities"])
        #expect(refused.code == 1)
        #expect(refused.err.contains("calls.csv:2: person: \"New Hire\" is not a person in people.json"), "\(refused.err)")
        let run = dir.run(["import", path, "--kind", "activities", "--create-people"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err.contains("added 1 person not in people.json, with role agent: new-hire"), "\(run.err)")
        #expect(dir.run(["check"]).code == 0)
    }

    @Test func aDryRunSaysWhoWouldBeAddedAndAddsNobody() throws {
        let dir = try EmptyDirectory()
        let path = dir.url.appendingPathComponent("tasks.csv").path
        try Self.tasks.write(toFile: path, atomically: true, encoding: .utf8)
        let run = dir.run(["import", path, "--user", "ann", "--create-people", "--dry-run"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err.contains("crmtop: note: would add 1 person not in people.json, with role agent: ann"), "\(run.err)")
        #expect(dir.run(["person", "list", "--json"]).out == "[]\n")
    }
}

/// `check` points at the field, also for people a journalled change wrote.
@Suite struct CheckPositionTests {
    @Test func aJournalledPersonIsReportedWhereTheJournalHasTheField() throws {
        let dir = try DemoDirectory()
        #expect(dir.run(["person", "add", "nora2", "--role", "agent", "--team", "sales"]).code == 0)
        let journal = dir.url.appendingPathComponent("journal.jsonl")
        // A hand edit, as check exists to find.
        let text = try String(contentsOf: journal, encoding: .utf8)
            .replacingOccurrences(of: #""team":"sales""#, with: #""team":"nosuchteam""#)
        try text.write(to: journal, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let n = try #require(lines.firstIndex { $0.contains("nosuchteam") })
        let column = lines[n].distance(from: lines[n].startIndex, to: try #require(lines[n].range(of: #""nosuchteam""#)).lowerBound) + 1

        let run = dir.run(["check"])
        #expect(run.code == 1)
        #expect(run.out == "\(dir.path)/journal.jsonl:\(n + 1):\(column): person.team: \"nosuchteam\" is not a team in people.json\n",
                "\(run.out)")
    }

    @Test func aPersonTheJournalChangedIsReportedThereToo() throws {
        let dir = try DemoDirectory()
        let people = try dir.file("people.csv", "id,team\r\njonas,Support\r\n")
        #expect(dir.run(["import", people, "--kind", "people"]).code == 0)
        let journal = dir.url.appendingPathComponent("journal.jsonl")
        let text = try String(contentsOf: journal, encoding: .utf8)
            .replacingOccurrences(of: #""manager":"maria""#, with: #""manager":"boss""#)
        try text.write(to: journal, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let n = try #require(lines.firstIndex { $0.contains(#""boss""#) })

        let run = dir.run(["check"])
        #expect(run.code == 1)
        #expect(run.out.hasPrefix("\(dir.path)/journal.jsonl:\(n + 1):"), "\(run.out)")
        #expect(run.out.hasSuffix(": person.manager: \"boss\" is not a person in people.json\n"), "\(run.out)")
    }
}
