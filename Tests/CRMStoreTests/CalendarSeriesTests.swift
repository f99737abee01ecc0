import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// A weekly 19:30 series in Melbourne with one meeting moved and one cancelled, read into a
/// data set in Berlin: every occurrence falls at the instant Python's icalendar with
/// recurring-ical-events gives (the list is the one scripts/recurrence-oracle.py wrote for
/// the same series), across both zones' DST changes, and crmtop's export reads back the same.
@Suite struct CalendarSeriesTests {
    static let berlin = BusinessCalendar(name: "default", zone: "Europe/Berlin", hours: [])

    static let melbourneObservances = """
        BEGIN:STANDARD\r
        DTSTART:19700405T030000\r
        RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU\r
        TZOFFSETFROM:+1100\r
        TZOFFSETTO:+1000\r
        END:STANDARD\r
        BEGIN:DAYLIGHT\r
        DTSTART:19701004T020000\r
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU\r
        TZOFFSETFROM:+1000\r
        TZOFFSETTO:+1100\r
        END:DAYLIGHT\r

        """

    /// As Google writes it: IANA ids, the moved meeting as a second VEVENT with the same UID.
    static func calendar(tzid name: String) -> String {
        // A parameter value with a colon is quoted, as RFC 5545 wants and Outlook does.
        let tzid = name.contains(":") ? "\"\(name)\"" : name
        return """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//Example//Calendar//EN\r
        BEGIN:VTIMEZONE\r
        TZID:\(name)\r
        \(melbourneObservances)END:VTIMEZONE\r
        BEGIN:VEVENT\r
        UID:team-sync@example.com\r
        DTSTAMP:20260301T000000Z\r
        DTSTART;TZID=\(tzid):20260305T193000\r
        DTEND;TZID=\(tzid):20260305T203000\r
        RRULE:FREQ=WEEKLY;BYDAY=TH\r
        EXDATE;TZID=\(tzid):20260409T193000\r
        SUMMARY:Team sync\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        UID:team-sync@example.com\r
        DTSTAMP:20260301T000000Z\r
        RECURRENCE-ID;TZID=\(tzid):20260326T193000\r
        DTSTART;TZID=\(tzid):20260327T080000\r
        DTEND;TZID=\(tzid):20260327T090000\r
        SUMMARY:Team sync (moved)\r
        END:VEVENT\r
        END:VCALENDAR\r

        """
    }

    static let expected = [
        "2026-03-05T08:30:00Z", "2026-03-12T08:30:00Z", "2026-03-19T08:30:00Z", "2026-03-26T21:00:00Z",
        "2026-04-02T08:30:00Z", "2026-04-16T09:30:00Z", "2026-04-23T09:30:00Z", "2026-04-30T09:30:00Z",
        "2026-05-07T09:30:00Z", "2026-05-14T09:30:00Z", "2026-05-21T09:30:00Z", "2026-05-28T09:30:00Z",
        "2026-06-04T09:30:00Z", "2026-06-11T09:30:00Z", "2026-06-18T09:30:00Z", "2026-06-25T09:30:00Z",
        "2026-07-02T09:30:00Z", "2026-07-09T09:30:00Z", "2026-07-16T09:30:00Z", "2026-07-23T09:30:00Z",
        "2026-07-30T09:30:00Z", "2026-08-06T09:30:00Z", "2026-08-13T09:30:00Z", "2026-08-20T09:30:00Z",
        "2026-08-27T09:30:00Z", "2026-09-03T09:30:00Z", "2026-09-10T09:30:00Z", "2026-09-17T09:30:00Z",
        "2026-09-24T09:30:00Z", "2026-10-01T09:30:00Z", "2026-10-08T08:30:00Z", "2026-10-15T08:30:00Z",
        "2026-10-22T08:30:00Z", "2026-10-29T08:30:00Z", "2026-11-05T08:30:00Z", "2026-11-12T08:30:00Z",
        "2026-11-19T08:30:00Z", "2026-11-26T08:30:00Z", "2026-12-03T08:30:00Z", "2026-12-10T08:30:00Z",
        "2026-12-17T08:30:00Z", "2026-12-24T08:30:00Z", "2026-12-31T08:30:00Z", "2027-01-07T08:30:00Z",
        "2027-01-14T08:30:00Z", "2027-01-21T08:30:00Z", "2027-01-28T08:30:00Z", "2027-02-04T08:30:00Z",
        "2027-02-11T08:30:00Z", "2027-02-18T08:30:00Z", "2027-02-25T08:30:00Z", "2027-03-04T08:30:00Z",
    ]

