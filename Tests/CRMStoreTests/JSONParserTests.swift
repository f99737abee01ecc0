import Foundation
import Testing
@testable import CRMStore

@Suite struct JSONParserTests {
    func failure(_ text: String) -> JSONSyntaxError? { failure(Array(text.utf8)) }

    func failure(_ bytes: [UInt8], lines: Bool = false) -> JSONSyntaxError? {
        do {
            _ = lines ? try JSONDocument.parseLines(bytes) : try JSONDocument.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsEveryKindOfValue() throws {
        let doc = try parse(#" {"a": [1, -2.5e3, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}, "c": [], "d": -0} "#)
        let root = doc.root
        #expect(root.kind == .object)
        #expect(root.members.map { $0.key.string! } == ["a", "b", "c", "d"])
        let a = root["a"]!.elements
        #expect(a.count == 6)
        #expect(a[0].int == 1)
        #expect(a[1].double == -2500)
        #expect(a[1].int == nil)
        #expect(a[2].bool == true)
        #expect(a[3].bool == false)
        #expect(a[4].isNull)
        #expect(a[5].string == "x\né😀")
        #expect(root["b"]!.kind == .object && root["b"]!.count == 0)
        #expect(root["c"]!.kind == .array && root["c"]!.count == 0)
        #expect(root["d"]!.int == 0)
        #expect(root["zzz"] == nil)
    }

    @Test func remembersOffsetsAndPositions() throws {
        let doc = try parse("{\n  \"name\": \"Zoë\",\n  \"n\": [10, 20]\n}")
        let n = doc.root["n"]!
        #expect(n.position == TextPosition(line: 3, column: 8))
        #expect(n.elements[1].position == TextPosition(line: 3, column: 13))
        #expect(doc.root.members[1].key.position == TextPosition(line: 3, column: 3))
        // Columns count characters: "ë" is two bytes but one column.
        let doc2 = try parse("[\"ë\", 1]")
        #expect(doc2.root.elements[1].position == TextPosition(line: 1, column: 7))
    }

    @Test func extremeNumbers() throws {
        #expect(try parse("9223372036854775807").root.int == .max)
        #expect(try parse("-9223372036854775808").root.int == .min)
        #expect(try parse("1e308").root.double == 1e308)
        #expect(try parse("1e-400").root.double == 0)
        #expect(failure("9223372036854775808")?.message == "number 9223372036854775808 is out of range")
        #expect(failure("-9223372036854775809")?.message == "number -9223372036854775809 is out of range")
        #expect(failure("[1e309]") == JSONSyntaxError(offset: 1, message: "number 1e309 is out of range"))
        #expect(failure("-1E+999")?.offset == 0)
    }

    @Test(arguments: [
        ("", 0, "the file is empty; expected a JSON value"),
        ("   ", 3, "the file is empty; expected a JSON value"),
        ("{", 1, "unexpected end of input; expected a field name in double quotes"),
        ("{\"a\"", 4, "unexpected end of input; expected ':'"),
        ("{\"a\":", 5, "unexpected end of input; expected a value"),
        ("{\"a\":1", 6, "unexpected end of input; expected ',' or '}'"),
        ("[1,", 3, "unexpected end of input; expected a value"),
        ("[1", 2, "unexpected end of input; expected ',' or ']'"),
        ("\"abc", 4, "the input ends inside a string that starts at 1:1"),
        ("tru", 3, "unexpected end of input; expected 'true'"),
        ("nul", 3, "unexpected end of input; expected 'null'"),
        ("-", 1, "unexpected end of input; expected a digit"),
        ("1.", 2, "unexpected end of input; expected a digit"),
        ("1e", 2, "unexpected end of input; expected a digit"),
        ("[1,]", 3, "trailing comma before ']'"),
        ("{\"a\":1,}", 7, "trailing comma before '}'"),
        ("{a:1}", 1, "unexpected 'a'; expected a field name in double quotes"),
        ("{\"a\" 1}", 5, "unexpected '1'; expected ':' after the field name"),
        ("[1 2]", 3, "unexpected '2'; expected ',' or ']'"),
        ("01", 0, "a number cannot start with 0 followed by more digits"),
        ("+1", 0, "unexpected '+'; expected a value"),
        (".5", 0, "unexpected '.'; expected a value"),
        ("1.e5", 2, "unexpected 'e'; expected a digit after '.'"),
        ("[NaN]", 1, "unexpected 'N'; expected a value"),
        ("truth", 0, "unexpected 't'; expected a value"),
        ("{} {}", 3, "unexpected '{' after the end of the JSON value"),
        ("// no\n{}", 0, "unexpected '/'; expected a value"),
        ("'x'", 0, "unexpected '''; expected a value"),
        ("\"a\\x\"", 2, "invalid escape \\x in a string"),
        ("\"\\u12\"", 1, "\\u must be followed by four hex digits"),
        ("\"\\u12G4\"", 1, "\\u must be followed by four hex digits"),
        ("\"\\ud800\"", 1, "\\uD800 is half of a surrogate pair; the other half is missing"),
        ("\"\\udc00x\"", 1, "\\uDC00 is half of a surrogate pair; the other half is missing"),
        ("\"\\ud800\\u0041\"", 1, "\\uD800 is half of a surrogate pair; the other half is missing"),
        ("\"a\tb\"", 2, "raw control character U+0009 inside a string; escape it"),
        ("\"a\nb\"", 2, "raw control character U+000A inside a string; escape it"),
    ])
    func rejects(text: String, offset: Int, message: String) {
        #expect(failure(text) == JSONSyntaxError(offset: offset, message: message))
    }

    @Test func duplicateKeys() {
        #expect(failure("{\"a\": 1,\n \"b\": 2, \"a\": 3}")
            == JSONSyntaxError(offset: 18, message: "duplicate field \"a\"; it was first given at 1:2"))
        // An escaped spelling of the same key is the same key.
        #expect(failure(#"{"ab": 1, "a\u0062": 2}"#)?.message == "duplicate field \"ab\"; it was first given at 1:2")
        // Nested objects have their own keys.
        #expect(failure(#"{"a": {"a": 1}, "b": {"a": 2}}"#) == nil)
        // Large objects switch to a set; the check must still hold there.
        let many = (0..<1000).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(failure("{\(many)}") == nil)
        let error = failure("{\(many), \"k999\": 0}")
        #expect(error?.message == "duplicate field \"k999\"")
        #expect(error?.offset == many.utf8.count + 3)
        #expect(try! parse("{\(many)}").root["k777"]?.int == 777)
    }

    @Test func nulBytes() {
        #expect(failure([0x22, 0x61, 0x00, 0x22])
            == JSONSyntaxError(offset: 2, message: "NUL byte inside a string; write it as \\u0000"))
        #expect(failure([0x5B, 0x00, 0x5D]) == JSONSyntaxError(offset: 1, message: "unexpected NUL byte; expected a value"))
        #expect(failure([0x7B, 0x7D, 0x00]) == JSONSyntaxError(offset: 2, message: "unexpected NUL byte after the end of the JSON value"))
        // Written as an escape it is fine.
        #expect(try! parse(#""a\u0000b""#).root.string == "a\u{0}b")
    }

    @Test func invalidUTF8() {
        let cases: [([UInt8], Int)] = [
            ([0x22, 0x61, 0xFF, 0x22], 2),             // never valid
            ([0x22, 0xC3, 0x22], 1),                   // truncated sequence
            ([0x22, 0xC0, 0xAF, 0x22], 1),             // overlong '/'
            ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1),       // overlong
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),       // encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1), // past U+10FFFF
            ([0x22, 0x80, 0x22], 1),                   // lone continuation byte
            ([0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22], 3), // after an escape
        ]
        for (bytes, offset) in cases {
            let error = failure(bytes)
            #expect(error?.offset == offset, "\(bytes)")
            #expect(error?.message.hasPrefix("invalid UTF-8") == true, "\(bytes)")
        }
        #expect(failure([0xC3, 0xA9])?.message == "unexpected byte 0xC3 (only ASCII may appear outside strings); expected a value")
        #expect(try! JSONDocument.parse([0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22]).root.string == "😀")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try JSONDocument.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)).root.elements.count == 1)
    }

    @Test func nestingLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        var value = try parse(ok).root
        for _ in 0..<511 { value = value.elements[0] }
        #expect(value.count == 0)
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(failure(deep) == JSONSyntaxError(offset: 512, message: "nesting deeper than 512 levels"))
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(failure(hostile)?.message == "nesting deeper than 512 levels")
    }

    @Test func truncationAtEveryByteIsAnErrorNeverACrash() throws {
        let text = Array(#"{"id": "r1", "n": [1, -2.5e-3, true, false, null], "s": "é\"\\\u00e9\ud83d\ude00", "o": {"k": {}}}"#.utf8)
        _ = try JSONDocument.parse(text)
        for end in 0..<text.count {
            let error = failure(Array(text[..<end]))
            #expect(error != nil, "prefix of \(end) bytes")
            #expect((0...end).contains(error?.offset ?? -1))
        }
    }

    @Test func aTenMegabyteString() throws {
        let big = String(repeating: "abcdefghé", count: 1_000_000)
        let doc = try parse("{\"s\": \"\(big)\"}")
        #expect(doc.root["s"]?.string == big)
        // Escapes take the slow path; it must still be linear.
        let escaped = String(repeating: "ab\\n", count: 2_500_000)
        let doc2 = try parse("[\"\(escaped)\"]")
        #expect(doc2.root.elements[0].string?.utf8.count == 7_500_000)
    }

    @Test func jsonLines() throws {
        let doc = try JSONDocument.parseLines(Array("{\"version\":1}\n\n{\"a\":1}  \r\n[2]\n".utf8))
        #expect(doc.root.elements.map(\.kind) == [.object, .object, .array])
        #expect(doc.root.elements[2].position == TextPosition(line: 4, column: 1))
        #expect(try JSONDocument.parseLines([]).root.count == 0)
        #expect(failure(Array("{}\n{} {}\n".utf8), lines: true)
            == JSONSyntaxError(offset: 6, message: "unexpected '{' after the value; each line holds exactly one value"))
        #expect(failure(Array("{}\n{\"a\":\n".utf8), lines: true)?.offset == 9)
    }

    /// Keys are compared only when their length and ends could make them equal; a duplicate
    /// must still be found wherever it is and however it is written.
    @Test func aDuplicateIsFoundAtAnyPlaceInObjectsOfAnySize() {
        for size in [1, 2, 15, 16, 17, 40] {
            let keys = (0..<size).map { "k\($0)" } + ["same", "s", ""]
            for (n, key) in keys.enumerated() {
                let escaped = key.isEmpty ? "" : "\\u00" + String(key.utf8.first!, radix: 16) + key.dropFirst()
                for written in [key, escaped] {
                    var members = keys.map { #""\#($0)": 1"# }
                    members.insert(#""\#(written)": 2"#, at: (n * 7) % (members.count + 1))
                    let text = "{" + members.joined(separator: ", ") + "}"
                    #expect(failure(text)?.message.hasPrefix("duplicate field \"\(key)\"") == true, "\(text)")
                }
            }
            let unique = "{" + (0..<size).map { #""k\#($0)": 1"# }.joined(separator: ", ") + "}"
            #expect(failure(unique) == nil)
        }
    }

    /// Strings are scanned eight bytes at a time where they can be: whatever ends a run, at
    /// any place in it, is still seen.
    @Test func stringsReadTheSameWhereverTheirSpecialBytesFall() throws {
        for shift in 0..<9 {
            let pad = String(repeating: "x", count: shift)
            #expect(try parse(#"["\#(pad)abcdefghijklmnop\"q\\r\u00e9s\ttuv"]"#).root.elements[0].string
                == pad + "abcdefghijklmnop\"q\\r\u{e9}s\ttuv")
            #expect(try parse("[\"\(pad)abcdefghijklmné€😀xyz12345678\"]").root.elements[0].string
                == pad + "abcdefghijklmné€😀xyz12345678")
            #expect(failure("[\"\(pad)abcdefghijk\u{01}lmnop\"]")?.offset == 2 + shift + 11)
            #expect(failure("[\"\(pad)abcdefghijklmnopqrs")?.message.hasPrefix("the input ends inside a string") == true)
            var bytes = Array("[\"\(pad)abcdefghijklmnop\"]".utf8)
            bytes[2 + shift + 9] = 0xFF
            #expect(throws: JSONSyntaxError.self) { try JSONDocument.parse(bytes) }
        }
    }
}
