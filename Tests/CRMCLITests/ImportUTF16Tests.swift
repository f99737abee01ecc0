import Foundation
import Testing

/// Excel's "Unicode Text" is UTF-16 with a byte-order mark; a mark says which encoding a
/// file is in, so it is read without being told, and one that contradicts --encoding is refused.
@Suite struct ImportUTF16Tests {
    static let text = "id,title,due\r\nx1,Contenu en français ☕,2026-11-30 10:00\r\n"

    @Test(arguments: [true, false])
    func aUTF16FileWithItsMarkIsReadWithoutBeingTold(littleEndian: Bool) throws {
        let dir = try DemoDirectory()
        let units = Array(Self.text.utf16)
        let body = units.flatMap { u -> [UInt8] in
            littleEndian ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)]
        }
        let path = try dir.file("excel.csv", bytes: (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) + body)
        #expect(try dir.importSummary(path)["added"] == ["R-1031"])
        #expect(try dir.reminderJSON("R-1031")["title"] as? String == "Contenu en français ☕")
    }

    @Test func utf16WithoutAMarkIsReadWhenAskedFor() throws {
        let dir = try DemoDirectory()
        let body = Array(Self.text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = try dir.file("excel.csv", bytes: body)
        #expect(try dir.importSummary(path, ["--encoding", "utf-16"])["added"] == ["R-1031"])
    }

    @Test func aLoneHalfOfASurrogatePairIsRefusedAtItsByte() throws {
        let dir = try DemoDirectory()
        let body = Array("id,title,due\r\nx1,".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = try dir.file("bad.csv", bytes: [0xFF, 0xFE] + body + [0x3D, 0xD8, 0x41, 0x00])
        let run = dir.run(["import", path])
        #expect(run.code == 1)
        #expect(run.err.contains("bad.csv:2:8: csv: byte 0x3D at byte offset 36 is not UTF-16 (half of a surrogate pair)"), "\(run.err)")
        #expect(dir.nothingImported)
    }

    @Test func aUTF8MarkWithLatin1IsRefusedRatherThanShownAsLetters() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("bom.ics", bytes: [0xEF, 0xBB, 0xBF] + Array("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8))
        let run = dir.run(["import", path, "--encoding", "latin1"])
        #expect(run.code == 1)
        #expect(run.err.contains("bom.ics:1:1: ics: byte 0xEF at byte offset 0 starts a UTF-8 byte-order mark: the file is UTF-8, so import it without --encoding"),
                "\(run.err)")
    }
}
