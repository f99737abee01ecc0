#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a text is not the JSON we accept, and the byte offset where that became clear.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// RFC 8259 JSON, strict: no comments, no trailing commas, no duplicate keys, UTF-8 only,
/// integers must fit in 64 bits and other numbers in a Double.
///
/// Iterative rather than recursive, so the depth limit is a rule and not a stack size.
struct JSONParser {
    static let maxDepth = 512
    /// Past this many members, duplicate keys are found with a set instead of a scan.
    static let smallObject = 16

    let s: UnsafeBufferPointer<UInt8>
    var i = 0
    var nodes: [Node] = []
    var decoded: [String] = []
    /// Containers not yet closed, innermost last.
    var open: [Int] = []
    /// For each of them, a bit for each key seen so far, chosen by `keyBit`: a key whose bit
    /// is not set yet cannot be a duplicate, which spares comparing it with every key before.
    var keyBits: [UInt64] = []
    /// Keys of the open objects that have grown past `smallObject` members.
    var keySets: [Int: Set<String>] = [:]
    /// Containers around the value parsed, when it is an element parsed on its own.
    var outerDepth = 0
    var stream: Stream?
    /// The node of the array whose elements are handed over, once it is open.
    var streamedList = -1
    /// Memory for the next element's parser.
    var spare: (nodes: [Node], open: [Int], keyBits: [UInt64]) = ([], [], [])

    /// The largest text parsed: offsets are kept in 32 bits.
    static let maxSize = Int(UInt32.max) - 1

    static func parse(_ bytes: FileBytes, lines: Bool) throws(JSONSyntaxError) -> JSONDocument {
        // crmtop's own files have a value every 8 to 9 bytes; room that is never used is
        // never touched, while growing would copy every node made so far.
        try run(bytes, reserving: bytes.count / 7 + 16) { parser throws(JSONSyntaxError) in
            if lines { try parser.parseLines() } else { try parser.parseSingle() }
        }
    }

    /// Runs `body` on a parser of `bytes` with room for `nodes` nodes, and makes the document.
    static func run(_ bytes: FileBytes, reserving nodes: Int,
                    _ body: (inout JSONParser) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) -> JSONDocument {
        guard bytes.count <= maxSize else {
            throw JSONSyntaxError(offset: 0, message: "the file is larger than 4 GB, more than crmtop reads")
        }
        let outcome = bytes.withUnsafeBufferPointer { buffer -> Result<JSONParser, JSONSyntaxError> in
            var parser = JSONParser(s: buffer)
            parser.nodes.reserveCapacity(nodes)
            do throws(JSONSyntaxError) {
                try body(&parser)
                return .success(parser)
            } catch {
                return .failure(error)
            }
        }
        let parser = try outcome.get()
        return JSONDocument(bytes: bytes, nodes: parser.nodes, decoded: parser.decoded)
    }

    // MARK: - Documents

    mutating func parseSingle() throws(JSONSyntaxError) {
        skipByteOrderMark()
        skipWhitespace()
        guard i < s.count else { throw fail(i, "the file is empty; expected a JSON value") }
        try parseValue()
        skipWhitespace()
        guard i == s.count else { throw fail(i, "unexpected \(describe(i)) after the end of the JSON value") }
    }

    mutating func parseLines() throws(JSONSyntaxError) {
        nodes.append(Node(kind: .array, offset: 0, payload: 0, next: 0))
        skipByteOrderMark()
        while true {
            skipWhitespace()
            if i == s.count { break }
            try parseValue()
            nodes[0].payload += 1
            while i < s.count, s[i] == .space || s[i] == .tab || s[i] == .cr { i += 1 }
            guard i == s.count || s[i] == .lf else {
                throw fail(i, "unexpected \(describe(i)) after the value; each line holds exactly one value")
            }
        }
        nodes[0].next = nodes.count
    }

    // MARK: - Values

