import Foundation

/// A CSV file with a header row, read as records of named fields. Columns are found by
/// their header (any case), so what a CRM exports imports as it is; `map` names the columns
/// it calls something else. Columns nobody claims are ignored. A cell crmtop's export kept
/// from being a spreadsheet formula reads as the text it was (`CSV.restored`).
struct CSVTable {
    /// The fields a column can fill, each with the header names it is known by unmapped.
    typealias Fields = [(field: String, headers: [String])]

    struct Row {
        /// The line of the file the record starts on.
        var line: Int
        /// Every field that has a column, with that column's text ("" where the row is short).
        var values: [String: String]
    }

    /// The header's line, 1 unless blank lines come first.
    var headerLine = 1
    /// The fields that have a column.
    var columns: Set<String> { Set(headers.keys) }
    /// Each field's column, named as the file's header row writes it.
    var headers: [String: String] = [:]
    var rows: [Row] = []
    /// Whether the file holds nothing, not even a header.
    var isEmpty = true

    /// `map` takes a column name (any case) to a field name.
    init(_ text: String, fields: Fields, map: [String: String]) throws(ImportProblem) {
        let records: [CSV.Record]
        do { records = try CSV.parse(text, separator: CSV.separator(of: text)) } catch { throw ImportProblem(line: error.line, field: "csv", error.message) }
        guard let header = records.first else { return }
        headerLine = header.line
        isEmpty = false
        let mapped = Dictionary(map.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        var index: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            let name = name.trimmingCharacters(in: .whitespaces).lowercased()
            let field = mapped[name] ?? fields.first { $0.headers.contains(name) }?.field
            if let field, index[field] == nil {
                index[field] = i
                headers[field] = header.fields[i].trimmingCharacters(in: .whitespaces)
            }
        }
        rows = records.dropFirst().map { record in
            var values: [String: String] = [:]
            for (field, i) in index { values[field] = i < record.fields.count ? CSV.restored(record.fields[i]) : "" }
            return Row(line: record.line, values: values)
        }
    }

    /// Said of a file whose rows have no id, at its header's line: nothing matches them, so
    /// another import of it adds them again.
    static let withoutIDs = "note: no id column, so importing this file again adds its rows again; "
        + "map one with --map COLUMN=external_id"

    /// Tells `note` when rows come without an id, which makes each a new record.
    func noteWithoutIDs(_ note: (String) -> Void) {
        if !columns.contains("external_id") && !rows.isEmpty { note("\(headerLine): \(Self.withoutIDs)") }
    }

    /// Refuses a file without a column for `field`, at the header's line.
    func require(_ field: String, _ why: String) throws(ImportProblem) {
        guard columns.contains(field) else { throw ImportProblem(line: headerLine, field: field, why) }
    }
}

extension CSVTable.Row {
    /// The trimmed text of `field`, nil when the file has no such column or the cell is empty.
    func text(_ field: String) -> String? {
        guard let raw = values[field] else { return nil }
        let text = raw.trimmingSpaces
        return text.isEmpty ? nil : text
    }

    func problem(_ field: String, _ message: String) -> ImportProblem { ImportProblem(line: line, field: field, message) }

    /// A time as other programs write it (see `ImportTime`); nil when empty or absent.
    func time(_ field: String, zone: TimeZone) throws(ImportProblem) -> Date? {
        guard let text = text(field) else { return nil }
        guard let date = ImportTime.parse(text, zone: zone) else { throw problem(field, "cannot read \"\(text)\" as a time") }
        return date
    }
}

extension ImportProblem {
    /// The same problem naming the CSV column as the file's header row writes it, with the
    /// field it was read as when that is called something else: `Due Date (due)`. Problems
    /// with fields the file has no column for stay as they are.
    public func namingColumn(in text: String, fields: [(field: String, headers: [String])],
                             map: [String: String]) -> ImportProblem {
        guard let table = try? CSVTable(text, fields: fields, map: map), let header = table.headers[field] else { return self }
        var named = self
        named.field = header.lowercased() == field.lowercased() ? header : "\(header) (\(field))"
        return named
    }
}
