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

    /// Escapes what JSON requires (quote, backslash, C0 controls) and what a terminal would
    /// act on if the JSON were printed to one: DEL, C1 controls (U+009B starts a sequence of
    /// its own), the bidi controls that reorder a line and the Unicode line separators. The
    /// escapes decode to the same text. Everything else is written as UTF-8, so names in any
    /// script stay readable in the file.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(.quote)
        defer { out.append(.quote) }
        var text = text
        text.withUTF8 { bytes in
            var i = 0, copied = 0
            while i < bytes.count {
                let byte = bytes[i]
                let simple: String? = switch byte {
                case .quote: #"\""#
                case .backslash: #"\\"#
                case .lf: #"\n"#
                case .cr: #"\r"#
                case .tab: #"\t"#
                case 0x08: #"\b"#
                case 0x0C: #"\f"#
                default: nil
                }
                let code = simple == nil ? escapedScalar(bytes, at: i) : nil
                guard simple != nil || code != nil else {
                    i += 1
                    continue
                }
                out.append(contentsOf: bytes[copied..<i])
                if let simple {
                    out += simple.utf8
                    i += 1
                } else if let (scalar, length) = code {
                    out += #"\u"#.utf8
                    for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigit(UInt8(scalar >> shift & 0xF))) }
                    i += length
                }
                copied = i
            }
            out.append(contentsOf: bytes[copied...])
        }
    }

    /// The scalar starting at `i` if it is written as `\uXXXX`, with its length in UTF-8:
    /// C0 controls, DEL, C1 controls (C2 80–9F), U+061C (D8 9C), U+200E and U+200F
    /// (E2 80 8E–8F), U+2028–U+202E (E2 80 A8–AE) and U+2066–U+2069 (E2 81 A6–A9).
    private static func escapedScalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt16, Int)? {
        let next = i + 1 < b.count ? b[i + 1] : 0, last = i + 2 < b.count ? b[i + 2] : 0
        switch b[i] {
        case ..<0x20, 0x7F: return (UInt16(b[i]), 1)
        case 0xC2 where (0x80...0x9F).contains(next): return (UInt16(next), 2)
        case 0xD8 where next == 0x9C: return (0x061C, 2)
        case 0xE2 where next == 0x80 && ((0x8E...0x8F).contains(last) || (0xA8...0xAE).contains(last)),
             0xE2 where next == 0x81 && (0xA6...0xA9).contains(last):
            return (0x2000 | UInt16(next & 0x3F) << 6 | UInt16(last & 0x3F), 3)
        default: return nil
        }
    }

    private static func hexDigit(_ n: UInt8) -> UInt8 { n < 10 ? .zero + n : UInt8(ascii: "a") + n - 10 }
}
