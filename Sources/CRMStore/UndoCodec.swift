import CRMCore
import Foundation

/// The parts of `reminder.undo` and `case.undo`: each value to put back beside the value the
/// undo expects to find, `{"restore": {"title": "Call Acme"}, "expected": {"title": "Call Acme Ltd"}}`.
enum UndoCodec {
    static let revertingFields: [StaticString] = ["restore", "expected"]
    static let markFields: [StaticString] = ["acknowledged", "occurrence", "snoozed_until"]

    static func encode<V>(_ r: Reverting<V>, _ value: (V) throws(FieldError) -> JSONOutput) throws(FieldError) -> JSONOutput {
        .object([
            .init("restore", try within(.key("restore")) { () throws(FieldError) in try value(r.restore) }),
            .init("expected", try within(.key("expected")) { () throws(FieldError) in try value(r.expected) }),
        ])
    }

    static func decode<V>(_ json: JSONValue, _ value: (JSONValue) throws(FieldError) -> V) throws(FieldError) -> Reverting<V> {
        var f = try Fields(json, known: revertingFields)
        let restore = try f.required("restore"), expected = try f.required("expected")
        let reverting = Reverting(restore: try within(.key("restore")) { () throws(FieldError) in try value(restore) },
                                  expected: try within(.key("expected")) { () throws(FieldError) in try value(expected) })
        f.finish()
        return reverting
    }

    // MARK: - Reminders

    static func putReminderUndo(_ undo: ReminderUndo, into o: inout ObjectBuilder, zone: TimeZone) throws(FieldError) {
        try o.put("fields", list: undo.fields) { r throws(FieldError) in
            try encode(r) { v throws(FieldError) in try ReminderFieldCodec.encode(v, zone: zone) }
        }
        var marks: [JSONOutput.Member] = []
        for person in undo.marks.keys.sorted() {
            marks.append(.init(person, try within(.key("marks")) { () throws(FieldError) in
                try within(.key(person)) { () throws(FieldError) in
                    try encode(undo.marks[person]!) { m throws(FieldError) in try encodeMark(m, zone: zone) }
                }
            }))
        }
        if !marks.isEmpty { o.put("marks", .object(marks)) }
        try o.put("since", time: undo.since)
    }

    static func reminderUndo(_ f: inout Fields, zone: TimeZone) throws(FieldError) -> ReminderUndo {
        let fields = try f.list("fields") { v throws(FieldError) in
            try decode(v) { e throws(FieldError) in try ReminderFieldCodec.decode(e, zone: zone) }
        }
        let marks = try f.map("marks") { v throws(FieldError) in
            try decode(v) { e throws(FieldError) in try decodeMark(e, zone: zone) }
        }
        return ReminderUndo(fields: fields, marks: marks, since: try f.time("since", zone))
    }

    static func encodeMark(_ mark: OwnerMark, zone: TimeZone) throws(FieldError) -> JSONOutput {
        var o = ObjectBuilder(zone: zone)
        try o.put("acknowledged", time: mark.acknowledged)
        try o.put("occurrence", time: mark.occurrence)
        try o.put("snoozed_until", time: mark.snoozedUntil)
        return o.output
    }

    static func decodeMark(_ value: JSONValue, zone: TimeZone) throws(FieldError) -> OwnerMark {
        var f = try Fields(value, known: markFields)
        let mark = OwnerMark(acknowledged: try f.optionalTime("acknowledged", zone),
                             occurrence: try f.optionalTime("occurrence", zone),
                             snoozedUntil: try f.optionalTime("snoozed_until", zone))
        f.finish()
        return mark
    }

    // MARK: - Cases

    static func putCaseUndo(_ undo: CaseUndo, into o: inout ObjectBuilder, zone: TimeZone) throws(FieldError) {
        try o.put("fields", list: undo.fields) { r throws(FieldError) in
            try encode(r) { v throws(FieldError) in try CaseStateFieldCodec.encode(v, zone: zone) }
        }
        o.put("action", CaseActionCodec.encode(undo.undoing))
        try o.put("since", time: undo.since)
    }

    static func caseUndo(_ f: inout Fields, zone: TimeZone) throws(FieldError) -> CaseUndo {
        let fields = try f.list("fields") { v throws(FieldError) in
            try decode(v) { e throws(FieldError) in try CaseStateFieldCodec.decode(e, zone: zone) }
        }
        let action = try f.required("action")
        let undoing = try within(.key("action")) { () throws(FieldError) in try CaseActionCodec.decode(action) }
        return CaseUndo(fields: fields, undoing: undoing, since: try f.time("since", zone))
    }
}

/// One case field as `{"status": "open"}`, `{"owner": null}`, `{"pauses": [{"start": "…"}]}`,
/// named as in `cases.json`.
enum CaseStateFieldCodec {
    static let names: [StaticString] = [
        "status", "owner", "first_response_at", "last_response_at", "last_customer_message_at", "resolved_at",
        "pauses", "escalation_level",
    ]

    static func encode(_ field: CaseStateField, zone: TimeZone) throws(FieldError) -> JSONOutput {
        func time(_ key: String, _ value: Date?) throws(FieldError) -> JSONOutput {
            .object([.init(key, try value.map { v throws(FieldError) in try encodeTime(v, zone) } ?? .null)])
        }
        switch field {
        case .status(let s): return .object([.init("status", .string(s.rawValue))])
        case .owner(let o): return .object([.init("owner", o.map(JSONOutput.string) ?? .null)])
        case .firstResponseAt(let d): return try time("first_response_at", d)
        case .lastResponseAt(let d): return try time("last_response_at", d)
        case .lastCustomerMessageAt(let d): return try time("last_customer_message_at", d)
        case .resolvedAt(let d): return try time("resolved_at", d)
        case .pauses(let pauses):
            return .object([.init("pauses", .array(try pauses.map { p throws(FieldError) in try CaseCodec.encodePause(p, zone: zone) }))])
        case .escalationLevel(let level): return .object([.init("escalation_level", .int(level))])
        }
    }

    static func decode(_ value: JSONValue, zone: TimeZone) throws(FieldError) -> CaseStateField {
        var f = try Fields(value, known: names)
        defer { f.finish() }
        if value["status"] != nil { return .status(try f.choice("status")) }
        if value["owner"] != nil { return .owner(try f.string("owner", or: nil)) }
        if value["first_response_at"] != nil { return .firstResponseAt(try f.optionalTime("first_response_at", zone)) }
        if value["last_response_at"] != nil { return .lastResponseAt(try f.optionalTime("last_response_at", zone)) }
        if value["last_customer_message_at"] != nil {
            return .lastCustomerMessageAt(try f.optionalTime("last_customer_message_at", zone))
        }
        if value["resolved_at"] != nil { return .resolvedAt(try f.optionalTime("resolved_at", zone)) }
        if value["pauses"] != nil {
            return .pauses(try f.requiredList("pauses") { v throws(FieldError) in try CaseCodec.decodePause(v, zone: zone) })
        }
        if value["escalation_level"] != nil { return .escalationLevel(try f.int("escalation_level")) }
        throw value.mismatch("one case field, e.g. {\"status\": \"open\"}")
    }
}
