/// Strings: the one part of JSON that can be huge, so each is scanned in one pass and, if it
/// has escapes, decoded into one growing buffer; nothing here is quadratic in its length.
extension JSONParser {
    mutating func parseString() throws(JSONSyntaxError) {
        let quote = i
        var j = i + 1
        var escaped = false, nonASCII = false
        let start = UnsafeRawPointer(s.baseAddress!)
        while true {
            // Eight bytes at a time while none of them is a quote, a backslash, a control
            // character or part of a multi-byte character: titles and notes are mostly that.
            while j + 8 <= s.count, Self.plain(start.loadUnaligned(fromByteOffset: j, as: UInt64.self)) { j += 8 }
            guard j < s.count else {
                throw fail(s.count, "the input ends inside a string that starts at \(position(quote))")
            }
            let byte = s[j]
            if byte == .quote { break }
            if byte == .backslash {
                escaped = true
                j += 2
                continue
            }
            if byte < 0x20 {
                throw fail(j, byte == 0
                    ? "NUL byte inside a string; write it as \\u0000"
                    : "raw control character \(hex4(byte)) inside a string; escape it")
            }
            if byte >= 0x80 { nonASCII = true }
            j += 1
        }
        let content = (quote + 1)..<j
        if nonASCII, let bad = Self.firstInvalidUTF8(s, content) {
            throw fail(bad, "invalid UTF-8 (byte 0x\(String(s[bad], radix: 16, uppercase: true)))")
        }
        if escaped {
            decoded.append(try unescape(content))
            nodes.append(Node(kind: .decodedString, offset: quote, payload: decoded.count - 1, next: nodes.count + 1))
        } else {
            nodes.append(Node(kind: .rawString, offset: quote, payload: content.count, next: nodes.count + 1))
        }
        i = j + 1
    }

    /// Whether none of eight bytes (in either order) needs a look of its own.
    @inline(__always)
    static func plain(_ v: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A byte of zero shows as its high bit in `(x - ones) & ~x & highs`; bytes equal to c
        // are zero in v ^ (c * ones), and bytes below 0x20 borrow as zero does.
        func zeroIn(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quote = zeroIn(v ^ (ones &* UInt64(UInt8.quote)))
        let backslash = zeroIn(v ^ (ones &* UInt64(UInt8.backslash)))
        let control = (v &- ones &* 0x20) & ~v & highs
        return quote | backslash | control | (v & highs) == 0
    }

    func unescape(_ range: Range<Int>) throws(JSONSyntaxError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var k = range.lowerBound
        while k < range.upperBound {
            var run = k
            while run < range.upperBound, s[run] != .backslash { run += 1 }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: s[k..<run]))
            k = run
            guard k < range.upperBound else { break }
            // The scan stepped over escapes in pairs, so the escape letter is inside the range.
            switch s[k + 1] {
            case .quote, .backslash, .slash: out.append(s[k + 1])
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(.lf)
            case UInt8(ascii: "r"): out.append(.cr)
            case UInt8(ascii: "t"): out.append(.tab)
            case UInt8(ascii: "u"):
                var unit = try hexEscape(at: k, end: range.upperBound)
                k += 6
                if (0xDC00..<0xE000).contains(unit) {
                    throw fail(k - 6, "\\u\(String(unit, radix: 16, uppercase: true)) is half of a surrogate pair; the other half is missing")
                }
                if (0xD800..<0xDC00).contains(unit) {
                    var low: UInt32 = 0
                    if k + 1 < range.upperBound, s[k] == .backslash, s[k + 1] == UInt8(ascii: "u") {
                        low = try hexEscape(at: k, end: range.upperBound)
                    }
                    guard (0xDC00..<0xE000).contains(low) else {
                        throw fail(k - 6, "\\u\(String(unit, radix: 16, uppercase: true)) is half of a surrogate pair; the other half is missing")
                    }
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                }
                UTF8.encode(Unicode.Scalar(unit)!) { out.append($0) }
                continue
            default:
                throw fail(k, "invalid escape \\\(describeChar(s[k + 1])) in a string")
            }
            k += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    func hexEscape(at k: Int, end: Int) throws(JSONSyntaxError) -> UInt32 {
        guard k + 6 <= end else { throw fail(k, "\\u must be followed by four hex digits") }
        var value: UInt32 = 0
        for byte in UnsafeBufferPointer(rebasing: s[(k + 2)..<(k + 6)]) {
            let digit: UInt8
            switch byte {
            case .zero...(.zero + 9): digit = byte - .zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail(k, "\\u must be followed by four hex digits")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Offset of the first byte that does not start or continue a well-formed UTF-8
    /// sequence (no overlong forms, no surrogates, nothing past U+10FFFF).
    static func firstInvalidUTF8(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var k = range.lowerBound
        while k < range.upperBound {
            let lead = s[k]
            if lead < 0x80 { k += 1; continue }
            let length: Int, smallest: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: (length, smallest, scalar) = (2, 0x80, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, smallest, scalar) = (3, 0x800, UInt32(lead & 0x0F))
            case 0xF0...0xF4: (length, smallest, scalar) = (4, 0x10000, UInt32(lead & 0x07))
            default: return k
            }
            guard k + length <= range.upperBound else { return k }
            for n in 1..<length {
                let byte = s[k + n]
                guard byte & 0xC0 == 0x80 else { return k }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            guard scalar >= smallest, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return k }
            k += length
        }
        return nil
    }
}
