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
    /// or what `separator(of:)` finds.
    public static func parse(_ text: String, separator: Unicode.Scalar = ",") throws(SyntaxError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = [], field = "", line = 1, recordLine = 1
        var quoted = false, wasQuoted = false
        var chars = Array(text.unicodeScalars)[...]
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []; field = ""; wasQuoted = false
        }
        var i = chars.startIndex
        while i < chars.endIndex {
            let c = chars[i]
            i += 1
            if quoted {
                if c == "\"" {
                    if i < chars.endIndex, chars[i] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { quoted = false }
                } else if c == "\r", i < chars.endIndex, chars[i] == "\n" {
                    continue  // a line break inside a field reads as "\n" whoever wrote it
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case separator:
                fields.append(field); field = ""; wasQuoted = false
            case "\"":
                guard field.isEmpty else { throw SyntaxError(line: line, message: "a quote inside an unquoted field") }
                quoted = true; wasQuoted = true
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(c)
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

    /// One record, quoted where a field needs it, ending in CRLF as RFC 4180 asks.
    public static func line(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\r\n"
    }
}
