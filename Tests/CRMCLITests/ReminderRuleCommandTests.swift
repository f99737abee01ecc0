import Foundation
import Testing

/// `--repeat` takes an RFC 5545 rule as well as the names, and `--zone` the clock it keeps.
@Suite struct ReminderRuleCommandTests {
    @Test func aRuleInItsOwnZoneKeepsThatZonesClockTime() throws {
        let dir = try DemoDirectory()
        let add = dir.run(["reminder", "add", "Sync with Melbourne", "--due", "2027-03-25T19:30:00+11:00",
                           "--repeat", "FREQ=WEEKLY;BYDAY=TH;COUNT=4", "--zone", "Australia/Melbourne"])
        #expect(add.code == 0, "\(add.err)")
        let id = add.out.trimmingCharacters(in: .whitespacesAndNewlines)
        func due(at instant: String) throws -> String? {
            try object(dir.run(["reminder", "show", id, "--json", "--at", instant]))["due"] as? String
        }
        // Berlin moves its clocks on 28 March, Melbourne on 4 April: 09:30, 10:30, 11:30 in Berlin.
        #expect(try due(at: "2027-03-25T10:00:00+01:00") == "2027-03-25T09:30:00+01:00")
        #expect(try due(at: "2027-04-01T11:00:00+02:00") == "2027-04-01T10:30:00+02:00")
        #expect(try due(at: "2027-04-08T12:00:00+02:00") == "2027-04-08T11:30:00+02:00")
        #expect(try due(at: "2027-04-15T12:00:00+02:00") == "2027-04-15T11:30:00+02:00")
        // Four times, then it stays on its last.
        #expect(try due(at: "2027-04-22T12:00:00+02:00") == "2027-04-15T11:30:00+02:00")
        let shown = dir.run(["reminder", "show", id]).out
        #expect(shown.contains("FREQ=WEEKLY;COUNT=4;BYDAY=TH"), "\(shown)")
        #expect(shown.contains("Australia/Melbourne"), "\(shown)")
    }

    @Test(arguments: [
        (["--repeat", "FREQ=HOURLY"], "--repeat: \"FREQ=HOURLY\" is not one of daily, weekdays, weekly, monthly, none, or an RRULE: FREQ=HOURLY: repeats more often than daily"),
        (["--zone", "Mars/Olympus"], "--zone: \"Mars/Olympus\" is not a time zone"),
    ])
    func aBadRuleOrZoneIsRefused(_ args: [String], _ message: String) throws {
        let dir = try DemoDirectory()
        let run = dir.run(["reminder", "add", "x", "--due", "2026-11-24 10:00"] + args)
        #expect(run.code == 2)
        #expect(run.err.contains(message), "\(run.err)")
    }

    /// Monthly on the 31st means the last day of shorter months; the calendar says so.
    @Test func monthlyOnThe31stExportsWhatCrmtopMeans() throws {
        let dir = try DemoDirectory()
        let add = dir.run(["reminder", "add", "Month end", "--due", "2026-12-31 17:00", "--repeat", "monthly"])
        #expect(add.code == 0, "\(add.err)")
        let ics = dir.run(["export", "--format", "ics"]).out
        #expect(ics.contains("RRULE:FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1\r\nX-CRMTOP-REPEAT:monthly\r\n"), "\(ics)")
    }
}
