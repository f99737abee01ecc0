import Foundation
import Testing

/// Calendars as phones, web calendars and mail servers write them (files of our own in their
/// shape) import whole, with a warning naming the line and property for what was read
/// loosely; what is really broken is still refused, naming the line.
@Suite struct LenientCalendarTests {
    @Test func aPhoneExportWithAByteOrderMarkAndPrivatePropertiesImportsWithWarnings() throws {
        let dir = try DemoDirectory()
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let bytes = Array(try Data(contentsOf: fixtures.appendingPathComponent("apple.ics")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let path = try dir.file("phone.ics", bytes: bytes)
        let run = dir.run(["import", path, "--json"])
        #expect(run.code == 0, "\(run.err)")
        #expect(try object(run)["added"] as? [String] == ["R-1031", "R-1032", "R-1033"])
        #expect(run.err.replacingOccurrences(of: path, with: "phone.ics") == """
            phone.ics:16: X-APPLE-EMPTY-WITHOUT-COLON: has no value; left out
            phone.ics:17: URL: "/calendars/visits/42" is not an absolute URL; kept in the notes
            phone.ics:19: DUE: a to-do without DUE or DTSTART; due when it was written (DTSTAMP)
            phone.ics:24: SUMMARY: missing; imported as "(untitled)"

            """, "\(run.err)")
        // An event without an alarm is a reminder of itself, due at its start.
        let visit = try dir.reminderJSON("R-1031")
        #expect(visit["title"] as? String == "Site visit at the depot bring the badge")
        #expect(visit["due"] as? String == "2026-11-26T14:00:00+01:00")
        #expect(visit["start"] is NSNull && visit["link"] is NSNull)
        #expect(visit["notes"] as? String == "URL: /calendars/visits/42")
        #expect(try dir.reminderJSON("R-1032")["due"] as? String == "2026-11-21T10:00:00+01:00")
        #expect(try dir.reminderJSON("R-1033")["title"] as? String == "(untitled)")
    }

    /// A web calendar's weekly series with one meeting moved (the same UID again with
    /// RECURRENCE-ID), one cancelled that way and one by EXDATE, in New York's zone.
    @Test func aSeriesWithAMovedAndCancelledMeetingIsOneReminder() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("work.ics", try fixture("google.ics"))
        let run = dir.run(["import", path, "--json"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err.isEmpty, "\(run.err)")
        #expect(try object(run)["added"] as? [String] == ["R-1031"])
        func due(at instant: String) throws -> String? {
            try object(dir.run(["reminder", "show", "R-1031", "--json", "--at", instant]))["due"] as? String
        }
        // 13:30 in New York is 18:30 in Berlin before 1 November, then 19:30 (New York
        // changes its clocks a week after Berlin).
        #expect(try due(at: "2026-10-26T18:30:00+01:00") == "2026-10-26T18:30:00+01:00")
        #expect(try due(at: "2026-11-02T19:30:00+01:00") == "2026-11-02T19:30:00+01:00")
        // 4 November is left out; 9 November's meeting is on the 10th at 15:00; the 11th is cancelled.
        #expect(try due(at: "2026-11-04T20:00:00+01:00") == "2026-11-02T19:30:00+01:00")
        #expect(try due(at: "2026-11-09T20:00:00+01:00") == "2026-11-02T19:30:00+01:00")
        #expect(try due(at: "2026-11-10T21:00:00+01:00") == "2026-11-10T21:00:00+01:00")
        #expect(dir.run(["reminder", "show", "R-1031", "--at", "2026-11-10T21:00:00+01:00"]).out
            .contains("this time       Pipeline sync (moved to Tuesday)"))
        #expect(try due(at: "2026-11-11T20:00:00+01:00") == "2026-11-10T21:00:00+01:00")
        #expect(try due(at: "2026-11-16T19:30:00+01:00") == "2026-11-16T19:30:00+01:00")
        #expect(try dir.importSummary(path)["unchanged"] == ["R-1031"])
    }

    /// Outlook's zone display names with their VTIMEZONE, and a Windows zone id without one.
    @Test func outlookZoneNamesAreRead() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("outlook.ics", try fixture("outlook-zones.ics"))
        let run = dir.run(["import", path, "--json"])
        #expect(run.code == 0, "\(run.err)")
        let checkIn = try dir.reminderJSON("R-1031")
        #expect(checkIn["due"] as? String == "2026-12-01T15:00:00+01:00")
        #expect(checkIn["start"] as? String == "2026-12-01T14:45:00+01:00")
        #expect(dir.run(["reminder", "show", "R-1031"]).out.contains("time zone       America/New_York"))
        #expect(try dir.reminderJSON("R-1032")["due"] as? String == "2026-12-02T11:00:00+01:00")
    }

    @Test(arguments: [
        ("BEGIN:VTODO\r\nUID:x\r\nSUMMARY:x\r\nDUE:20261130T100000Z\r\nEND:VTODO\r\n",
         "crmtop: stray.ics:1: VTODO: outside any VCALENDAR; a calendar file holds its items between BEGIN:VCALENDAR and END:VCALENDAR\n"),
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "crmtop: stray.ics:1: ics: no events or to-dos in the file\n"),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
         "crmtop: stray.ics:2: DTSTART: missing\n"),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Mars/Olympus:20261130T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
         "crmtop: stray.ics:4: DTSTART: unknown time zone Mars/Olympus: neither a zone name nor defined by a VTIMEZONE in the file\n"),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID:20261130T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
         "crmtop: stray.ics:4: ics: DTSTART: parameter TZID has no value\n"),
    ])
    func brokenCalendarsAreRefusedNamingTheLine(_ text: String, _ message: String) throws {
        let dir = try DemoDirectory()
        let path = try dir.file("stray.ics", text)
        let run = dir.run(["import", path])
        #expect(run.code == 1)
        #expect(run.err.replacingOccurrences(of: path, with: "stray.ics") == message, "\(run.err)")
        #expect(dir.nothingImported)
    }

    /// Apple's base64 handles end in `=`, which RFC 5545 allows in a parameter value.
    @Test func aParameterValueMayHoldAnEqualsSign() throws {
        let dir = try DemoDirectory()
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:x\r\nSUMMARY;X-HANDLE=QUJD==;LANGUAGE=en:Call\r\n"
            + "DUE:20261130T100000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
        let run = dir.run(["import", try dir.file("eq.ics", text)])
        #expect(run.code == 0, "\(run.err)")
        #expect(try dir.reminderJSON("R-1031")["title"] as? String == "Call")
    }
}
