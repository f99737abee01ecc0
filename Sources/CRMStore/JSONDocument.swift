#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed JSON text, kept flat: one node per value in document order, each container's
/// children right after it. Flat nodes cost one array append per value instead of an
/// allocation per container, and strings stay as byte ranges until someone asks for them,
/// so loading 100,000 records does not build a million `String`s for field names.
public final class JSONDocument {
    /// The whole input; offsets in nodes and errors count bytes from its start.
    let bytes: FileBytes
    /// Where `bytes` starts; valid as long as the document holds them. Reading through it
    /// spares a reference count update per string, of which a large file has millions.
    let base: UnsafePointer<UInt8>
    let nodes: [Node]
    /// Strings that contained escapes, already decoded; raw strings are read from `bytes`.
    let decoded: [String]
    /// Objects with members their decoder did not know, those members' key nodes and the
    /// names it did know, as found while decoding (see `UnknownFields`).
    var unknownMembers: [(object: Int, keys: [Int], known: [StaticString])] = []
    /// Set while `check` reads the document, to collect every problem instead of stopping at
    /// the first.
    var checkLog: CheckLog?

    init(bytes: FileBytes, nodes: [Node], decoded: [String]) {
        self.bytes = bytes
        base = bytes.withUnsafeBufferPointer { $0.baseAddress! }
        self.nodes = nodes
        self.decoded = decoded
    }

    /// Parses one JSON value filling the whole input (surrounding whitespace and a leading
    /// byte order mark allowed).
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONDocument {
        try JSONParser.parse(FileBytes(bytes), lines: false)
    }

    static func parse(_ bytes: FileBytes) throws(JSONSyntaxError) -> JSONDocument {
        try JSONParser.parse(bytes, lines: false)
    }

    /// Parses JSON Lines: one value per line, blank lines skipped. The root is an array of
    /// the lines' values.
    public static func parseLines(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONDocument {
        try JSONParser.parse(FileBytes(bytes), lines: true)
    }

    static func parseLines(_ bytes: FileBytes) throws(JSONSyntaxError) -> JSONDocument {
        try JSONParser.parse(bytes, lines: true)
    }

    public var root: JSONValue { JSONValue(document: self, index: 0) }

    /// Built on the first `position(of:)`: only a problem asks for one.
    private var textIndex: TextIndex?
    /// For arrays asked for one element at a time, where each element's node is.
    private var elementNodes: [Int: [Int]] = [:]

    /// 1-based line and column of a byte offset; columns count characters, not bytes.
    public func position(of offset: Int) -> TextPosition {
        bytes.withUnsafeBufferPointer { buffer in
            let index = textIndex ?? TextIndex(buffer)
            textIndex = index
            return index.position(of: offset, in: buffer)
        }
    }

    /// The node of element `n` of the array at node `array`. `check` asks once per problem,
    /// so the array's elements are listed once, on the first question, instead of each time.
    func element(_ n: Int, ofArrayAt array: Int) -> Int {
        if let known = elementNodes[array] { return known[n] }
        var found: [Int] = []
        found.reserveCapacity(nodes[array].payload)
        var i = array + 1
        for _ in 0..<nodes[array].payload {
            found.append(i)
            i = nodes[i].next
        }
        elementNodes[array] = found
        return found[n]
    }
}

struct Node {
    enum Kind: UInt8 { case null, bool, int, double, rawString, decodedString, array, object }
    var kind: Kind
    // Offsets and indexes fit in 32 bits (`JSONParser.maxSize`), which makes a node 24 bytes
    // instead of 32: 100,000 reminders take three and a half million nodes.
    private var offset32: UInt32
    private var next32: UInt32
    /// bool: 0/1; int: the value; double: its bit pattern; rawString: byte length of the
    /// content; decodedString: index into `decoded`; containers: number of children
    /// (members count once, not key and value).
    var payload: Int

    init(kind: Kind, offset: Int, payload: Int, next: Int) {
        self.kind = kind
        offset32 = UInt32(offset)
        next32 = UInt32(next)
        self.payload = payload
    }

