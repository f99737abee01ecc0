import CRMCore
@testable import CRMStore
import Foundation
import Testing

@Suite struct CSVTests {
    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let records = try CSV.parse("\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\r\nthere\"\r\n\r\nlast,\r\n")
        #expect(records == [
            .init(line: 1, fields: ["a", "b"]),
            .init(line: 2, fields: ["x, y", "say \"hi\"\nthere"]),
            .init(line: 5, fields: ["last", ""]),
        ])
    }

    @Test func writingQuotesOnlyWhereNeededAndReadsBack() throws {
        let fields = ["plain", "a,b", "\"q\"", "two\nlines", ""]
        let line = CSV.line(fields)
        #expect(line == "plain,\"a,b\",\"\"\"q\"\"\",\"two\nlines\",\r\n")
        #expect(try CSV.parse(line).first?.fields == fields)
    }

    @Test func semicolonsAndTabsSeparateWhereTheHeaderSaysSo() throws {
        let german = "\u{FEFF}Id;\"Betreff; kurz\";Fällig\r\n7;\"Angebot, final\";24.11.2026 10:00\r\n"
        #expect(CSV.separator(of: german) == ";")
        #expect(try CSV.parse(german, separator: ";").last?.fields == ["7", "Angebot, final", "24.11.2026 10:00"])
        #expect(CSV.separator(of: "a\tb\tc, d\n1\t2\t3") == "\t")
        #expect(CSV.separator(of: "a,\"b;c;d\"\n") == ",")
        var nobody = ImportPeople(DataSet())
        let rows = try ReminderCSV.records(german, map: ["Betreff; kurz": "title", "Fällig": "due"], zone: .gmt, people: &nobody)
        #expect(rows.map(\.key) == ["7"])
    }

    @Test func cellsASpreadsheetWouldRunGetAnApostropheThatReadingTakesOff() throws {
        let formulas = [#"=HYPERLINK("http://evil.example","x")"#, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-",
                        "+", "--", "-1-", "-1e", "-.", "-2,5", "=", "'=x", "''@x", "'-call", "-\u{660}"]
        let plain = ["-2", "+3", "-0.5", ".5", "-1e3", "+2.5E-7", "0", "2026-11-23T10:00:00+01:00", "'quoted'", "'-2",
                     "plain", "", " =not at the start", "'"]
        for field in formulas {
            #expect(CSV.neutralised(field) == "'" + field, "\(field.debugDescription)")
        }
        for field in plain {
            #expect(CSV.neutralised(field) == field, "\(field.debugDescription)")
        }
        for field in formulas + plain {
            #expect(CSV.restored(CSV.neutralised(field)) == field, "\(field.debugDescription)")
        }
        // A cell another program wrote with an apostrophe of its own keeps it.
        #expect(CSV.restored("'quoted'") == "'quoted'" && CSV.restored("'-2") == "'-2")
        #expect(CSV.line(["-2", "=1+1", "a,@b"]) == "-2,'=1+1,\"a,@b\"\r\n")

        let csv = "external_id,title,notes\r\nx1,\"'=HYPERLINK(\"\"http://evil.example\"\")\",''=kept\r\n"
        var nobody = ImportPeople(DataSet())
        let fields = try #require(try ReminderCSV.records(csv, map: [:], zone: .gmt, people: &nobody).first?.fields)
        #expect(fields.contains(.title("=HYPERLINK(\"http://evil.example\")")), "\(fields)")
        #expect(fields.contains(.notes("'=kept")), "\(fields)")
    }

    @Test func anUnclosedQuoteNamesTheLineItStartsOn() {
        #expect(throws: CSV.SyntaxError(line: 2, message: "a quoted field is not closed")) {
            try CSV.parse("a\n\"open\nstill")
        }
    }
}

@Suite struct ICalendarTests {
    @Test func foldedLinesAndQuotedParametersAreRead() throws {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nSUMMARY:a long\r\n  title\r\n"
            + "ATTENDEE;CN=\"Weber, Jonas\";ROLE=CHAIR:mailto:j@x.example\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
        let todo = try #require(try ICalendar.parse(text).first?.components.first)
        #expect(todo["SUMMARY"]?.value == "a long title")
        #expect(todo["ATTENDEE"]?.parameters == ["CN": "Weber, Jonas", "ROLE": "CHAIR"])
        #expect(todo["ATTENDEE"]?.value == "mailto:j@x.example")
        #expect(todo["ATTENDEE"]?.line == 5)
    }

