import Foundation
import Testing

@Suite struct DeepCalendarTests {
    /// A to-do with `depth - 2` components nested inside it, so `depth` in all with the calendar.
    /// BEGIN:VCALENDAR is line 1, BEGIN:VTODO line 3, and the first nested BEGIN line 7.
    private func nested(_ depth: Int) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VTODO", "UID:deep-1", "SUMMARY:Deep", "DUE:20261130T100000Z"]
        lines += Array(repeating: "BEGIN:X-NEST", count: depth - 2) + Array(repeating: "END:X-NEST", count: depth - 2)
        lines += ["END:VTODO", "END:VCALENDAR"]
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func aCalendarNestedAHundredThousandDeepIsRefusedAtTheLineThatGoesTooDeep() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("deep.ics", nested(100_000))
        for extra in [["--dry-run"], []] {
            let run = dir.run(["import", path] + extra)
            #expect(run.code == 1)
            // Level 65 is the 63rd nested BEGIN, on line 7 + 62.
            #expect(run.err.contains("deep.ics:69: ics: BEGIN:X-NEST nests components more than 64 deep"), "\(run.err)")
        }
        #expect(dir.nothingImported)
    }

    @Test func aCalendarNestedToTheLimitImports() throws {
        let dir = try DemoDirectory()
        #expect(try dir.importSummary(try dir.file("deep.ics", nested(64)))["added"] == ["R-1031"])
        #expect(try dir.reminderJSON("R-1031")["title"] as? String == "Deep")

        let over = dir.run(["import", try dir.file("over.ics", nested(65)), "--dry-run"])
        #expect(over.code == 1)
        #expect(over.err.contains("over.ics:69: ics: BEGIN:X-NEST nests components more than 64 deep"), "\(over.err)")
    }
}
