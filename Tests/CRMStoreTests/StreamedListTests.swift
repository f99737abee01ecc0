import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// A file's list of records is parsed and decoded one record at a time; what comes out is
/// exactly what reading the whole document gives, and anything the record-by-record way
/// cannot take is read the whole way, with the same errors as ever.
@Suite struct StreamedListTests {
    @Test func eachElementIsHandedOverAsADocumentOfItsOwn() throws {
        let text = #"{"version": 2, "other": {"items": [9]}, "items": [{"a": 1}, [2, [3]], "x\n"], "after": true}"#
        var roots: [(offset: Int, text: String)] = []
        let frame = try JSONParser.parse(FileBytes(Array(text.utf8)), streaming: "items") { element in
            roots.append((element.root.offset, "\(element.root.output)"))
            return true
        }
        let offsets = ["{\"a\"", "[2,", "\"x"].map { text.utf8.indices(of: Array($0.utf8)) }
        #expect(roots.map(\.offset) == offsets)
        #expect(frame.root["items"]?.kind == .array)
        #expect(frame.root["items"]?.count == 0)
        // Only the root's member of that name: a nested one is an ordinary value.
        #expect(frame.root["other"]?["items"]?.count == 1)
        #expect(frame.root["after"]?.bool == true)
    }

    @Test func anElementNotTakenStopsTheParse() {
        var seen = 0
        #expect(throws: JSONSyntaxError.self) {
            try JSONParser.parse(FileBytes(Array(#"{"items": [1, 2, 3]}"#.utf8)), streaming: "items") { _ in
                seen += 1
                return seen < 2
            }
        }
        #expect(seen == 2)
    }

    @Test func elementsStillObeyTheDepthLimitOfTheWholeFile() {
        let deep = String(repeating: "[", count: JSONParser.maxDepth - 1) + String(repeating: "]", count: JSONParser.maxDepth - 1)
        #expect(throws: JSONSyntaxError.self) {
            try JSONParser.parse(FileBytes(Array(#"{"items": [\#(deep)]}"#.utf8)), streaming: "items") { _ in true }
        }
        #expect(throws: JSONSyntaxError.self) { try JSONDocument.parse(Array(#"{"items": [\#(deep)]}"#.utf8)) }
    }

    /// Records with escapes, nulls, absent fields, history, and fields crmtop does not know
    /// at every level.
    static let reminders = #"""
        {"version": 2, "journal_seq": 4, "exported_by": "sync",
         "reminders": [
          {"id": "a", "title": "Call \"Oduya\" \u00e9", "owners": ["maria", "li"], "due": "2026-11-23T10:00:00Z",
           "notes": null, "crm_id": 7, "priority": "high"},
          {"id": "b", "title": "B", "owners": ["maria"], "due": "2026-11-23T10:00:00+01:00", "repeat": "weekly",
           "acknowledged_by": {"maria": "2026-11-23T09:00:00Z"},
           "history": [{"at": "2026-11-23T09:00:00Z", "actor": "maria", "action": "acknowledged", "via": "phone"}]},
          {"title": "no id", "id": "", "owners": ["li"], "due": "2026-11-24 09:30", "sync": {"tags": [1, null]}}
         ],
         "trailer": [1, 2]}
        """#

    @Test func aListReadRecordByRecordIsTheListReadWhole() throws {
        let bytes = Array(Self.reminders.utf8)
        var streamed = DataSet()
        let (seq, unknown) = try #require(FileFormats.stream(.reminders, FileBytes(bytes), zone: berlin, into: &streamed))
        let document = try JSONDocument.parse(bytes)
        var whole = DataSet()
        let wholeSeq = try FileFormats.decode(.reminders, document, zone: berlin, into: &whole)
        #expect(streamed.reminders == whole.reminders)
        #expect(streamed.reminders.count == 3)
        #expect(seq == wholeSeq)
        #expect(seq == 4)
        // What each kept of the unknown fields is written back the same.
        let fromStream = try FileFormats.encode(.reminders, streamed, journalSeq: seq, unknown: unknown)
        let fromWhole = try FileFormats.encode(.reminders, whole, journalSeq: seq, unknown: UnknownFields(document))
        #expect(fromStream == fromWhole)
        let text = String(decoding: fromStream, as: UTF8.self)
        for kept in [#""exported_by": "sync""#, #""crm_id": 7"#, #""via": "phone""#, #""trailer": [1, 2]"#, #""tags": [1, null]"#] {
            #expect(text.contains(kept), "\(kept)")
        }
    }

    @Test func aFileTheStreamCannotTakeIsLeftToTheWholeRead() throws {
        let broken = [
            Self.reminders.replacingOccurrences(of: #""due": "2026-11-23T10:00:00+01:00""#, with: #""due": 42"#),
            Self.reminders.replacingOccurrences(of: #""version": 2"#, with: #""version": 4"#),
            Self.reminders.replacingOccurrences(of: #""trailer""#, with: #""reminders""#),
            Self.reminders.replacingOccurrences(of: "]}", with: "]"),
            #"{"version": 2, "reminders": {"id": "a"}}"#,
        ]
        for text in broken {
            var data = DataSet()
            #expect(FileFormats.stream(.reminders, FileBytes(Array(text.utf8)), zone: berlin, into: &data) == nil)
            #expect(data.reminders.isEmpty)
        }
        // And the whole read still says what and where.
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("reminders.json", broken[0])
        let error = #expect(throws: LoadError.self) { try dir.store.load() }
        #expect(error?.path == "reminders[1].due")
        #expect(error?.line == 5)
    }
}

private extension String.UTF8View {
    /// Where `needle` first starts, counted in bytes.
    func indices(of needle: [UInt8]) -> Int {
        let bytes = Array(self)
        return (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle } ?? -1
    }
}
