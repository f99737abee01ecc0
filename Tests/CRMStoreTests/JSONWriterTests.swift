import Foundation
import Testing
@testable import CRMStore

@Suite struct JSONWriterTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func prettyLayout() {
        let value = JSONOutput.object([
            .init("version", .int(1)),
            .init("owners", .array([.string("maria"), .string("li")])),
            .init("empty", .array([])),
            .init("none", .object([])),
            .init("items", .array([.object([.init("a", .null), .init("b", .bool(true))]), .double(0.5)])),
        ])
        #expect(text(JSONWriter.pretty(value)) == """
            {
              "version": 1,
              "owners": ["maria", "li"],
              "empty": [],
              "none": {},
              "items": [
                {
                  "a": null,
                  "b": true
                },
                0.5
              ]
            }

            """)
        #expect(text(JSONWriter.compact(value))
            == #"{"version":1,"owners":["maria","li"],"empty":[],"none":{},"items":[{"a":null,"b":true},0.5]}"#)
    }

    @Test func smallObjectsInsideRecordsStayOnOneLine() {
        let pause = JSONOutput.object([.init("start", .string("2026-11-20T11:00:00+01:00")), .init("end", .null)])
        let long = JSONOutput.object([.init("detail", .string(String(repeating: "x", count: 110)))])
        let record = JSONOutput.object([.init("id", .string("c1")), .init("pauses", .array([pause, long])),
                                        .init("acknowledged_by", .object([.init("li", .int(1))]))])
        let file = JSONOutput.object([.init("cases", .array([record]))])
        let x110 = String(repeating: "x", count: 110)
        #expect(text(JSONWriter.pretty(file)) == """
            {
              "cases": [
                {
                  "id": "c1",
                  "pauses": [
                    {"start": "2026-11-20T11:00:00+01:00", "end": null},
                    {
                      "detail": "\(x110)"
                    }
                  ],
                  "acknowledged_by": {"li": 1}
                }
              ]
            }

            """)
    }

    @Test func escaping() throws {
        let nasty = "q\"b\\s/\n\r\t\u{8}\u{C}\u{0}\u{1F}\u{7F}é😀\u{2028}"
        let written = text(JSONWriter.compact(.string(nasty)))
        #expect(written == #""q\"b\\s/\n\r\t\b\f\u0000\u001f\u007fé😀\u2028""#)
        #expect(try JSONDocument.parse(Array(written.utf8)).root.string == nasty)
    }

    @Test func numbers() {
        #expect(text(JSONWriter.compact(.array([.int(.min), .int(.max), .double(-2.5), .double(1e-7), .double(.nan)])))
            == "[-9223372036854775808,9223372036854775807,-2.5,1e-07,null]")
    }

    @Test func writtenTextParsesBackToTheSameTree() throws {
        let value = JSONOutput.object([
            .init("ä", .array([.int(-3), .string(""), .array([.array([])]), .object([.init("", .bool(false))])])),
        ])
        for bytes in [JSONWriter.pretty(value), JSONWriter.compact(value)] {
            let root = try JSONDocument.parse(bytes).root
            #expect(root.members[0].key.string == "ä")
            let list = root["ä"]!.elements
            #expect(list[0].int == -3)
            #expect(list[1].string == "")
            #expect(list[2].elements[0].count == 0)
            #expect(list[3][""]?.bool == false)
        }
    }

    /// DEL, C1 controls, bidi controls and line separators are legal raw in JSON, but a
    /// terminal acts on them (U+009B starts a sequence, U+202E reverses a line), so `--json`
    /// printed to one would carry them out of the data. Written as escapes, they decode the same.
    @Test func controlsATerminalActsOnAreEscapesAndDecodeUnchanged() throws {
        let hostile = "a\u{7F}b\u{85}c\u{9B}2Jd\u{202A}\u{202E}e\u{2066}\u{2069}f\u{200E}\u{200F}\u{061C}g"
            + "\u{2028}\u{2029}h\u{1B}]0;t\u{07} … ü 日本 \u{A0}\u{202F}"
        let bytes = JSONWriter.compact(.object([.init(hostile, .string(hostile))]))
        let escaped = #"a\u007fb\u0085c\u009b2Jd\u202a\u202ee\u2066\u2069f\u200e\u200f\u061cg\u2028\u2029h\u001b]0;t\u0007 … ü 日本 \#u{A0}\#u{202F}"#
        #expect(text(bytes) == "{\"\(escaped)\":\"\(escaped)\"}")
        let root = try JSONDocument.parse(bytes).root
        #expect(root.members.first?.key.string == hostile)
        #expect(root[hostile]?.string == hostile)
        let foundation = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: String]
        #expect(foundation == [hostile: hostile])
    }
}
