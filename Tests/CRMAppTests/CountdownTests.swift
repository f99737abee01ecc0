import CRMApp
import Foundation
import Testing

/// SLA countdowns are business time, counted in hours: a day of them is not a working day.
@Suite struct CountdownTests {
    @Test(arguments: [
        (5025.0, true, "1:23:45"), (93_600, true, "26:00:00"), (-729, true, "-0:12:09"), (86_400, true, "24:00:00"),
        (93_600, false, "26:00"), (-576_300, true, "-160:05"), (359_999, true, "99:59:59"),
    ])
    func countsHoursPastADay(seconds: Double, showSeconds: Bool, text: String) {
        #expect(Format.countdown(seconds, showSeconds: showSeconds) == text)
    }
}
