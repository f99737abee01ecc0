import Foundation
import Testing

@Suite struct CaseCSVImportTests {
    @Test func aHelpDeskExportOpensCasesOnceAndUpdatesThemAfter() throws {
        let dir = try DemoDirectory()
        let csv = try fixture("zendesk-tickets.csv")
        let path = try dir.file("tickets.csv", csv)
        let added = try #require(try dir.importSummary(path, ["--kind", "cases"])["added"])
        #expect(added.count == 4)

        let pdf = try object(dir.run(["case", "show", added[0], "--json"]))
        #expect(pdf["title"] as? String == "Cannot export invoices to PDF")
        #expect(pdf["customer"] as? String == "Nordwind Logistik")
        #expect(pdf["priority"] as? String == "high")
        #expect(pdf["status"] as? String == "open")
        #expect(pdf["owner"] as? String == "lucas")
        #expect(pdf["team"] as? String == "support")
        #expect(pdf["opened"] as? String == "2026-11-20T14:05:00+01:00")
        let sso = try object(dir.run(["case", "show", added[1], "--json"]))
        #expect(sso["status"] as? String == "pending-customer")
        #expect(sso["priority"] as? String == "urgent")
        // Waiting on the customer since the import: the clocks stand still from then on.
        let later = try object(dir.run(["case", "show", added[1], "--json"], at: "2026-11-23T14:00:00+01:00"))
        let elapsed = { (c: [String: Any]) in try #require(c["sla"] as? [[String: Any]]).map { $0["elapsed_seconds"] as? Int } }
        #expect(try elapsed(later) == (try elapsed(sso)))
        #expect(try elapsed(object(dir.run(["case", "show", added[0], "--json"], at: "2026-11-23T14:00:00+01:00")))
                != (try elapsed(pdf)))
        let plan = try object(dir.run(["case", "show", added[2], "--json"]))
        #expect(plan["status"] as? String == "resolved")
        #expect(plan["owner"] is NSNull)
        let vat = try object(dir.run(["case", "show", added[3], "--json"]))
        #expect(vat["title"] as? String == "Wrong VAT on invoice \"2026-1102\"")
        #expect(vat["customer"] as? String == "Müller, Schmidt & Partner")
        let history = try #require(vat["history"] as? [[String: Any]])
        #expect(history.contains { $0["action"] as? String == "imported" && $0["detail"] as? String == "from tickets.csv" })

        #expect(try dir.importSummary(path, ["--kind", "cases"])["unchanged"] == added)
        let reassigned = try dir.file("tickets.csv", csv.replacingOccurrences(of: "\"Lucas Moreau\"", with: "\"Sofia Rossi\""))
        let dry = dir.run(["import", reassigned, "--kind", "cases", "--dry-run"])
        #expect(dry.out.contains("would be updated 1: \(added[0])\n  \(added[0]): owner: lucas → sofia\n"), "\(dry.out)")
        #expect(try object(dir.run(["case", "show", added[0], "--json"]))["owner"] as? String == "lucas")
        #expect(try dir.importSummary(reassigned, ["--kind", "cases"])["updated"] == [added[0]])
        #expect(try object(dir.run(["case", "show", added[0], "--json"]))["owner"] as? String == "sofia")
    }

    @Test func aBadRowNamesItsLineAndColumnAndNothingIsWritten() throws {
        let dir = try DemoDirectory()
        let before = dir.run(["export", "--format", "json", "--kind", "cases"]).out
        let bad = try fixture("zendesk-tickets.csv").replacingOccurrences(of: "\"Urgent\"", with: "\"Whenever\"")
        let run = dir.run(["import", try dir.file("tickets.csv", bad), "--kind", "cases"])
        #expect(run.code == 1)
        #expect(run.err.contains("tickets.csv:3: Priority: \"Whenever\" is not urgent, high, normal or low"), "\(run.err)")
        #expect(dir.run(["export", "--format", "json", "--kind", "cases"]).out == before)
    }

    @Test func aSolvedTicketNeedsItsSolvedTime() throws {
        let dir = try DemoDirectory()
        let bad = try fixture("zendesk-tickets.csv").replacingOccurrences(of: "\"2026-11-19 10:02\"", with: "\"\"")
        let run = dir.run(["import", try dir.file("tickets.csv", bad), "--kind", "cases"])
        #expect(run.code == 1)
        #expect(run.err.contains("tickets.csv:4: Solved at (resolved_at): missing; a resolved case needs the time it was resolved"), "\(run.err)")
    }

