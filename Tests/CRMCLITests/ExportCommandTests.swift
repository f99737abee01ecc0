import Foundation
import Testing

@Suite struct ExportCommandTests {
    @Test(arguments: ["json", "csv", "ics"])
    func anExportImportedAgainChangesNothing(format: String) throws {
        let dir = try DemoDirectory()
        let export = dir.run(["export", "--format", format])
        #expect(export.code == 0, "\(export.err)")
        let summary = try dir.importSummary(try dir.file("all.\(format)", export.out))
        #expect(summary["added"] == [] && summary["updated"] == [], "\(summary)")
        #expect(summary["unchanged"]?.count == 30)
    }

    @Test(arguments: ["json", "csv", "ics"])
    func importedRemindersExportUnderTheirExternalIDs(format: String) throws {
        let dir = try DemoDirectory()
        _ = try dir.importSummary(try dir.file("calendar.ics", try fixture("thunderbird.ics")))
        _ = try dir.importSummary(try dir.file("tasks.csv", try fixture("salesforce-tasks.csv")))
        let export = dir.run(["export", "--format", format])
        #expect(export.out.contains("7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b"))
        #expect(export.out.contains("00T5g00001AbCdF"))
        let summary = try dir.importSummary(try dir.file("again.\(format)", export.out))
        #expect(summary["unchanged"]?.count == 38, "\(summary)")
    }

    @Test func theCalendarIsValidICalendar() throws {
        let dir = try DemoDirectory()
        let ics = dir.run(["export", "--format", "ics"]).out
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") })
        let todos = lines.filter { $0 == "BEGIN:VTODO" }.count
        #expect(todos == 30)
        #expect(lines.filter { $0.hasPrefix("DTSTAMP:") }.count == todos)
        #expect(lines.contains("UID:R-1001@crmtop"))
        // A repeating to-do's rule counts from its DTSTART; a one-off one is due at DUE.
        #expect(lines.contains("DTSTART;TZID=Europe/Berlin:20261123T115000"))
        #expect(lines.contains("DUE;TZID=Europe/Berlin:20261123T093500"))
        #expect(lines.contains("TZID:Europe/Berlin") && lines.contains("DTSTART:20270328T020000"))
        #expect(lines.contains("RRULE:FREQ=WEEKLY") && lines.contains("X-CRMTOP-REPEAT:weekly"))
        #expect(lines.contains("TRIGGER;RELATED=END:-PT30M"))
        // People have no address in crmtop: a handle is not written as one.
        #expect(lines.contains("ATTENDEE;CN=Maria Oliveira:urn:x-crmtop:person:maria"))
        #expect(!lines.contains { $0.contains("mailto:") })
    }

    @Test func theCSVHasAHeaderAndQuotesWhereNeeded() throws {
        let dir = try DemoDirectory()
        let csv = dir.run(["export", "--format", "csv"]).out
        #expect(csv.hasPrefix("external_id,title,priority,owners,start,due,end,repeat,link,notes\r\n"))
        #expect(csv.contains("\"120 seats, 2-year term, tiered pricing. Legal wants the DPA attached.\""))
    }
}

@Suite struct CaseExportTests {
    @Test func casesExportAsJSONInTheirFileFormatAndAsCSV() throws {
        let dir = try DemoDirectory()
        let json = try object(dir.run(["export", "--format", "json", "--kind", "cases"]))
        let cases = try #require(json["cases"] as? [[String: Any]])
        #expect(json["version"] as? Int == 2)
        #expect(cases.isEmpty == false && cases.allSatisfy { $0["id"] is String && $0["opened"] is String })
        let csv = dir.run(["export", "--format", "csv", "--kind", "cases"]).out
        let lines = csv.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first?.hasPrefix("id,title,customer,kind,priority,status,owner,team") == true)
        #expect(lines.count == cases.count + 1)
    }

    @Test func casesDoNotGoToCalendars() {
        #expect(crmtop(["export", "--demo", "--format", "ics", "--kind", "cases"]).code == 2)
    }
}

@Suite struct CaseImportTests {
    @Test func casesExportedAsJSONImportAgainUnchanged() throws {
        let dir = try DemoDirectory()
        let export = dir.run(["export", "--format", "json", "--kind", "cases"]).out
        let count = try #require(try object(dir.run(["export", "--format", "json", "--kind", "cases"]))["cases"] as? [Any]).count
        let summary = try dir.importSummary(try dir.file("cases.json", export), ["--kind", "cases"])
        #expect(summary["added"] == [] && summary["updated"] == [], "\(summary)")
        #expect(summary["unchanged"]?.count == count)
    }

    @Test func ticketsFromElsewhereAreOpenedOnceAndUpdatedAfter() throws {
        let dir = try DemoDirectory()
        let ticket = """
            {"version": 1, "cases": [{"id": "ZD-4711", "title": "Invoice shows the wrong VAT", "customer": "Acme",
              "priority": "high", "owner": "lucas", "opened": "2026-11-23T09:00:00+01:00"}]}
            """
        let path = try dir.file("tickets.json", ticket)
        let added = try #require(try dir.importSummary(path, ["--kind", "cases"])["added"]?.first)
        let shown = try object(dir.run(["case", "show", added, "--json"]))
        #expect(shown["title"] as? String == "Invoice shows the wrong VAT")
        #expect(try dir.importSummary(path, ["--kind", "cases"])["unchanged"] == [added])
        let urgent = try dir.file("tickets.json", ticket.replacingOccurrences(of: "\"high\"", with: "\"urgent\""))
        #expect(try dir.importSummary(urgent, ["--kind", "cases"])["updated"] == [added])

        let unknown = try dir.file("bad.json", ticket.replacingOccurrences(of: "lucas", with: "nobody"))
        let run = dir.run(["import", unknown, "--kind", "cases"])
        #expect(run.code == 1)
        #expect(run.err.contains("bad.json:1: owner: \"nobody\" is not a person in people.json (people: maria,"), "\(run.err)")
    }
}
