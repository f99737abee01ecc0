import Foundation

/// Comma-separated values as RFC 4180 has them: quoted fields may hold commas, doubled
/// quotes and line breaks, so a record's line is where it starts, not its index.
public enum CSV {
    public struct Record: Equatable, Sendable {
        /// 1-based line of the file the record starts on.
        public var line: Int
        public var fields: [String]
    }

    public struct SyntaxError: Error, Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    /// Reads every record. A byte-order mark (spreadsheet programs write one) is skipped,
    /// CRLF and LF both end a record, and blank lines are dropped. `separator` is a comma,
    /// or what `separator(of:)` finds; it must be ASCII.
    ///
    /// Works on the UTF-8 bytes, where every character that means something to CSV is one
    /// byte: a field of megabytes is copied once, not built up a character at a time.
    public static func parse(_ text: String, separator: Unicode.Scalar = ",") throws(SyntaxError) -> [Record] {
        precondition(separator.isASCII, "a CSV separator is one ASCII character")
        let sep = UInt8(separator.value), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let bytes = Array(text.utf8)
        var records: [Record] = []
        var fields: [String] = [], field: [UInt8] = [], line = 1, recordLine = 1
        var quoted = false, wasQuoted = false
        func take() -> String {
            defer { field.removeAll(keepingCapacity: true) }
            return String(decoding: field, as: UTF8.self)
        }
        func endRecord() {
            fields.append(take())
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []; wasQuoted = false
        }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            if quoted {
                if c == quote {
                    if i < bytes.count, bytes[i] == quote { field.append(quote); i += 1 } else { quoted = false }
                } else if c == cr, i < bytes.count, bytes[i] == lf {
                    continue  // a line break inside a field reads as "\n" whoever wrote it
                } else {
                    if c == lf { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case sep:
                fields.append(take()); wasQuoted = false
            case quote:
                guard field.isEmpty else { throw SyntaxError(line: line, message: "a quote inside an unquoted field") }
                quoted = true; wasQuoted = true
            case cr:
                continue
            case lf:
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(c)
            }
        }
        if quoted { throw SyntaxError(line: recordLine, message: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }

    /// Spreadsheets where the decimal mark is a comma (German, French, … Excel) separate
    /// fields with semicolons, and some exports use tabs: whichever of the three the header
    /// line has most of, outside quotes, is the separator.
    public static func separator(of text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for c in text.unicodeScalars {
            if c == "\"" { quoted.toggle() } else if !quoted && (c == "\n" || c == "\r") { break }
            if !quoted, let n = counts[c] { counts[c] = n + 1 }
        }
        return [",", ";", "\t"].max { counts[$0]! < counts[$1]! }!
    }

    /// One record, quoted where a field needs it, ending in CRLF as RFC 4180 asks. A field
    /// a spreadsheet would run as a formula is written as text (`neutralised`).
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            let f = neutralised(field)
            return f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\r\n"
    }

    /// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (a tab or
    /// a carriage return first does not stop some of them), so an exported title such as
    /// `=HYPERLINK(…)` would be live. Such a field gets a leading apostrophe, which makes it
    /// text, as OWASP's advice on CSV injection has it. A field that is a number as it
    /// stands (`-2`, `+3`, `-0.5`) is no formula and stays as it is, and so does one that
    /// starts with a digit, such as a date. A field that would read back as a neutralised one
    /// (`'=x`) gets one more apostrophe, so `restored` always gives back the field itself.
    public static func neutralised(_ field: String) -> String {
        startsLikeAFormula(field.unicodeScalars[...]) ? "'" + field : field
    }

    /// A field as it was before `neutralised`: crmtop's import reads its own exports back exactly.
    public static func restored(_ field: String) -> String {
        let scalars = field.unicodeScalars
        guard scalars.first == "'", startsLikeAFormula(scalars.dropFirst()) else { return field }
        return String(scalars.dropFirst())
    }

    /// Whether the field, after any apostrophes, starts with what a spreadsheet takes for a
    /// formula and is not simply a number.
    private static func startsLikeAFormula(_ field: Substring.UnicodeScalarView) -> Bool {
        let rest = field.drop { $0 == "'" }
        guard let first = rest.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return false }
        return !isNumber(rest)
    }

    /// An optional sign, digits with an optional decimal point and an optional exponent.
    private static func isNumber(_ text: Substring.UnicodeScalarView) -> Bool {
        var rest = text[...]
        func digits() -> Int {
            let count = rest.prefix { ("0"..."9").contains($0) }.count
            rest = rest.dropFirst(count)
            return count
        }
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        var mantissa = digits()
        if rest.first == "." {
            rest = rest.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }
}
