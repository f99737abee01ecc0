import Foundation
import Testing

@Suite struct ImportEncodingTests {
    private let latin1CSV: [UInt8] = Array("id,title,due\r\nx1,Contenu en fran".utf8) + [0xE7]
        + Array("ais,2026-11-30 10:00\r\n".utf8)

    @Test func aCSVFileThatIsNotUTF8IsRefusedAtItsByteAndNothingIsStored() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("export.csv", bytes: latin1CSV)
        for extra in [["--dry-run"], []] {
            let run = dir.run(["import", path] + extra)
            #expect(run.code == 1)
            #expect(run.err.contains("export.csv:2:19: csv: byte 0xE7 at byte offset 32 is not UTF-8"), "\(run.err)")
            #expect(run.err.contains("--encoding latin1 or --encoding windows-1252"), "\(run.err)")
        }
        #expect(dir.nothingImported)
    }

    @Test func latin1IsReadWhenAskedFor() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("export.csv", bytes: latin1CSV)
        #expect(try dir.importSummary(path, ["--encoding", "latin1"])["added"] == ["R-1031"])
        #expect(try dir.reminderJSON("R-1031")["title"] as? String == "Contenu en français")
    }

    @Test func windows1252HasItsQuotesAndEuroSign() throws {
        let dir = try DemoDirectory()
        let bytes = Array("id,title,due\r\nx1,".utf8) + [0x93] + Array("Offre".utf8) + [0x94, 0x20, 0x96, 0x20, 0x80]
            + Array("12k,2026-11-30 10:00\r\n".utf8)
        let path = try dir.file("export.csv", bytes: bytes)
        #expect(try dir.importSummary(path, ["--encoding", "windows-1252"])["added"] == ["R-1031"])
        #expect(try dir.reminderJSON("R-1031")["title"] as? String == "\u{201C}Offre\u{201D} \u{2013} €12k")

        // The same bytes read as Latin-1 would be control characters: refused, pointing at Windows-1252.
        let latin = dir.run(["import", path, "--encoding", "latin1", "--dry-run"])
        #expect(latin.code == 1)
        #expect(latin.err.contains("export.csv:2:4: csv: byte 0x93 at byte offset 17 is a control character in Latin-1"), "\(latin.err)")
        #expect(latin.err.contains("--encoding windows-1252"), "\(latin.err)")
    }

    @Test func aByteOrderMarkIsSkippedInCSVAndICalendar() throws {
        let dir = try DemoDirectory()
        let csv = try dir.file("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("id,title,due\r\nx1,Café call,2026-11-30 10:00\r\n".utf8))
        #expect(try dir.importSummary(csv)["added"] == ["R-1031"])
        #expect(try dir.reminderJSON("R-1031")["title"] as? String == "Café call")
        // The id column was found behind the mark: the same file again matches the same reminder.
        #expect(try dir.importSummary(csv)["unchanged"] == ["R-1031"])

        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:b-1\r\nSUMMARY:From a BOM\r\nDUE:20261130T100000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
        let path = try dir.file("bom.ics", bytes: [0xEF, 0xBB, 0xBF] + Array(ics.utf8))
        #expect(try dir.importSummary(path)["added"] == ["R-1032"])
    }

    @Test func anEncodingIsForTextFormatsOnly() throws {
        let dir = try DemoDirectory()
        let json = try dir.file("r.json", "{\"version\": 2, \"reminders\": []}")
        let run = dir.run(["import", json, "--encoding", "latin1"])
        #expect(run.code == 2)
        #expect(run.err.contains("--encoding: \(json) is JSON, which is always UTF-8"), "\(run.err)")

        let unknown = dir.run(["import", json, "--encoding", "ebcdic"])
        #expect(unknown.code == 2)
        #expect(unknown.err.contains("--encoding: \"ebcdic\" is not one of utf-8, latin1, windows-1252"), "\(unknown.err)")
    }
}