    /// Parses one complete value at `i`, however deeply nested.
    mutating func parseValue() throws(JSONSyntaxError) {
        let base = open.count
        while true {
            skipWhitespace()
            guard i < s.count else { throw endOfInput(expecting: "a value") }
            switch s[i] {
            case _ where streamedList >= 0 && open.last == streamedList:
                try streamElement()
            case .openBrace, .openBracket:
                let isObject = s[i] == .openBrace
                guard open.count + outerDepth < Self.maxDepth else {
                    throw fail(i, "nesting deeper than \(Self.maxDepth) levels")
                }
                // The array that is the value of the root's member `stream.key` (its key is the
                // node just made) is the one whose elements are handed over.
                if !isObject, let stream, streamedList < 0, open.count == 1, nodes[open[0]].kind == .object,
                   withContent(nodes.count - 1, { text in stream.key.withUTF8Buffer { text.elementsEqual($0) } }) {
                    streamedList = nodes.count
                }
                open.append(nodes.count)
                keyBits.append(0)
                nodes.append(Node(kind: isObject ? .object : .array, offset: i, payload: 0, next: 0))
                i += 1
                skipWhitespace()
                if i < s.count, s[i] == (isObject ? .closeBrace : .closeBracket) {
                    close()
                } else {
                    if isObject { try parseKey() }
                    continue
                }
            case .quote:
                try parseString()
            case UInt8(ascii: "t"):
                try parseLiteral("true", .bool, 1)
            case UInt8(ascii: "f"):
                try parseLiteral("false", .bool, 0)
            case UInt8(ascii: "n"):
                try parseLiteral("null", .null, 0)
            case UInt8.minus, UInt8.zero...(UInt8.zero + 9):
                try parseNumber()
            default:
                throw fail(i, "unexpected \(describe(i)); expected a value")
            }

            // A value has ended: count it in its container, then move on or close containers.
            while open.count > base {
                let top = open[open.count - 1]
                // Elements handed over are not in this document, so their array looks empty.
                if top != streamedList { nodes[top].payload += 1 }
                let isObject = nodes[top].kind == .object
                let closer: UInt8 = isObject ? .closeBrace : .closeBracket
                skipWhitespace()
                guard i < s.count else { throw endOfInput(expecting: isObject ? "',' or '}'" : "',' or ']'") }
                if s[i] == .comma {
                    i += 1
                    skipWhitespace()
                    if i < s.count, s[i] == closer { throw fail(i, "trailing comma before '\(Character(Unicode.Scalar(closer)))'") }
                    if isObject { try parseKey() }
                    break
                } else if s[i] == closer {
                    close()
                } else {
                    throw fail(i, "unexpected \(describe(i)); expected \(isObject ? "',' or '}'" : "',' or ']'")")
                }
            }
            if open.count == base { return }
        }
    }

    private mutating func close() {
        let top = open.removeLast()
        keyBits.removeLast()
        nodes[top].next = nodes.count
        keySets[top] = nil
        i += 1
    }

    /// A member's key and colon; the caller's loop parses the value.
    private mutating func parseKey() throws(JSONSyntaxError) {
        skipWhitespace()
        guard i < s.count else { throw endOfInput(expecting: "a field name in double quotes") }
        guard s[i] == .quote else { throw fail(i, "unexpected \(describe(i)); expected a field name in double quotes") }
        let object = open[open.count - 1]
        let key = nodes.count
        try parseString()
        let bit = keyBit(key)
        let seen = keyBits[keyBits.count - 1]
        keyBits[keyBits.count - 1] = seen | bit
        // Past `smallObject` members every key goes into the object's set, so none is skipped.
        if seen & bit != 0 || nodes[object].payload >= Self.smallObject {
            try checkUnique(key: key, in: object)
        }
        skipWhitespace()
        guard i < s.count else { throw endOfInput(expecting: "':'") }
        guard s[i] == .colon else { throw fail(i, "unexpected \(describe(i)); expected ':' after the field name") }
        i += 1
    }

    private func keyBit(_ key: Int) -> UInt64 { withContent(key, CRMStore.keyBit) }

    private mutating func checkUnique(key: Int, in object: Int) throws(JSONSyntaxError) {
        let earlier = nodes[object].payload
        if earlier < Self.smallObject {
            var k = object + 1
            for _ in 0..<earlier {
                if sameContent(k, key) {
                    throw fail(nodes[key].offset, "duplicate field \(quoted(key)); it was first given at \(position(nodes[k].offset))")
                }
                k = nodes[k + 1].next
            }
            return
        }
        if keySets[object] == nil {
            var set = Set<String>()
            var k = object + 1
            for _ in 0..<earlier {
                set.insert(text(k))
                k = nodes[k + 1].next
            }
            keySets[object] = set
        }
        guard keySets[object]!.insert(text(key)).inserted else {
            throw fail(nodes[key].offset, "duplicate field \(quoted(key))")
        }
    }