    /// Byte offset of the value's first character (the quote, for strings).
    var offset: Int {
        get { Int(offset32) }
        set { offset32 = UInt32(newValue) }
    }

    /// Index of the node after this value and everything inside it.
    var next: Int {
        get { Int(next32) }
        set { next32 = UInt32(newValue) }
    }
}

/// A view of one value in a `JSONDocument`. Cheap to copy.
public struct JSONValue {
    public let document: JSONDocument
    let index: Int

    public enum Kind: Sendable { case null, bool, number, string, array, object }

    var node: Node { document.nodes[index] }

    public var kind: Kind {
        switch node.kind {
        case .null: .null
        case .bool: .bool
        case .int, .double: .number
        case .rawString, .decodedString: .string
        case .array: .array
        case .object: .object
        }
    }

    public var offset: Int { node.offset }
    public var position: TextPosition { document.position(of: offset) }

    public var isNull: Bool { node.kind == .null }
    public var bool: Bool? { node.kind == .bool ? node.payload != 0 : nil }

    /// Only numbers written without fraction or exponent.
    public var int: Int? { node.kind == .int ? node.payload : nil }

    public var double: Double? {
        switch node.kind {
        case .int: Double(node.payload)
        case .double: Double(bitPattern: UInt64(bitPattern: Int64(node.payload)))
        default: nil
        }
    }

    public var string: String? { document.string(at: index) }

    /// Calls `body` with the string's UTF-8 without making a `String` when it had no escapes.
    public func withStringUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        document.withStringUTF8(at: index, body)
    }

    /// Number of elements or members; 0 for scalars.
    public var count: Int {
        let n = node
        return n.kind == .array || n.kind == .object ? n.payload : 0
    }

    /// Elements of an array; empty for anything else.
    public var elements: [JSONValue] {
        guard node.kind == .array else { return [] }
        var result: [JSONValue] = []
        result.reserveCapacity(node.payload)
        var i = index + 1
        for _ in 0..<node.payload {
            result.append(JSONValue(document: document, index: i))
            i = document.nodes[i].next
        }
        return result
    }

    /// Members of an object in the order written; empty for anything else. The key is a
    /// string value, so it has a position of its own.
    public var members: [(key: JSONValue, value: JSONValue)] {
        guard node.kind == .object else { return [] }
        var result: [(key: JSONValue, value: JSONValue)] = []
        result.reserveCapacity(node.payload)
        var i = index + 1
        for _ in 0..<node.payload {
            result.append((JSONValue(document: document, index: i), JSONValue(document: document, index: i + 1)))
            i = document.nodes[i + 1].next
        }
        return result
    }

    public subscript(key: String) -> JSONValue? {
        members.first { $0.key.string == key }?.value
    }

    /// Whether this is a string equal to `text`, compared without making a `String`.
    func stringEquals(_ text: StaticString) -> Bool {
        document.string(at: index, equals: text)
    }
}

extension JSONDocument {
    /// The string at node `index`, or nil when it is not a string. Decoders read through the
    /// document rather than a `JSONValue` where they can: each value made and dropped costs a
    /// reference count update, and a large file has millions of values.
    func string(at index: Int) -> String? {
        let n = nodes[index]
        switch n.kind {
        case .rawString:
            return String(decoding: UnsafeBufferPointer(start: base + n.offset + 1, count: n.payload), as: UTF8.self)
        case .decodedString:
            return decoded[n.payload]
        default:
            return nil
        }
    }

    func withStringUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let n = nodes[index]
        switch n.kind {
        case .rawString:
            return body(UnsafeBufferPointer(start: base + n.offset + 1, count: n.payload))
        case .decodedString:
            var text = decoded[n.payload]
            return text.withUTF8(body)
        default:
            return nil
        }
    }

    func string(at index: Int, equals text: StaticString) -> Bool {
        let node = nodes[index]
        switch node.kind {
        case .rawString:
            guard node.payload == text.utf8CodeUnitCount else { return false }
            return memcmp(base + node.offset + 1, text.utf8Start, node.payload) == 0
        case .decodedString:
            return decoded[node.payload] == text.description
        default:
            return false
        }
    }
}
