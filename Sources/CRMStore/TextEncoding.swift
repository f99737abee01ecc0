/// How the bytes of an imported CSV or iCalendar file become text. UTF-8 unless the person
/// says otherwise: a spreadsheet saved as "CSV" by an older Excel is Windows-1252, and text
/// guessed wrong would be stored wrong without a word.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case latin1
    case windows1252 = "windows-1252"
    /// What Excel saves as "Unicode Text": little-endian unless a byte-order mark says otherwise.
    case utf16 = "utf-16"

    public static let names = allCases.map(\.rawValue).joined(separator: ", ")

    /// What to tell someone whose file is not UTF-8.
    static let hint = "if the file is Latin-1 or Windows-1252 (as spreadsheet programs often save CSV), "
        + "say so with --encoding latin1 or --encoding windows-1252"

    private static let utf8Mark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The file's text, or the first byte that is not text in this encoding with its line,
    /// column and byte offset; `field` names the format in the problem (`csv`, `ics`). A
    /// UTF-8 byte-order mark at the start is dropped.
    public func decode(_ bytes: [UInt8], field: String) throws(ImportProblem) -> String {
        func refuse(_ offset: Int, _ why: String) -> ImportProblem {
            let at = TextPosition(of: offset, in: bytes)
            let byte = "0x" + String(bytes[offset], radix: 16, uppercase: true)
            return ImportProblem(line: at.line, column: at.column, field: field,
                                 "byte \(byte) at byte offset \(offset) \(why)")
        }
        if self != .utf8 && self != .utf16 && bytes.starts(with: Self.utf8Mark) {
            throw refuse(0, "starts a UTF-8 byte-order mark: the file is UTF-8, so import it without --encoding")
        }
        switch self {
        case .utf8:
            // A UTF-16 byte-order mark says which encoding the file is in as plainly.
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                return try Self.utf16.decode(bytes, field: field)
            }
            let start = bytes.starts(with: Self.utf8Mark) ? 3 : 0
            let bad = bytes.withUnsafeBufferPointer { JSONParser.firstInvalidUTF8($0, start..<$0.count) }
            if let bad { throw refuse(bad, "is not UTF-8; " + Self.hint) }
            return String(decoding: bytes[start...], as: UTF8.self)
        case .latin1:
            // In Latin-1 these are control characters; in text they are Windows-1252's quotes and dashes.
            if let c1 = bytes.firstIndex(where: Self.isC1) {
                throw refuse(c1, "is a control character in Latin-1; if the file is Windows-1252, say so with --encoding windows-1252")
            }
            return Self.string(bytes) { Unicode.Scalar($0) }
        case .windows1252:
            if let undefined = bytes.firstIndex(where: { Self.isC1($0) && Self.windows1252C1[Int($0 - 0x80)] == nil }) {
                throw refuse(undefined, "has no character in Windows-1252")
            }
            return Self.string(bytes) { Self.isC1($0) ? Self.windows1252C1[Int($0 - 0x80)]! : Unicode.Scalar($0) }
        case .utf16:
            return try Self.utf16Text(bytes, refuse)
        }
    }

    /// Code units two bytes at a time; a lone surrogate or an odd last byte is refused at its offset.
    private static func utf16Text(_ bytes: [UInt8], _ refuse: (Int, String) -> ImportProblem) throws(ImportProblem) -> String {
        var bigEndian = false, start = 0
        if bytes.starts(with: [0xFE, 0xFF]) { bigEndian = true; start = 2 } else if bytes.starts(with: [0xFF, 0xFE]) { start = 2 }
        guard (bytes.count - start) % 2 == 0 else { throw refuse(bytes.count - 1, "is half a UTF-16 character at the end of the file") }
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        for i in stride(from: start, to: bytes.count, by: 2) {
            units.append(bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
        }
        var out = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var offset = start
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                out.append(s)
                offset += s.value > 0xFFFF ? 4 : 2
            case .emptyInput: return String(out)
            case .error: throw refuse(offset, "is not UTF-16 (half of a surrogate pair)")
            }
        }
    }

    private static func isC1(_ byte: UInt8) -> Bool { (0x80...0x9F).contains(byte) }

    /// One character per byte, encoded into one buffer as it goes.
    private static func string(_ bytes: [UInt8], _ scalar: (UInt8) -> Unicode.Scalar) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 { utf8.append(byte) } else { UTF8.encode(scalar(byte)) { utf8.append($0) } }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Windows-1252's bytes 0x80–0x9F, where it differs from Latin-1; nil for the five it leaves undefined.
    private static let windows1252C1: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
