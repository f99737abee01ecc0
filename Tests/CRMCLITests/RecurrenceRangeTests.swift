import Foundation
import Testing

@Suite struct RecurrenceRangeTests {
    private func calendar(_ rule: String) -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:r-1\r\nSUMMARY:Standup\r\nDUE:20261130T100000Z\r\n"
            + "RRULE:\(rule)\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    }

    @Test(arguments: [
        ("FREQ=DAILY;COUNT=2147483647", "RRULE: COUNT=2147483647 is out of range; crmtop reads COUNT from 1 to 10000"),
        ("FREQ=DAILY;COUNT=12345678901234567890", "RRULE: COUNT=12345678901234567890 is out of range; crmtop reads COUNT from 1 to 10000"),
        ("FREQ=DAILY;COUNT=0", "RRULE: COUNT=0 is out of range"),
        ("FREQ=DAILY;COUNT=-3", "RRULE: COUNT=-3 is out of range"),
        ("FREQ=WEEKLY;INTERVAL=5000", "RRULE: INTERVAL=5000 is out of range; crmtop reads INTERVAL from 1 to 1000"),
        ("FREQ=SECONDLY", "RRULE: FREQ=SECONDLY repeats more often than daily; crmtop reads DAILY, WEEKLY, MONTHLY and YEARLY"),
        ("FREQ=HOURLY;INTERVAL=2", "RRULE: FREQ=HOURLY repeats more often than daily"),
        ("FREQ=FORTNIGHTLY", "RRULE: FREQ=FORTNIGHTLY is not a frequency"),
        ("COUNT=3", "RRULE: the rule has no FREQ"),
    ])
    func aRuleOutsideTheRangeIsRefusedNamingItsLine(rule: String, message: String) throws {
        let dir = try DemoDirectory()
        let run = dir.run(["import", try dir.file("cal.ics", calendar(rule))])
        #expect(run.code == 1)
        #expect(run.err.contains("cal.ics:7: " + message), "\(run.err)")
        #expect(dir.nothingImported)
    }

    @Test func aRuleAtTheEdgeOfTheRangeImportsAsWritten() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["import", try dir.file("cal.ics", calendar("FREQ=DAILY;COUNT=10000;INTERVAL=1")), "--json"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err.isEmpty, "\(run.err)")
        #expect(try dir.reminderJSON("R-1031")["repeat"] as? String == "FREQ=DAILY;COUNT=10000")
    }
}
