import CRMCore
import Foundation

/// Builds one object for writing. Optional fields that are nil or empty are left out, so
/// files hold what was said and nothing more; readers treat absent, `null` and empty alike.
struct ObjectBuilder {
    private(set) var members: [JSONOutput.Member] = []
    let zone: TimeZone

    init(zone: TimeZone) { self.zone = zone }

    var output: JSONOutput { .object(members) }

    mutating func put(_ key: String, _ value: JSONOutput) {
        members.append(.init(key, value))
    }

    mutating func put(_ key: String, _ text: String?) {
        if let text { put(key, .string(text)) }
    }

    mutating func put(_ key: String, _ number: Int?) {
        if let number { put(key, .int(number)) }
    }

    mutating func put<E: RawRepresentable>(_ key: String, _ choice: E?) where E.RawValue == String {
        if let choice { put(key, .string(choice.rawValue)) }
    }

    mutating func put(_ key: String, time: Date?) throws(FieldError) {
        if let time { put(key, try within(.key(key)) { () throws(FieldError) in try encodeTime(time, zone) }) }
    }

    mutating func put(_ key: String, duration: TimeInterval?) throws(FieldError) {
        if let duration { put(key, try within(.key(key)) { () throws(FieldError) in try encodeDuration(duration) }) }
    }

    mutating func put(_ key: String, strings: [String], always: Bool = false) {
        if always || !strings.isEmpty { put(key, .array(strings.map(JSONOutput.string))) }
    }

    mutating func put<T>(
        _ key: String, list: [T], _ element: (T) throws(FieldError) -> JSONOutput
    ) throws(FieldError) {
        guard !list.isEmpty else { return }
        var items: [JSONOutput] = []
        items.reserveCapacity(list.count)
        for (n, item) in list.enumerated() {
            items.append(try within(.key(key)) { () throws(FieldError) in
                try within(.index(n)) { () throws(FieldError) in try element(item) }
            })
        }
        put(key, .array(items))
    }

    /// Keys sorted, so the same map is always written the same way.
    mutating func put(_ key: String, timesByHandle map: [String: Date]) throws(FieldError) {
        guard !map.isEmpty else { return }
        var entries: [JSONOutput.Member] = []
        for handle in map.keys.sorted() {
            let time = map[handle]!
            entries.append(.init(handle, try within(.key(key)) { () throws(FieldError) in
                try within(.key(handle)) { () throws(FieldError) in try encodeTime(time, zone) }
            }))
        }
        put(key, .object(entries))
    }
}

/// Years 0001 to 9999 keep the four-digit form that `TimeText` reads back.
private let writableSeconds: ClosedRange<Double> = -62_135_596_800 + 86_400 ... 253_402_300_799 - 86_400

func encodeTime(_ date: Date, _ zone: TimeZone) throws(FieldError) -> JSONOutput {
    guard writableSeconds.contains(date.timeIntervalSince1970) else {
        throw FieldError("the time is outside the years 0001 to 9999")
    }
    return .string(TimeText.format(date, zone: zone))
}

func encodeDuration(_ seconds: TimeInterval) throws(FieldError) -> JSONOutput {
    .string(try durationText(seconds))
}

func durationText(_ seconds: TimeInterval) throws(FieldError) -> String {
    guard seconds.isFinite else { throw FieldError("a duration must be finite") }
    guard seconds >= 0 else { throw FieldError("a duration cannot be negative (\(DurationText.format(seconds)))") }
    return DurationText.format(seconds)
}