    private mutating func parseLiteral(_ word: StaticString, _ kind: Node.Kind, _ payload: Int) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for (k, byte) in expected.enumerated() {
            guard i + k < s.count else { throw endOfInput(expecting: "'\(word)'") }
            guard s[i + k] == byte else { throw fail(i, "unexpected \(describe(i)); expected a value") }
        }
        nodes.append(Node(kind: kind, offset: i, payload: payload, next: nodes.count + 1))
        i += expected.count
    }

    private mutating func parseNumber() throws(JSONSyntaxError) {
        let start = i
        var k = i
        func digitAt(_ k: Int) -> Bool { k < s.count && s[k] >= .zero && s[k] <= .zero + 9 }
        func needDigit(_ k: Int, _ what: String) throws(JSONSyntaxError) {
            guard k < s.count else { throw endOfInput(expecting: "a digit") }
            guard digitAt(k) else { throw fail(k, "unexpected \(describe(k)); expected a digit \(what)") }
        }
        if s[k] == .minus { k += 1 }
        try needDigit(k, "after '-'")
        if s[k] == .zero {
            k += 1
            if digitAt(k) { throw fail(start, "a number cannot start with 0 followed by more digits") }
        } else {
            while digitAt(k) { k += 1 }
        }
        var isInteger = true
        if k < s.count, s[k] == .dot {
            isInteger = false
            k += 1
            try needDigit(k, "after '.'")
            while digitAt(k) { k += 1 }
        }
        if k < s.count, s[k] == UInt8(ascii: "e") || s[k] == UInt8(ascii: "E") {
            isInteger = false
            k += 1
            if k < s.count, s[k] == .plus || s[k] == .minus { k += 1 }
            try needDigit(k, "in the exponent")
            while digitAt(k) { k += 1 }
        }
        i = k
        let literal = UnsafeBufferPointer(rebasing: s[start..<k])
        if isInteger {
            // Accumulating downwards reaches Int.min, which upwards would overflow.
            let negative = s[start] == .minus
            var value = 0
            for byte in literal.dropFirst(negative ? 1 : 0) {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.subtractingReportingOverflow(Int(byte - .zero))
                guard !o1, !o2 else { throw outOfRange(start, literal) }
                value = next
            }
            if !negative {
                guard value != .min else { throw outOfRange(start, literal) }
                value = -value
            }
            nodes.append(Node(kind: .int, offset: start, payload: value, next: nodes.count + 1))
        } else {
            guard let value = Double(String(decoding: literal, as: UTF8.self)), value.isFinite else {
                throw outOfRange(start, literal)
            }
            nodes.append(Node(kind: .double, offset: start,
                              payload: Int(Int64(bitPattern: value.bitPattern)), next: nodes.count + 1))
        }
    }

    private func outOfRange(_ offset: Int, _ literal: UnsafeBufferPointer<UInt8>) -> JSONSyntaxError {
        fail(offset, "number \(clip(String(decoding: literal, as: UTF8.self))) is out of range")
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while i < s.count {
            switch s[i] {
            case .space, .lf, .cr, .tab: i += 1
            default: return
            }
        }
    }

    private mutating func skipByteOrderMark() {
        if s.count >= 3, s[0] == 0xEF, s[1] == 0xBB, s[2] == 0xBF { i = 3 }
    }

    private func sameContent(_ a: Int, _ b: Int) -> Bool {
        let x = nodes[a], y = nodes[b]
        if x.kind == .rawString && y.kind == .rawString {
            return x.payload == y.payload && memcmp(s.baseAddress! + x.offset + 1, s.baseAddress! + y.offset + 1, x.payload) == 0
        }
        return withContent(a) { x in withContent(b) { y in x.elementsEqual(y) } }
    }

    private func withContent<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let node = nodes[index]
        if node.kind == .rawString {
            return body(UnsafeBufferPointer(rebasing: s[(node.offset + 1)..<(node.offset + 1 + node.payload)]))
        }
        var text = decoded[node.payload]
        return text.withUTF8(body)
    }

    private func text(_ index: Int) -> String { withContent(index) { String(decoding: $0, as: UTF8.self) } }
    private func quoted(_ index: Int) -> String { "\"\(clip(text(index)))\"" }

    func position(_ offset: Int) -> TextPosition { TextPosition(of: offset, in: s) }

    func endOfInput(expecting what: String) -> JSONSyntaxError {
        fail(s.count, "unexpected end of input; expected \(what)")
    }

    func fail(_ offset: Int, _ message: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset, message: message)
    }

    private func describe(_ k: Int) -> String {
        let byte = s[k]
        switch byte {
        case 0: return "NUL byte"
        case ..<0x20, 0x7F: return "control character \(hex4(byte))"
        case ..<0x80: return "'\(describeChar(byte))'"
        default: return "byte 0x\(String(byte, radix: 16, uppercase: true)) (only ASCII may appear outside strings)"
        }
    }

    func describeChar(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : hex4(byte)
    }

    func hex4(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}

/// One of 64 bits for a key, from its length and its first and last bytes: equal keys always
/// get the same bit, and the dozen keys of a record rarely share one. A key whose bit is not
/// among an object's cannot be one of its keys.
@inline(__always)
func keyBit(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let mix = text.isEmpty ? 0 : text.count &* 31 &+ Int(text[0]) &* 7 &+ Int(text[text.count - 1])
    return 1 << UInt64(mix & 63)
}

/// Text from a file, fit to quote in a message: at most `limit` characters, and control
/// characters written as escapes, so that a message printed to a terminal cannot carry an
/// escape sequence out of a hostile file.
func clip(_ text: String, to limit: Int = 40) -> String {
    // Looks at no more than the limit's worth of characters: the text may be megabytes long.
    let start = text.prefix(limit + 1)
    let short = start.count <= limit ? text : String(start.dropLast()) + "…"
    guard short.unicodeScalars.contains(where: isControl) else { return short }
    return short.unicodeScalars.map { isControl($0) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
}

private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
}

extension UInt8 {
    static let tab: UInt8 = 0x09, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, space: UInt8 = 0x20
    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/")
    static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":"), dot = UInt8(ascii: ".")
    static let plus = UInt8(ascii: "+"), minus = UInt8(ascii: "-"), zero = UInt8(ascii: "0")
    static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
}
