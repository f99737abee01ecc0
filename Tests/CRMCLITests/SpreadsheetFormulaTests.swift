import Foundation
import Testing

/// A CSV export is opened in spreadsheets, which run a cell that starts with `=`, `+`, `-` or
/// `@` as a formula. Such cells are written with a leading apostrophe, and crmtop's own import
/// takes it off again, so an export still imports back unchanged.
@Suite struct SpreadsheetFormulaTests {
    static let formula = #"=HYPERLINK("http://evil.example","x")"#

    @Test func aFormulaTitleIsExportedAsTextAndImportsBackExactly() throws {
        let dir = try DemoDirectory()
        let due = ["--due", "2026-11-23T15:00:00+01:00"]
        let id = dir.run(["reminder", "add", Self.formula] + due + ["--notes", "@SUM(A1:A9)"]).out
            .trimmingCharacters(in: .newlines)
        #expect(dir.run(["reminder", "add", "'=quoted by hand"] + due + ["--notes=-2"]).code == 0)
        #expect(dir.run(["reminder", "add", "+49 30 1234567"] + due + ["--notes=-call back\nthen write"]).code == 0)
        let csv = dir.run(["export", "--format", "csv"]).out
        #expect(csv.contains(#","'=HYPERLINK(""http://evil.example"",""x"")","#), "\(csv)")
        #expect(csv.contains(",'@SUM(A1:A9)\r\n"))
        // An apostrophe of the title's own is doubled, so the import knows which one to take off.
        #expect(csv.contains(",''=quoted by hand,"))
        #expect(csv.contains(",'+49 30 1234567,"))
        #expect(csv.contains(",\"'-call back\nthen write\"\r\n"))
        // A plain number is not a formula, and dates start with a digit: both stay readable.
        #expect(csv.contains(",-2\r\n"))
        #expect(csv.contains(",2026-11-23T15:00:00+01:00,"))

        let again = try dir.importSummary(try dir.file("again.csv", csv))
        #expect(again["added"] == [] && again["updated"] == [], "\(again)")
        #expect(again["unchanged"]?.count == 33)

        // Read into a reminder that has drifted, the cell gives back the title itself.
        _ = dir.run(["reminder", "edit", id, "--title", "changed"])
        #expect(try dir.importSummary(try dir.file("again.csv", csv))["updated"] == [id])
        #expect(try dir.reminderJSON(id)["title"] as? String == Self.formula)
        #expect(try dir.reminderJSON(id)["notes"] as? String == "@SUM(A1:A9)")
    }

    @Test func casesPeopleAndActivitiesAreNeutralisedAndRoundTrip() throws {
        let dir = try DemoDirectory()
        #expect(dir.run(["case", "open", "@channel outage", "--customer", "=1+1", "--priority", "high"]).code == 0)
        #expect(dir.run(["person", "add", "mallory", "--name", "=cmd|' /C calc'!A0", "--role", "agent"]).code == 0)
        #expect(dir.run(["log", "calls", "--person", "priya", "--count=-2", "--note=-fixed the count"]).code == 0)

        let cases = dir.run(["export", "--format", "csv", "--kind", "cases"]).out
        #expect(cases.contains(",'@channel outage,'=1+1,"), "\(cases)")
        let people = dir.run(["export", "--format", "csv", "--kind", "people"]).out
        #expect(people.contains("mallory,'=cmd|' /C calc'!A0,agent,"), "\(people)")
        let activities = dir.run(["export", "--format", "csv", "--kind", "activities"]).out
        #expect(activities.contains(",-2,'-fixed the count\r\n"), "\(activities)")

        for (kind, csv) in [("cases", cases), ("people", people), ("activities", activities)] {
            let summary = try dir.importSummary(try dir.file("\(kind).csv", csv), ["--kind", kind])
            #expect(summary["added"] == [] && summary["updated"] == [], "\(kind): \(summary)")
        }
    }

    @Test func jsonAndCalendarExportsStayExact() throws {
        let dir = try DemoDirectory()
        _ = dir.run(["reminder", "add", Self.formula, "--due", "2026-11-23T15:00:00+01:00"])
        #expect(dir.run(["export", "--format", "json"]).out.contains(#""=HYPERLINK(\"http://evil.example\",\"x\")""#))
        #expect(dir.run(["export", "--format", "ics"]).out.contains(#"SUMMARY:=HYPERLINK("http://evil.example"\,"x")"#))
    }
}