    @Test func writingFoldsAt75OctetsWithoutSplittingACharacter() throws {
        let title = String(repeating: "ü", count: 60)
        let text = ICalendar.write(.init("VTODO", properties: [.init("SUMMARY", title)]))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(try ICalendar.parse(text).first?["SUMMARY"]?.value == title)
    }

    @Test func textEscapesRoundTrip() {
        let text = "a, b; c\\d\nnext"
        #expect(ICalendar.unescape(ICalendar.escape(text)) == text)
    }

    @Test(arguments: [("-PT15M", -900.0), ("P1DT2H", 93_600), ("P1W", 604_800), ("PT0S", 0), ("-P1D", -86_400)])
    func durations(text: String, seconds: Double) {
        #expect(ICalendar.duration(text) == seconds)
        #expect(ICalendar.duration(ICalendar.durationText(seconds)) == seconds)
    }

    @Test func datesInUTCNamedZonesAndAllDay() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let utc = try ICalendar.date(.init("DUE", "20261123T090000Z"), zone: berlin)
        #expect(TimeText.formatUTC(utc) == "2026-11-23T09:00:00Z")
        let ny = try ICalendar.date(.init("DUE", "20260710T090000", parameters: ["TZID": "America/New_York"]), zone: berlin)
        #expect(TimeText.formatUTC(ny) == "2026-07-10T13:00:00Z")
        let day = try ICalendar.date(.init("DUE", "20261130", parameters: ["VALUE": "DATE"]), zone: berlin)
        #expect(TimeText.format(day, zone: berlin) == "2026-11-30T00:00:00+01:00")
        #expect(throws: ImportProblem(line: 0, field: "DUE", "unknown time zone Mars/Olympus: neither a zone name nor defined by a VTIMEZONE in the file")) {
            try ICalendar.date(.init("DUE", "20261130T100000", parameters: ["TZID": "Mars/Olympus"]), zone: berlin)
        }
    }

    /// Rules that crmtop's names cannot say (every other week, yearly, an end) are kept as written.
    @Test(arguments: ["FREQ=DAILY", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;COUNT=3;BYMONTHDAY=15", "FREQ=YEARLY"])
    func recurrencesAreKeptAsWritten(_ rule: String) throws {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:a\r\nSUMMARY:x\r\nDUE:20261115T090000Z\r\nRRULE:\(rule)\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
        let utc = try #require(TimeZone(identifier: "UTC"))
        let result = try ReminderICS.records(text, zone: utc, people: [])
        let repeats = result.records.first?.fields.compactMap { f -> Repetition?? in
            if case .repeatRule(let r) = f { return r }
            return nil
        }.first
        #expect(repeats??.rulesText(zone: utc) == rule)
        #expect(result.warnings.isEmpty)
    }
}

@Suite struct ImportTimeTests {
    @Test(arguments: [
        ("2026-11-30", "2026-11-30T00:00:00+01:00"),
        ("11/30/2026 2:30 PM", "2026-11-30T14:30:00+01:00"),
        ("11/30/2026 12:05 AM", "2026-11-30T00:05:00+01:00"),
        ("30.11.2026 09:15", "2026-11-30T09:15:00+01:00"),
        ("2026-11-30T10:00:00Z", "2026-11-30T11:00:00+01:00"),
    ])
    func commonForms(text: String, expected: String) throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(ImportTime.parse(text, zone: berlin).map { TimeText.format($0, zone: berlin) } == expected)
    }

    @Test(arguments: ["13/30/2026", "31.02.2026", "tomorrow", "11/30/2026 13:00 PM"])
    func nonsenseIsRefused(text: String) throws {
        #expect(ImportTime.parse(text, zone: try #require(TimeZone(identifier: "Europe/Berlin"))) == nil)
    }
}