    @Test func columnsAreMappedAndANewCaseNeedsACustomer() throws {
        let dir = try DemoDirectory()
        let csv = "Ticket Ref,Headline,Raised\r\nT-9,Printer on fire,2026-11-23 09:00\r\n"
        let path = try dir.file("t.csv", csv)
        let run = dir.run(["import", path, "--kind", "cases", "--map", "Ticket Ref=external_id", "--map", "Headline=title",
                           "--map", "Raised=opened"])
        #expect(run.code == 1)
        #expect(run.err.contains("t.csv:2: customer: missing; a new case needs it"), "\(run.err)")
        let mapped = try dir.importSummary(try dir.file("t.csv", "Ticket Ref,Headline,Raised,Client\r\n"
            + "T-9,Printer on fire,2026-11-23 09:00,Acme GmbH\r\n"),
            ["--kind", "cases", "--map", "Ticket Ref=external_id", "--map", "Headline=title", "--map", "Raised=opened"])
        #expect(mapped["added"]?.count == 1)
    }
}

@Suite struct CaseJSONProblemTests {
    @Test func aBadValueNamesItsLineAndColumn() throws {
        let dir = try DemoDirectory()
        let json = """
            {"version": 2, "cases": [
              {"id": "T-1", "title": "Printer on fire", "customer": "Acme",
               "priority": "soon", "opened": "2026-11-23T09:00:00+01:00"}]}
            """
        let run = dir.run(["import", try dir.file("t.json", json), "--kind", "cases"])
        #expect(run.code == 1)
        #expect(run.err.contains("t.json:3:16: priority: expected one of urgent, high, normal, low"), "\(run.err)")
    }
}

@Suite struct PeopleImportTests {
    @Test func aUserListAddsPeopleTeamsAndManagers() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("users.csv", try fixture("crm-users.csv"))
        let summary = try dir.importSummary(path, ["--kind", "people"])
        // Handles come from the e-mail addresses; Kenji's names the person already known.
        #expect(summary["added"] == ["team customer-success", "lena.fischer", "tom.berg", "ana.costa"], "\(summary)")
        // Kenji's only change is the address the list gives him.
        #expect(summary["updated"] == ["kenji"], "\(summary)")

        let people = try objects(dir.run(["person", "list", "--json"]))
        func person(_ id: String) -> [String: Any]? { people.first { $0["id"] as? String == id } }
        let lena = try #require(person("lena.fischer"))
        #expect(lena["name"] as? String == "Lena Fischer")
        #expect(lena["role"] as? String == "sales-rep")
        #expect(lena["team"] as? String == "sales")
        #expect(lena["manager"] as? String == "maria")
        #expect(lena["email"] as? String == "lena.fischer@example.com")
        #expect(person("tom.berg")?["manager"] as? String == "ana.costa")
        #expect(person("tom.berg")?["team"] as? String == "customer-success")
        #expect(person("ana.costa")?["manager"] as? String == "ingrid")

        #expect(try dir.importSummary(path, ["--kind", "people"])["added"] == [])
        #expect(dir.run(["log", "calls", "--person", "lena.fischer"]).code == 0)
    }

    @Test func anUnknownManagerNamesTheLineAndNothingIsWritten() throws {
        let dir = try DemoDirectory()
        let bad = try fixture("crm-users.csv").replacingOccurrences(of: "\"Ingrid Johansson\"", with: "\"Nobody Known\"")
        let run = dir.run(["import", try dir.file("users.csv", bad), "--kind", "people"])
        #expect(run.code == 1)
        #expect(run.err.contains("users.csv:5: Manager: no person Nobody Known"), "\(run.err)")
        #expect(try objects(dir.run(["person", "list", "--json"])).contains { $0["id"] as? String == "lena.fischer" } == false)
    }

    @Test func aNewPersonNeedsARole() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["import", try dir.file("p.csv", "handle,name\r\nzoe,Zoe Adler\r\n"), "--kind", "people"])
        #expect(run.code == 1)
        #expect(run.err.contains("p.csv:2: role: missing; a new person needs a role"), "\(run.err)")
    }
}

@Suite struct ActivityImportTests {
    @Test func anActivityReportIsLoggedOnceAndCountsOnTheLeaderboard() throws {
        let dir = try DemoDirectory()
        let before = try activities(dir)
        let path = try dir.file("report.csv", try fixture("activity-report.csv"))
        let summary = try dir.importSummary(path, ["--kind", "activities"])
        #expect(summary["added"] == ["line 2", "line 3", "line 4", "line 5"])
        let logged = try activities(dir).dropFirst(before.count)
        #expect(logged.map { $0["person"] as? String } == ["jonas", "jonas", "aisha", "kenji"])
        #expect(logged.map { $0["kpi"] as? String } == ["calls", "calls", "appointments", "quotes-sent"])
        #expect(logged.last?["count"] as? Int == 3)
        #expect(logged.last?["at"] as? String == "2026-11-21T16:30:00+01:00")
        #expect(logged.last?["note"] as? String == "Three quotes for Q1, all \"Pro\"")

        let again = try dir.importSummary(path, ["--kind", "activities"])
        #expect(again["added"] == [] && again["unchanged"]?.count == 4)
        #expect(try activities(dir).count == before.count + 4)
    }

