import CRMCore
import Foundation
import Testing

@Suite struct DurationTextTests {
    @Test(arguments: [
        ("90m", 5400.0), ("4h", 14_400), ("2d", 172_800), ("1h30m", 5400), ("1d4h", 100_800),
        ("45s", 45), ("1d2h3m4s", 93_784), ("0", 0), ("0s", 0), ("-15m", -900), ("007m", 420),
    ])
    func parses(text: String, seconds: Double) {
        #expect(DurationText.parse(text) == seconds)
    }

    @Test(arguments: [
        "", "-", "h", "4", "4 h", "1.5h", "30m1h", "1h1h", "4H", "1w", "+4h", "--4h", "4h ",
        "99999999999999999999s", "9999999999999999d",
    ])
    func rejects(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    /// Business time in hours, so that 24 open hours never read as one working day.
    @Test(arguments: [
        (86_400.0, "24h"), (144_000, "40h"), (5400, "1h30m"), (2700, "45m"), (45, "45s"), (0, "0s"),
        (-93_600, "-26h"), (90_061, "25h1m1s"),
    ])
    func formatsHours(seconds: Double, text: String) {
        #expect(DurationText.formatHours(seconds) == text)
        #expect(DurationText.parse(text) == seconds)
    }

    @Test(arguments: [
        (5400.0, "1h30m"), (14_400, "4h"), (172_800, "2d"), (100_800, "1d4h"), (45, "45s"),
        (0, "0s"), (-900, "-15m"), (90, "1m30s"), (86_401, "1d1s"), (59.6, "1m"),
    ])
    func formats(seconds: Double, text: String) {
        #expect(DurationText.format(seconds) == text)
        #expect(DurationText.parse(text) == seconds.rounded())
    }

    @Test func formatsTheUnreadable() {
        #expect(DurationText.format(.infinity) == "∞")
        #expect(DurationText.format(-.infinity) == "-∞")
        #expect(DurationText.format(.nan) == "?")
    }
}
