import Foundation
import Testing

/// A reminder's own alerts, set and shown on the command line, and every alarm of a
/// calendar item kept through import and export.
@Suite struct ReminderAlertsCommandTests {
    /// The value of a detail line of `reminder show`, whatever the width of its labels.
    static func detail(_ label: String, in text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("  \(label) ") }
            .map { $0.dropFirst(label.count + 2).trimmingCharacters(in: .whitespaces) }
    }

    @Test func alertsAreSetShownAndPutBackToTheDefault() throws {
        let dir = try DemoDirectory()
        let add = dir.run(["reminder", "add", "Renewal call", "--due", "2026-11-24 15:00", "--alerts", "1d, 1h,10m"])
        #expect(add.code == 0, "\(add.err)")
        let id = add.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Self.detail("alerts", in: dir.run(["reminder", "show", id]).out) == "1d, 1h, 10m before due")
        #expect(dir.run(["reminder", "edit", id, "--alerts", "none"]).code == 0)
        #expect(Self.detail("alerts", in: dir.run(["reminder", "show", id]).out) == "none")
        #expect(dir.run(["reminder", "edit", id, "--alerts", "default"]).code == 0)
        let shown = dir.run(["reminder", "show", id]).out
        #expect(Self.detail("alerts", in: shown) == nil, "\(shown)")
        #expect(shown.contains("alerts: none → default"), "\(shown)")
        let bad = dir.run(["reminder", "edit", id, "--alerts", "1h,soon"])
        #expect(bad.code == 2)
        #expect(bad.err.contains("--alerts: \"soon\" is not a duration before due like 1h or 10m"), "\(bad.err)")
    }

    static let twoAlarms = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        BEGIN:VEVENT\r
        UID:board-meeting@example.com\r
        DTSTAMP:20261120T100000Z\r
        DTSTART:20261126T130000Z\r
        SUMMARY:Board meeting\r
        BEGIN:VALARM\r
        ACTION:DISPLAY\r
        TRIGGER:-PT30M\r
        END:VALARM\r
        BEGIN:VALARM\r
        ACTION:EMAIL\r
        TRIGGER:-P1D\r
        END:VALARM\r
        END:VEVENT\r
        END:VCALENDAR\r

        """

    @Test func everyAlarmOfACalendarItemIsAnAlertAndExportsBack() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("board.ics", Self.twoAlarms)
        #expect(try dir.importSummary(path)["added"] == ["R-1031"])
        let shown = dir.run(["reminder", "show", "R-1031"]).out
        #expect(Self.detail("reminding from", in: shown) == "2026-11-26 13:30", "\(shown)")
        #expect(Self.detail("alerts", in: shown) == "1d, 30m before due", "\(shown)")
        let ics = dir.run(["export", "--format", "ics"]).out
        let again = try dir.file("again.ics", ics)
        #expect(try dir.importSummary(again)["unchanged"]?.count == 31)
    }
}
