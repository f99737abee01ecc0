import CRMCore
import Foundation

/// Reads the members of one object by name, then notes any it did not know, to be written
/// back as they were (`UnknownFields`) and, if they look like typos, reported by `check`.
struct Fields {
    let object: JSONValue
    /// `object`'s document: the reads that succeed, nearly all of them, go through it without
    /// a `JSONValue` and the reference counting each one costs.
    private let document: JSONDocument
    private let known: [StaticString]
    /// Files we write list fields in the order decoders ask for them, so starting each
    /// search just after the last hit usually finds the field at once.
    private var cursor: Int
    private var seen = 0
    /// The `keyBit`s of the object's keys: most optional fields are absent from most
    /// records, and this says so without comparing the field's name with every key.
    private let keyBits: UInt64

    init(_ value: JSONValue, known: [StaticString]) throws(FieldError) {
        guard value.kind == .object else { throw value.mismatch("an object") }
        object = value
        document = value.document
        self.known = known
        cursor = 0
        var bits: UInt64 = 0
        var k = value.index + 1
        for _ in 0..<document.nodes[value.index].payload {
            bits |= document.withStringUTF8(at: k, CRMStore.keyBit) ?? 0
            k = document.nodes[k + 1].next
        }
        keyBits = bits
    }

    /// The value, or nil when it is absent or `null`.
    mutating func optional(_ key: StaticString) -> JSONValue? {
        present(key).map { JSONValue(document: document, index: $0) }
    }

    /// The value, which may be `null`: the caller's type check then says "found null" and
    /// points at it, which helps more than calling the field missing.
    mutating func required(_ key: StaticString) throws(FieldError) -> JSONValue {
        JSONValue(document: document, index: try requiredIndex(key))
    }

    /// The value's node, when the field is there and not `null`.
    private mutating func present(_ key: StaticString) -> Int? {
        guard let k = lookup(key), document.nodes[k].kind != .null else { return nil }
        return k
    }

    private mutating func requiredIndex(_ key: StaticString) throws(FieldError) -> Int {
        guard let k = lookup(key) else {
            throw FieldError("missing required field \"\(key)\"", at: object.offset)
        }
        return k
    }

    /// The value's node, when the field is there.
    private mutating func lookup(_ key: StaticString) -> Int? {
        assert(known.contains { $0.description == key.description }, "\(key) missing from the known list")
        guard keyBits & key.withUTF8Buffer(CRMStore.keyBit) != 0
        else { return nil }
        let first = object.index + 1
        let members = document.nodes[object.index].payload
        let end = document.nodes[object.index].next
        var k = cursor == 0 ? first : cursor
        for _ in 0..<members {
            var next = document.nodes[k + 1].next
            if next == end { next = first }
            if document.string(at: k, equals: key) {
                seen += 1
                cursor = next
                return k + 1
            }
            k = next
        }
        return nil
    }

    /// Notes the members not asked for.
    func finish() {
        guard seen < object.count else { return }
        let unknown = object.members.filter { key, _ in !known.contains { key.stringEquals($0) } }.map(\.key.index)
        if !unknown.isEmpty { object.document.unknownMembers.append((object.index, unknown, known)) }
    }

    // MARK: - Typed access

    /// The field at node `k` as `decode` reads it. Reading for `check`, which wants every
    /// problem and not just the first, a problem is noted and `placeholder` stands in for the
    /// value, so reading carries on.
    private func decoded<T>(_ key: StaticString, at k: Int, or placeholder: T,
                            _ decode: (JSONValue) throws(FieldError) -> T) throws(FieldError) -> T {
        let value = JSONValue(document: document, index: k)
        do {
            return try within(.key("\(key)")) { () throws(FieldError) in try decode(value) }
        } catch {
            guard let log = document.checkLog else { throw error }
            log.note(error, in: object)
            return placeholder
        }
    }

    mutating func string(_ key: StaticString) throws(FieldError) -> String {
        let k = try requiredIndex(key)
        if let text = document.string(at: k) { return text }
        return try decoded(key, at: k, or: "") { v throws(FieldError) in try v.decodeString() }
    }

    mutating func string(_ key: StaticString, or fallback: String?) throws(FieldError) -> String? {
        guard let k = present(key) else { return fallback }
        if let text = document.string(at: k) { return text }
        return try decoded(key, at: k, or: fallback) { v throws(FieldError) in try v.decodeString() }
    }

    /// An optional string that must pass `problem` (which says why not), refused at the value.
    mutating func string(_ key: StaticString, or fallback: String?,
                         checkedBy problem: (String) -> String?) throws(FieldError) -> String? {
        guard let k = present(key) else { return fallback }
        return try decoded(key, at: k, or: fallback) { v throws(FieldError) in
            let text = try v.decodeString()
            if let why = problem(text) { throw FieldError(why, at: v.offset) }
            return text
        }
    }

    mutating func int(_ key: StaticString) throws(FieldError) -> Int {
        try decoded(key, at: try requiredIndex(key), or: 0) { v throws(FieldError) in try v.decodeInt() }
    }

    mutating func int(_ key: StaticString, or fallback: Int?) throws(FieldError) -> Int? {
        guard let k = present(key) else { return fallback }
        return try decoded(key, at: k, or: fallback) { v throws(FieldError) in try v.decodeInt() }
    }

