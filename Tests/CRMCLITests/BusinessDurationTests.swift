import CRMCLI
import Foundation
import Testing

/// SLA time is business time: a day of it is 24 open hours, three working days of eight, so it
/// is shown in hours and never as days, which would read as working days.
@Suite struct BusinessDurationTests {
    @Test func slaTargetsShowInHours() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["sla", "list"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("case      normal    8h              -              24h         default hours"))
        #expect(run.out.contains("case      low       8h              -              40h         default hours"))
        #expect(!run.out.contains("1d"))
    }

    @Test func caseClocksCountHoursPastADay() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["case", "show", "C-2014"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("resolution      breached  24:00:00  25:00:00  -1:00:00  Fri 20 Nov 2026 17:00"),
                "\(run.out)")
    }

    /// Two spans open at the same moment are refused, naming both: whether a longer day or a
    /// break was meant cannot be told.
    @Test func overlappingOpenHoursAreRefusedNamingBothSpans() throws {
        let dir = try DemoDirectory()
        let before = try dataFiles(dir.url)
        let run = dir.run(["calendar", "set", "--zone", "Europe/Berlin",
                           "--hours", "Mon-Fri 09:00-17:00", "--hours", "Mon 12:00-14:00"])
        #expect(run.code == 2)
        #expect(run.err.hasPrefix("Error: --hours \"Mon 12:00-14:00\" overlaps --hours \"Mon-Fri 09:00-17:00\" on Mon; "
            + "give each moment once: a day with a break is two spans that do not meet, a longer day one wider span\n"),
                "\(run.err)")
        #expect(try dataFiles(dir.url) == before)
    }

    @Test func spansThatOnlyMeetAreADayWithoutABreak() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["calendar", "set", "--zone", "Europe/Berlin",
                           "--hours", "Mon-Fri 09:00-12:00", "--hours", "Mon-Fri 12:00-17:00", "--hours", "Sat 10:00-14:00"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("Mon-Fri 09:00-12:00, Mon-Fri 12:00-17:00, Sat 10:00-14:00"), "\(run.out)")
    }
}