    static func reminder(from text: String) throws -> (Reminder, [String]) {
        let result = try ReminderICS.records(text, zone: berlin.timeZone, people: [])
        #expect(result.records.count == 1)
        let record = try #require(result.records.first)
        let base = Reminder(id: "R-1", title: "", owners: ["maria"], due: Date(timeIntervalSince1970: 0))
        return (base.applying(record.fields), result.warnings)
    }

    static func occurrences(_ r: Reminder) throws -> [String] {
        let series = try #require(r.series(calendar: berlin))
        return series.occurrences(from: TimeText.parse("2026-03-01T00:00:00Z", zone: berlin.timeZone)!,
                                  to: TimeText.parse("2027-03-05T08:30:00Z", zone: berlin.timeZone)!)
            .map(TimeText.formatUTC)
    }

    /// Google's ids, Outlook's display name for the zone, and a name of the file's own whose
    /// VTIMEZONE alone says what its clock does.
    @Test(arguments: ["Australia/Melbourne", "Canberra, Melbourne, Sydney", "(UTC+10:00) Canberra, Melbourne, Sydney",
                      "Office time (head office)"])
    func everyOccurrenceAtTheInstantTheIndependentReaderGives(tzid: String) throws {
        let (r, warnings) = try Self.reminder(from: Self.calendar(tzid: tzid))
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(r.title == "Team sync")
        // A zone that keeps Melbourne's clock (Sydney's and Hobart's do, these years).
        #expect(r.zone.map { ["Australia/Melbourne", "Australia/Sydney", "Australia/Hobart"].contains($0) } == true,
                "\(r.zone ?? "none")")
        #expect(try Self.occurrences(r) == Self.expected)
    }

    @Test func theExportReadsBackWithTheSameOccurrences() throws {
        let (r, _) = try Self.reminder(from: Self.calendar(tzid: "Australia/Melbourne"))
        let stamp = TimeText.parse("2026-03-01T00:00:00Z", zone: Self.berlin.timeZone)!
        let exported = ReminderICS.export([r], people: [], zone: Self.berlin.timeZone, stamp: stamp)
        #expect(exported.contains("RRULE:FREQ=WEEKLY;BYDAY=TH\r\n"))
        #expect(exported.contains("EXDATE;TZID=Australia/Melbourne:20260409T193000\r\n"))
        #expect(exported.contains("RECURRENCE-ID;TZID=Australia/Melbourne:20260326T193000\r\n"))
        #expect(exported.contains("BEGIN:VTIMEZONE\r\nTZID:Australia/Melbourne\r\n"))
        let (again, warnings) = try Self.reminder(from: exported)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(again.repeatRule == r.repeatRule && again.zone == r.zone && again.due == r.due)
        #expect(try Self.occurrences(again) == Self.expected)
    }

    /// The moved meeting is reminded of at its new time, and the cancelled one not at all.
    @Test func theClockPointsAtTheMovedAndSkipsTheCancelled() throws {
        let (r, _) = try Self.reminder(from: Self.calendar(tzid: "Australia/Melbourne"))
        func due(at text: String) -> String {
            TimeText.formatUTC(r.occurrence(at: TimeText.parse(text, zone: Self.berlin.timeZone)!, calendar: Self.berlin).due)
        }
        #expect(due(at: "2026-03-26T09:00:00Z") == "2026-03-19T08:30:00Z")
        #expect(due(at: "2026-03-26T21:00:00Z") == "2026-03-26T21:00:00Z")
        #expect(due(at: "2026-04-09T10:00:00Z") == "2026-04-02T08:30:00Z")
    }
}