    mutating func time(_ key: StaticString, _ zone: TimeZone) throws(FieldError) -> Date {
        let k = try requiredIndex(key)
        if let date = document.time(at: k, zone) { return date }
        return try decoded(key, at: k, or: Date(timeIntervalSince1970: 0)) { v throws(FieldError) in try v.decodeTime(zone) }
    }

    mutating func optionalTime(_ key: StaticString, _ zone: TimeZone) throws(FieldError) -> Date? {
        guard let k = present(key) else { return nil }
        if let date = document.time(at: k, zone) { return date }
        return try decoded(key, at: k, or: nil) { v throws(FieldError) in try v.decodeTime(zone) }
    }

    mutating func duration(_ key: StaticString) throws(FieldError) -> TimeInterval? {
        guard let k = present(key) else { return nil }
        return try decoded(key, at: k, or: nil) { v throws(FieldError) in try v.decodeDuration() }
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(
        _ key: StaticString, or fallback: E?
    ) throws(FieldError) -> E? where E.RawValue == String {
        guard let k = present(key) else { return fallback }
        if let text = document.string(at: k), let choice = E(rawValue: text) { return choice }
        return try decoded(key, at: k, or: fallback) { v throws(FieldError) in try v.decodeChoice(E.self) }
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ key: StaticString) throws(FieldError) -> E
    where E.RawValue == String {
        try decoded(key, at: try requiredIndex(key), or: E.allCases.first!) { v throws(FieldError) in
            try v.decodeChoice(E.self)
        }
    }

    mutating func list<T>(
        _ key: StaticString, _ element: (JSONValue) throws(FieldError) -> T
    ) throws(FieldError) -> [T] {
        guard let k = present(key) else { return [] }
        return try decoded(key, at: k, or: []) { v throws(FieldError) in try v.decodeList(element) }
    }

    mutating func requiredList<T>(
        _ key: StaticString, _ element: (JSONValue) throws(FieldError) -> T
    ) throws(FieldError) -> [T] {
        try decoded(key, at: try requiredIndex(key), or: []) { v throws(FieldError) in try v.decodeList(element) }
    }

    /// An object used as a map from handles to values (`{"maria": "2026-…"}`).
    mutating func map<T>(
        _ key: StaticString, _ element: (JSONValue) throws(FieldError) -> T
    ) throws(FieldError) -> [String: T] {
        guard let k = present(key) else { return [:] }
        return try decoded(key, at: k, or: [:]) { value throws(FieldError) in
            guard value.kind == .object else { throw value.mismatch("an object") }
            var result: [String: T] = [:]
            for (name, item) in value.members {
                let handle = name.string ?? ""
                result[handle] = try within(.key(handle)) { () throws(FieldError) in try element(item) }
            }
            return result
        }
    }
}

extension JSONDocument {
    func time(at index: Int, _ zone: TimeZone) -> Date? {
        withStringUTF8(at: index) { TimeText.parse(utf8: $0, zone: zone) } ?? nil
    }
}

extension JSONValue {
    func decodeString() throws(FieldError) -> String {
        guard let text = string else { throw mismatch("a string") }
        return text
    }

    func decodeInt() throws(FieldError) -> Int {
        guard let n = int else { throw mismatch("a whole number") }
        return n
    }

    func decodeNumber() throws(FieldError) -> Double {
        guard let n = double else { throw mismatch("a number") }
        return n
    }

    func decodeTime(_ zone: TimeZone) throws(FieldError) -> Date {
        guard let date = document.time(at: index, zone) else {
            throw mismatch("a time like 2026-11-23T10:00:00+01:00")
        }
        return date
    }

    func decodeDate() throws(FieldError) -> LocalDate {
        guard let text = string, let date = LocalDate(text) else { throw mismatch("a date like 2026-12-24") }
        return date
    }

    func decodeDuration() throws(FieldError) -> TimeInterval {
        guard let text = string, let seconds = DurationText.parse(text) else {
            throw mismatch("a duration like 4h or 1h30m")
        }
        guard seconds >= 0 else { throw FieldError("a duration cannot be negative, found \(summary)", at: offset) }
        return seconds
    }

    func decodeChoice<E: RawRepresentable & CaseIterable>(_: E.Type) throws(FieldError) -> E
    where E.RawValue == String {
        guard let text = string, let value = E(rawValue: text) else {
            throw mismatch("one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// In a check, an element that cannot be read is noted and left out, and the rest are
    /// read on.
    func decodeList<T>(_ element: (JSONValue) throws(FieldError) -> T) throws(FieldError) -> [T] {
        guard kind == .array else { throw mismatch("an array") }
        var result: [T] = []
        result.reserveCapacity(count)
        let log = document.checkLog
        var next = index + 1
        for n in 0..<count {
            let item = JSONValue(document: document, index: next)
            next = document.nodes[next].next
            do throws(FieldError) {
                result.append(try within(.index(n)) { () throws(FieldError) in try element(item) })
            } catch {
                guard let log else { throw error }
                log.note(error, in: self)
                log.leftOut(n, of: self)
            }
        }
        return result
    }

    func mismatch(_ expected: String) -> FieldError {
        FieldError("expected \(expected), found \(summary)", at: offset)
    }

    /// The value as it appears in the file, kept short.
    var summary: String {
        switch kind {
        case .null: "null"
        case .bool: bool! ? "true" : "false"
        case .number: int.map(String.init) ?? "\(double!)"
        case .string: "\"\(clip(string!))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
