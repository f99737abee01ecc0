import CRMCLI
import Foundation
import Testing

/// A case cannot come in after now: its clocks would wait for a moment that has not come,
/// and every action on it would be refused as happening before it was opened.
@Suite struct FutureCaseTests {
    @Test func openingACaseInTheFutureIsRefused() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["case", "open", "Tomorrow", "--customer", "ACME", "--opened", "2026-11-24 10:00"])
        #expect(run.code == 1)
        #expect(run.err == "crmtop: --opened: 2026-11-24T10:00:00+01:00 is after now (2026-11-23T10:00:00+01:00); "
                + "a case cannot be opened in the future\n", "\(run.err)")
        #expect(run.out.isEmpty)
        #expect(try objects(dir.run(["case", "list", "--json"])).count == 22, "nothing added")
        let now = dir.run(["case", "open", "Just now", "--customer", "ACME", "--opened", "2026-11-23 10:00"])
        #expect(now.code == 0, "now itself is fine: \(now.err)")
    }

    @Test func aCSVRowOpenedInTheFutureNamesItsLineAndColumn() throws {
        let dir = try DemoDirectory()
        let before = dir.run(["export", "--format", "json", "--kind", "cases"]).out
        let csv = try fixture("zendesk-tickets.csv").replacingOccurrences(of: "2026-11-23 08:30", with: "2026-11-25 08:30")
        let run = dir.run(["import", try dir.file("tickets.csv", csv), "--kind", "cases"])
        #expect(run.code == 1)
        #expect(run.err.contains("tickets.csv:5: Created at (opened): 2026-11-25T08:30:00+01:00 is after now "
                                 + "(2026-11-23T10:00:00+01:00); a case cannot be opened in the future"), "\(run.err)")
        #expect(dir.run(["export", "--format", "json", "--kind", "cases"]).out == before)
    }

    @Test func aJSONCaseOpenedInTheFutureNamesItsLineAndColumn() throws {
        let dir = try DemoDirectory()
        let json = """
            {"version": 2, "cases": [
              {"id": "T-1", "title": "Printer on fire", "customer": "Acme",
               "priority": "high", "opened": "2026-11-24T09:00:00+01:00"}]}
            """
        let run = dir.run(["import", try dir.file("t.json", json), "--kind", "cases"])
        #expect(run.code == 1)
        #expect(run.err.contains("t.json:3:34: opened: 2026-11-24T09:00:00+01:00 is after now "
                                 + "(2026-11-23T10:00:00+01:00); a case cannot be opened in the future"), "\(run.err)")
    }
}
