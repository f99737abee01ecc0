import CRMCore
import Foundation

/// A reminder's `repeat`: one of crmtop's names (`"weekly"`), as files have always had it,
/// or a whole rule set as an object, its rules in `RRULE` text:
/// `{"rules": ["FREQ=WEEKLY;BYDAY=TH"], "dates": […], "exceptions": […], "moved": [{"original": …, "due": …}]}`.
enum RecurrenceCodec {
    static let fields: [StaticString] = ["rules", "dates", "exceptions", "moved"]
    static let movedFields: [StaticString] = ["original", "due", "title", "this_and_future"]

    /// `zone` is the clock the reminder's times are on (an `UNTIL` without `Z` is read there),
    /// `fileZone` the one times without an offset are read in, as everywhere in the file.
    static func decode(_ value: JSONValue, zone: TimeZone, fileZone: TimeZone) throws(FieldError) -> Repetition {
        if value.kind == .string {
            return .every(try value.decodeChoice(Repeat.self))
        }
        guard value.kind == .object else {
            throw value.mismatch("one of \(Repeat.allCases.map(\.rawValue).joined(separator: ", ")), or an object with \"rules\"")
        }
        var f = try Fields(value, known: fields)
        let rules = try f.list("rules") { v throws(FieldError) in
            let text = try v.decodeString()
            do throws(RecurrenceRule.ParseError) { return try RecurrenceRule(parsing: text, zone: zone) } catch {
                throw FieldError("\(error.message) in \"\(clip(text))\"", at: v.offset)
            }
        }
        let set = RecurrenceSet(
            rules: rules,
            dates: try f.list("dates") { v throws(FieldError) in try v.decodeTime(fileZone) },
            exceptions: try f.list("exceptions") { v throws(FieldError) in try v.decodeTime(fileZone) },
            overrides: try f.list("moved") { v throws(FieldError) in
                var m = try Fields(v, known: movedFields)
                let moved = OccurrenceOverride(
                    original: try m.time("original", fileZone), due: try m.time("due", fileZone),
                    title: try m.string("title", or: nil),
                    thisAndFuture: try m.optional("this_and_future").map { b throws(FieldError) in
                        guard let flag = b.bool else { throw b.mismatch("true or false") }
                        return flag
                    } ?? false)
                m.finish()
                return moved
            })
        f.finish()
        guard !set.rules.isEmpty || !set.dates.isEmpty else {
            throw FieldError("a repeat object needs \"rules\" or \"dates\"", at: value.offset)
        }
        return .rules(set)
    }

    static func encode(_ repetition: Repetition, zone: TimeZone, fileZone: TimeZone) throws(FieldError) -> JSONOutput {
        switch repetition {
        case .every(let r): return .string(r.rawValue)
        case .rules(let set):
            var o = ObjectBuilder(zone: fileZone)
            o.put("rules", strings: set.rules.map { $0.text(zone: zone) })
            try o.put("dates", list: set.dates) { d throws(FieldError) in try encodeTime(d, fileZone) }
            try o.put("exceptions", list: set.exceptions) { d throws(FieldError) in try encodeTime(d, fileZone) }
            try o.put("moved", list: set.overrides) { m throws(FieldError) in
                var mo = ObjectBuilder(zone: fileZone)
                try mo.put("original", time: m.original)
                try mo.put("due", time: m.due)
                mo.put("title", m.title)
                if m.thisAndFuture { mo.put("this_and_future", .bool(true)) }
                return mo.output
            }
            return o.output
        }
    }

    /// The zone a reminder's `zone` names; a name Foundation does not know is refused,
    /// since its occurrences could not be placed.
    static func zone(_ value: JSONValue) throws(FieldError) -> String {
        let id = try value.decodeString()
        guard TimeZone(identifier: id) != nil else { throw value.mismatch("a time zone like Europe/Berlin") }
        return id
    }
}
