import CRMCore
import Testing
@testable import CRMStore

@Suite struct OpenHoursTextTests {
    func days(_ ranges: [OpenRange]) -> [Int] { ranges.map(\.weekday) }

    @Test func overlapsAreFoundOnTheirDayAndMeetingSpansAreNone() throws {
        let week = try OpenHoursText.parse("Mon-Fri 09:00-17:00")
        #expect(OpenHoursText.overlap(week, try OpenHoursText.parse("Mon 12:00-14:00")) == "Mon")
        #expect(OpenHoursText.overlap(week, try OpenHoursText.parse("Sat,Fri 16:00-18:00")) == "Fri")
        #expect(OpenHoursText.overlap(week, try OpenHoursText.parse("Mon-Fri 17:00-19:00")) == nil)
        #expect(OpenHoursText.overlap(week, try OpenHoursText.parse("Sat-Sun 09:00-17:00")) == nil)
    }

    @Test func parsesDaysAndHours() throws {
        let weekdays = try OpenHoursText.parse("Mon-Fri 09:00-17:00")
        #expect(days(weekdays) == [1, 2, 3, 4, 5])
        #expect(weekdays.allSatisfy { $0.startMinute == 540 && $0.endMinute == 1020 })
        #expect(days(try OpenHoursText.parse("sat,SUN 10:00-14:30")) == [6, 7])
        #expect(days(try OpenHoursText.parse("Fri-Mon 00:00-24:00")) == [1, 5, 6, 7])
        #expect(days(try OpenHoursText.parse("Mon,Wed-Thu,Mon  08:00-12:00")) == [1, 3, 4])
        #expect(try OpenHoursText.parse("Sun 00:00-24:00") == [OpenRange(weekday: 7, startMinute: 0, endMinute: 1440)])
    }

    @Test(arguments: [
        ("", "expected days and hours like \"Mon-Fri 09:00-17:00\""),
        ("Mon-Fri", "expected days and hours like \"Mon-Fri 09:00-17:00\""),
        ("Mon-Fir 09:00-17:00", "expected days like Mon-Fri or Sat,Sun, found \"Mon-Fir\""),
        ("Mon-Tue-Wed 09:00-17:00", "expected days like Mon-Fri or Sat,Sun, found \"Mon-Tue-Wed\""),
        ("Mon, 09:00-17:00", "expected days like Mon-Fri or Sat,Sun, found \"Mon,\""),
        ("Mon 9:00-17:00", "expected hours like 09:00-17:00, found \"9:00-17:00\""),
        ("Mon 09:00-24:01", "expected hours like 09:00-17:00, found \"09:00-24:01\""),
        ("Mon 09:00", "expected hours like 09:00-17:00, found \"09:00\""),
        ("Mon 17:00-09:00", "17:00-09:00 closes before it opens; write a span that crosses midnight as two lines"),
        ("Mon 09:00-09:00", "09:00-09:00 closes before it opens; write a span that crosses midnight as two lines"),
    ])
    func rejects(text: String, message: String) {
        #expect(throws: OpenHoursText.Problem.self) { try OpenHoursText.parse(text) }
        do {
            _ = try OpenHoursText.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func formatsCompactly() throws {
        // Grouped by hours, in the order of each group's first day.
        let lines = ["Mon-Fri 09:00-12:00", "Mon-Fri 13:00-17:00", "Wed 18:00-20:00", "Sat-Sun 10:00-14:00"]
        let ranges = try lines.flatMap { try OpenHoursText.parse($0) }
        #expect(OpenHoursText.format(ranges) == lines)
        #expect(OpenHoursText.format(try OpenHoursText.parse("Mon,Wed,Fri-Sun 08:00-24:00")) == ["Mon,Wed,Fri-Sun 08:00-24:00"])
        #expect(OpenHoursText.format([]) == [])
    }

    @Test func normalizedSortsAndMerges() {
        let a = OpenRange(weekday: 3, startMinute: 60, endMinute: 120)
        let b = OpenRange(weekday: 1, startMinute: 600, endMinute: 700)
        let c = OpenRange(weekday: 1, startMinute: 60, endMinute: 120)
        #expect(OpenHoursText.normalized([a, b, c, a]) == [c, b, a])
    }
}
