import Foundation

/// iCalendar (RFC 5545) content: components of properties, read and written as text.
public enum ICalendar {
    public struct Property: Equatable, Sendable {
        public var name: String
        public var parameters: [String: String]
        public var value: String
        /// 1-based line of the file the (folded) property starts on.
        public var line: Int

        public init(_ name: String, _ value: String, parameters: [String: String] = [:], line: Int = 0) {
            self.name = name
            self.value = value
            self.parameters = parameters
            self.line = line
        }
    }

    public struct Component: Equatable, Sendable {
        public var name: String
        public var properties: [Property] = []
        public var components: [Component] = []
        public var line: Int

        public init(_ name: String, properties: [Property] = [], components: [Component] = [], line: Int = 0) {
            self.name = name
            self.properties = properties
            self.components = components
            self.line = line
        }

        public subscript(_ name: String) -> Property? { properties.first { $0.name == name } }

        public func all(_ name: String) -> [Property] { properties.filter { $0.name == name } }
    }

    public struct SyntaxError: Error, Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    // MARK: - Reading

    /// How deep components may nest. Calendars nest three or four deep (VCALENDAR, VTODO,
    /// VALARM); the bound keeps a hostile file from building a tree whose recursive
    /// destruction, comparison or walk would overflow the stack.
    public static let maxDepth = 64

    /// The top-level components (normally one VCALENDAR). Lines end in CRLF or, from sloppier
    /// writers, LF alone; a line starting with a space or tab continues the one before.
    /// A byte-order mark before `BEGIN` is skipped. An extension property (`X-…`) that cannot
    /// be read is left out with a warning (`LINE: NAME: why`): another program's private
    /// data must not cost the whole calendar.
    public static func parse(_ text: String) throws(SyntaxError) -> [Component] {
        var warnings: [String] = []
        return try parse(text, warnings: &warnings)
    }

    public static func parse(_ text: String, warnings: inout [String]) throws(SyntaxError) -> [Component] {
        var stack: [Component] = [], top: [Component] = []
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (line, content) in unfolded(text) {
            let p: Property
            do throws(SyntaxError) { p = try property(content, line: line) } catch {
                let name = content.prefix { $0 != ";" && $0 != ":" }.uppercased()
                guard name.hasPrefix("X-") else { throw error }
                let why = error.message.hasPrefix(name + " ") ? String(error.message.dropFirst(name.count + 1)) : error.message
                warnings.append("\(line): \(clip(name)): \(why); left out")
                continue
            }
            switch p.name {
            case "BEGIN":
                guard stack.count < maxDepth else {
                    throw SyntaxError(line: line, message: "BEGIN:\(clip(p.value)) nests components more than \(maxDepth) deep")
                }
                stack.append(Component(p.value.uppercased(), line: line))
            case "END":
                guard let done = stack.popLast(), done.name == p.value.uppercased() else {
                    throw SyntaxError(line: line, message: "END:\(p.value) without its BEGIN")
                }
                if stack.isEmpty { top.append(done) } else { stack[stack.count - 1].components.append(done) }
            default:
                guard !stack.isEmpty else { throw SyntaxError(line: line, message: "\(p.name) outside any component") }
                stack[stack.count - 1].properties.append(p)
            }
        }
        if let open = stack.last { throw SyntaxError(line: open.line, message: "BEGIN:\(open.name) is never ended") }
        return top
    }

    /// Split and joined on the UTF-8 bytes: line breaks and the blank that continues a line
    /// are single bytes, so a property folded over a million lines is copied, not rebuilt
    /// a character at a time.
    private static func unfolded(_ text: String) -> [(Int, String)] {
        var out: [(Int, String)] = []
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (n, raw) in lines.enumerated() {
            let s = raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw
            guard let first = s.first else { continue }
            if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t"), !out.isEmpty {
                out[out.count - 1].1.append(contentsOf: Substring(s.dropFirst()))
            } else {
                out.append((n + 1, String(Substring(s))))
            }
        }
        return out
    }

    /// `NAME;PARAM=value;PARAM="quoted:value":value`
    private static func property(_ s: String, line: Int) throws(SyntaxError) -> Property {
        var chars = Substring(s).unicodeScalars[...]
        /// A name ends at `=` too; a parameter value (RFC 5545 `paramtext`) may hold one, as
        /// Apple's base64 `X-APPLE-MAPKIT-HANDLE=…==` does.
        func token(value: Bool = false) -> String {
            var out = ""
            var quoted = false
            while let c = chars.first {
                if c == "\"" { quoted.toggle() } else if !quoted && (c == ";" || c == ":" || c == "," || (!value && c == "=")) {
                    break
                } else {
                    out.unicodeScalars.append(c)
                }
                chars = chars.dropFirst()
            }
            return out
        }
        let name = token().uppercased()
        guard !name.isEmpty else { throw SyntaxError(line: line, message: "a line without a property name") }
        var parameters: [String: String] = [:]
        while chars.first == ";" {
            chars = chars.dropFirst()
            let key = token().uppercased()
            guard chars.first == "=" else { throw SyntaxError(line: line, message: "\(name): parameter \(key) has no value") }
            chars = chars.dropFirst()
            var values = [token(value: true)]
            while chars.first == "," { chars = chars.dropFirst(); values.append(token(value: true)) }
            parameters[key] = values.joined(separator: ",")
        }
        guard chars.first == ":" else { throw SyntaxError(line: line, message: "\(name) has no value") }
        return Property(name, String(Substring(chars.dropFirst())), parameters: parameters, line: line)
    }

    /// TEXT values escape backslash, semicolon, comma and newline. Read byte by byte into one
    /// buffer (an escape is ASCII), and not at all when there is none.
    public static func unescape(_ s: String) -> String {
        let backslash = UInt8(ascii: "\\")
        guard s.utf8.contains(backslash) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var escaped = false
        for byte in s.utf8 {
            if escaped {
                out.append(byte == UInt8(ascii: "n") || byte == UInt8(ascii: "N") ? UInt8(ascii: "\n") : byte)
                escaped = false
            } else if byte == backslash {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    // MARK: - Writing

    /// CRLF line endings, and lines folded before 75 octets without splitting a character.
    public static func write(_ component: Component) -> String {
        var out = ""
        func emit(_ line: String) {
            var octets = 0
            for c in line.unicodeScalars {
                let size = String(c).utf8.count
                if octets + size > 75 {
                    out += "\r\n "
                    octets = 1
                }
                out.unicodeScalars.append(c)
                octets += size
            }
            out += "\r\n"
        }
        func walk(_ c: Component) {
            emit("BEGIN:" + c.name)
            for p in c.properties {
                let params = p.parameters.keys.sorted().map { key -> String in
                    let v = p.parameters[key]!
                    return ";\(key)=" + (v.contains(where: { ":;,".contains($0) }) ? "\"\(v)\"" : v)
                }.joined()
                emit(p.name + params + ":" + p.value)
            }
            c.components.forEach(walk)
            emit("END:" + c.name)
        }
        walk(component)
        return out
    }
}
