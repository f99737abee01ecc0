/// A JSON value to be written. Objects keep their members in the order given, so files
/// come out the same every time and diff cleanly.
public enum JSONOutput: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONOutput])
    case object([Member])

    public struct Member: Equatable, Sendable {
        public var key: String
        public var value: JSONOutput

        public init(_ key: String, _ value: JSONOutput) {
            self.key = key
            self.value = value
        }
    }

    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}

public enum JSONWriter {
    /// Two-space indents, `"key": value`, a final newline. Plain values stay on one line
    /// where that reads better: arrays of them (`"owners": ["maria", "li"]`), and small
    /// objects of them inside a record (`{"start": "…", "end": "…"}`). Records themselves
    /// always get a line per field, so they look alike however few fields they have.
    public static func pretty(_ value: JSONOutput) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out, indent: 0, style: .pretty)
        out.append(.lf)
        return out
    }

    /// No whitespace at all and no newline: one record per line in JSON Lines.
    public static func compact(_ value: JSONOutput) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out, indent: 0, style: .compact)
        return out
    }

    enum Style { case pretty, inline, compact }

    /// Objects nested this deep (inside a record inside a collection) may go on one line.
    static let inlineDepth = 3
    static let lineWidth = 120

    static func write(_ value: JSONOutput, into out: inout [UInt8], indent: Int, style: Style) {
        switch value {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let n): out += String(n).utf8
        // Non-finite numbers have no JSON spelling; encoders refuse them before they get here.
        case .double(let d): out += (d.isFinite ? "\(d)" : "null").utf8
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            let itemStyle = style == .pretty && items.allSatisfy(\.isScalar) ? .inline : style
            out.append(.openBracket)
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(.comma); if itemStyle == .inline { out.append(.space) } }
                if itemStyle == .pretty { newline(&out, indent + 1) }
                write(item, into: &out, indent: indent + 1, style: itemStyle)
            }
            if itemStyle == .pretty { newline(&out, indent) }
            out.append(.closeBracket)
        case .object(let members):
            guard !members.isEmpty else { out += "{}".utf8; return }
            if style == .pretty, indent >= inlineDepth, members.allSatisfy(\.value.isScalar) {
                var line: [UInt8] = []
                write(value, into: &line, indent: indent, style: .inline)
                if indent * 2 + line.count <= lineWidth {
                    out += line
                    return
                }
            }
            out.append(.openBrace)
            for (n, member) in members.enumerated() {
                if n > 0 { out.append(.comma); if style == .inline { out.append(.space) } }
                if style == .pretty { newline(&out, indent + 1) }
                writeString(member.key, into: &out)
                out.append(.colon)
                if style != .compact { out.append(.space) }
                write(member.value, into: &out, indent: indent + 1, style: style)
            }
            if style == .pretty { newline(&out, indent) }
            out.append(.closeBrace)
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(.lf)
        out.append(contentsOf: repeatElement(.space, count: indent * 2))
    }

    /// Escapes only what JSON requires (quote, backslash, C0 controls); everything else is
    /// written as UTF-8, so names in any script stay readable in the file.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(.quote)
        defer { out.append(.quote) }
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == .quote || $0 == .backslash }) {
            out.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case .quote: out += #"\""#.utf8
            case .backslash: out += #"\\"#.utf8
            case .lf: out += #"\n"#.utf8
            case .cr: out += #"\r"#.utf8
            case .tab: out += #"\t"#.utf8
            case 0x08: out += #"\b"#.utf8
            case 0x0C: out += #"\f"#.utf8
            case ..<0x20:
                out += #"\u00"#.utf8
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xF))
            default: out.append(byte)
            }
        }
    }

    private static func hexDigit(_ n: UInt8) -> UInt8 { n < 10 ? .zero + n : UInt8(ascii: "a") + n - 10 }
}