    @Test func aChangedCountIsRefusedRatherThanCountedTwice() throws {
        let dir = try DemoDirectory()
        let csv = try fixture("activity-report.csv")
        _ = try dir.importSummary(try dir.file("report.csv", csv), ["--kind", "activities"])
        let count = try activities(dir).count
        let changed = csv.replacingOccurrences(of: "\"11/21/2026 4:30 PM\",\"3\"", with: "\"11/21/2026 4:30 PM\",\"4\"")
        let run = dir.run(["import", try dir.file("report.csv", changed), "--kind", "activities"])
        #expect(run.code == 1)
        #expect(run.err.contains("report.csv:5: Count: differs from the activity of kenji for quotes-sent logged at that time"),
                "\(run.err)")
        #expect(try activities(dir).count == count)
    }

    @Test func anUnknownKPINamesItsLine() throws {
        let dir = try DemoDirectory()
        let bad = try fixture("activity-report.csv").replacingOccurrences(of: "\"Appointment\"", with: "\"Golf\"")
        let run = dir.run(["import", try dir.file("report.csv", bad), "--kind", "activities"])
        #expect(run.code == 1)
        #expect(run.err.contains("report.csv:4: Activity Type (kpi): \"Golf\" is not a KPI in kpis.json (KPIs: calls,"), "\(run.err)")
    }

    @Test func anotherDirectorysActivityFileAddsOnlyWhatIsNew() throws {
        let dir = try DemoDirectory()
        let own = try String(contentsOf: dir.url.appendingPathComponent("activities.jsonl"), encoding: .utf8)
        let lines = own.split(separator: "\n").count
        let more = own + "\n{\"person\":\"sofia\",\"kpi\":\"calls\",\"count\":2,\"at\":\"2026-11-23T09:30:00+01:00\"}\n"
        let summary = try dir.importSummary(try dir.file("theirs.jsonl", more), ["--kind", "activities", "--dry-run"])
        #expect(summary["added"] == ["line \(lines + 2)"], "\(summary)")
        #expect(summary["unchanged"]?.count == lines - 1)
        #expect(try activities(dir).count == lines - 1)

        let bad = try dir.file("bad.jsonl", more.replacingOccurrences(of: "\"count\":2", with: "\"count\":\"two\""))
        let run = dir.run(["import", bad, "--kind", "activities"])
        #expect(run.code == 1)
        #expect(run.err.contains("bad.jsonl:\(lines + 2):41: activities[\(lines - 1)].count: expected a whole number"), "\(run.err)")
    }

    private func activities(_ dir: DemoDirectory) throws -> [[String: Any]] {
        try #require(try object(dir.run(["export", "--format", "json", "--kind", "activities"]))["activities"] as? [[String: Any]])
    }
}

@Suite struct ImportedDataChecksTests {
    @Test func everythingImportedPassesCheck() throws {
        let dir = try DemoDirectory()
        for (name, kind) in [("crm-users.csv", "people"), ("zendesk-tickets.csv", "cases"),
                             ("activity-report.csv", "activities"), ("thunderbird.ics", "reminders"),
                             ("salesforce-tasks.csv", "reminders")] {
            _ = try dir.importSummary(try dir.file(name, try fixture(name)), ["--kind", kind])
        }
        let check = dir.run(["check"])
        #expect(check.code == 0, "\(check.out)\(check.err)")
    }
}

@Suite struct KindRoundTripTests {
    @Test(arguments: ["cases", "people", "activities"], ["json", "csv"])
    func anExportImportedAgainChangesNothing(kind: String, format: String) throws {
        let dir = try DemoDirectory()
        let export = dir.run(["export", "--format", format, "--kind", kind])
        #expect(export.code == 0, "\(export.err)")
        let summary = try dir.importSummary(try dir.file("all.\(format)", export.out), ["--kind", kind])
        #expect(summary["added"] == [] && summary["updated"] == [], "\(summary)")
        #expect(summary["unchanged"]?.isEmpty == false)
        #expect(dir.run(["export", "--format", format, "--kind", kind]).out == export.out)
    }

    @Test(arguments: ["people", "activities"])
    func calendarsAreForRemindersOnly(kind: String) throws {
        let dir = try DemoDirectory()
        #expect(dir.run(["export", "--format", "ics", "--kind", kind]).code == 2)
        let ics = try dir.file("x.ics", dir.run(["export", "--format", "ics"]).out)
        let run = dir.run(["import", ics, "--kind", kind])
        #expect(run.code == 1)
        #expect(run.err.contains("\(kind) are imported from json"), "\(run.err)")
        #expect(run.err.contains(", not ics"), "\(run.err)")
    }
}
