/// How much text a field may hold when it is written: enough for any real title, name or note,
/// and small enough that one record never makes a list, a check or a screen slow. Only writes
/// are refused; data already on disk with a longer field loads as it is, and `crmtop check`
/// points at it (docs/DATA_FORMAT.md, "Field sizes").
public struct FieldLimit: Equatable, Sendable {
    public enum Unit: Sendable { case characters, bytes }

    public let maximum: Int
    /// Characters for what people read as a line (titles, names); UTF-8 bytes for free text
    /// and links, whose size is what matters.
    public let unit: Unit

    public static let title = FieldLimit(maximum: 1_000, unit: .characters)
    /// People's and teams' names and handles, customers, roles, KPI names and units, and the
    /// handles records refer to.
    public static let name = FieldLimit(maximum: 200, unit: .characters)
    /// An id another program gave a record (a calendar UID, a ticket number).
    public static let externalID = FieldLimit(maximum: 1_000, unit: .characters)
    /// 64 KiB.
    public static let notes = FieldLimit(maximum: 65_536, unit: .bytes)
    /// 8 KiB.
    public static let link = FieldLimit(maximum: 8_192, unit: .bytes)

    /// Whether `text` is longer, counted without looking far past the limit: a 200 MB note
    /// costs its byte count only.
    public func isExceeded(by text: String) -> Bool {
        let bytes = text.utf8.count
        // A character takes at least one byte, so few bytes are few characters.
        guard bytes > maximum else { return false }
        guard unit == .characters else { return true }
        var count = 0
        for _ in text {
            count += 1
            if count > maximum { return true }
        }
        return false
    }

    /// `too long: more than the 1,000 characters crmtop stores`, or for bytes
    /// `too long: 70,000 bytes, more than the 65,536 (64 KiB) crmtop stores`.
    func problem(_ text: String) -> String {
        switch unit {
        case .characters:
            "too long: more than the \(Self.grouped(maximum)) characters crmtop stores"
        case .bytes:
            "too long: \(Self.grouped(text.utf8.count)) bytes, more than the \(Self.grouped(maximum)) (\(maximum / 1024) KiB) crmtop stores"
        }
    }

    /// Thousands separated by commas whatever the locale, as everywhere in crmtop's messages.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

/// A field of a record that holds more than its limit allows.
public struct OversizedField: Equatable, Sendable {
    /// Inside the record, as its data file names it: `notes`, or `owners` with `index` 2.
    public var field: String
    public var index: Int?
    /// Inside the list element: `history` with `index` 0 and `key` `detail`.
    public var key: String?
    /// `too long: …`
    public var problem: String
    /// The text itself, so that a field kept unchanged is told from one made longer.
    public var value: String

    /// `owners[2]`, `history[0].detail`.
    public var path: String {
        field + (index.map { "[\($0)]" } ?? "") + (key.map { "." + $0 } ?? "")
    }

    /// `notes is too long: …`
    public var message: String { "\(path) is \(problem)" }
}

/// Records whose text fields have limits.
public protocol FieldSized {
    /// Every field over its limit, in the order of the record's fields in its file.
    var oversizedFields: [OversizedField] { get }
}

extension FieldSized {
    /// The fields over their limit that `before`, the record as it is stored now, does not
    /// already hold: a record that came in long may still be changed in its other fields.
    public func oversizedFields(comparedTo before: Self?) -> [OversizedField] {
        let found = oversizedFields
        guard let before, !found.isEmpty else { return found }
        let kept = before.oversizedFields
        return found.filter { !kept.contains($0) }
    }
}

/// Collects the fields over their limit, one `check` a field.
struct FieldSizeCheck {
    private(set) var found: [OversizedField] = []

    mutating func check(_ field: String, _ text: String?, _ limit: FieldLimit, index: Int? = nil, key: String? = nil) {
        guard let text, limit.isExceeded(by: text) else { return }
        found.append(OversizedField(field: field, index: index, key: key, problem: limit.problem(text), value: text))
    }

    mutating func check(_ field: String, _ texts: [String], _ limit: FieldLimit) {
        for (i, text) in texts.enumerated() { check(field, text, limit, index: i) }
    }
}
