import CRMCore
import Foundation

enum ReminderCodec {
    static let fields: [StaticString] = [
        "id", "title", "notes", "link", "priority", "owners", "creator", "start", "due", "end",
        "zone", "repeat", "alerts", "acknowledged_by", "acknowledged_occurrence", "snoozed_until",
        "external_id", "history",
    ]

    static func decode(_ value: JSONValue, zone: TimeZone) throws(FieldError) -> Reminder {
        var f = try Fields(value, known: fields)
        let ownZone = try f.optional("zone").map { v throws(FieldError) in
            try within(.key("zone")) { () throws(FieldError) in try RecurrenceCodec.zone(v) }
        }
        let clock = ownZone.flatMap(TimeZone.init(identifier:)) ?? zone
        let reminder = Reminder(
            id: try f.string("id"),
            title: try f.string("title"),
            notes: try f.string("notes", or: nil),
            link: try f.string("link", or: nil),
            priority: try f.choice("priority", or: ReminderPriority.normal)!,
            owners: try f.requiredList("owners") { v throws(FieldError) in try v.decodeString() },
            creator: try f.string("creator", or: nil),
            start: try f.optionalTime("start", zone),
            due: try f.time("due", zone),
            end: try f.optionalTime("end", zone),
            repeatRule: try f.optional("repeat").map { v throws(FieldError) in
                try within(.key("repeat")) { () throws(FieldError) in
                    try RecurrenceCodec.decode(v, zone: clock, fileZone: zone)
                }
            },
            zone: ownZone,
            alerts: try f.optional("alerts").map { v throws(FieldError) in
                try within(.key("alerts")) { () throws(FieldError) in try v.decodeList { d throws(FieldError) in try d.decodeDuration() } }
            },
            acknowledgedBy: try f.map("acknowledged_by") { v throws(FieldError) in try v.decodeTime(zone) },
            snoozedUntil: try f.map("snoozed_until") { v throws(FieldError) in try v.decodeTime(zone) },
            acknowledgedOccurrence: try f.map("acknowledged_occurrence") { v throws(FieldError) in
                try v.decodeTime(zone)
            },
            externalID: try f.string("external_id", or: nil),
            history: try f.list("history") { v throws(FieldError) in try HistoryCodec.decode(v, zone: zone) }
        )
        f.finish()
        return reminder
    }

    static func encode(_ r: Reminder, zone: TimeZone) throws(FieldError) -> JSONOutput {
        var o = ObjectBuilder(zone: zone)
        o.put("id", r.id)
        o.put("title", r.title)
        o.put("notes", r.notes)
        o.put("link", r.link)
        o.put("priority", r.priority)
        o.put("owners", strings: r.owners, always: true)
        o.put("creator", r.creator)
        try o.put("start", time: r.start)
        try o.put("due", time: r.due)
        try o.put("end", time: r.end)
        o.put("zone", r.zone)
        if let rule = r.repeatRule {
            o.put("repeat", try within(.key("repeat")) { () throws(FieldError) in
                try RecurrenceCodec.encode(rule, zone: r.timeZone(default: zone), fileZone: zone)
            })
        }
        if let alerts = r.alerts {
            o.put("alerts", .array(try alerts.map { d throws(FieldError) in try within(.key("alerts")) { () throws(FieldError) in try encodeDuration(d) } }))
        }
        try o.put("acknowledged_by", timesByHandle: r.acknowledgedBy)
        try o.put("acknowledged_occurrence", timesByHandle: r.acknowledgedOccurrence)
        try o.put("snoozed_until", timesByHandle: r.snoozedUntil)
        o.put("external_id", r.externalID)
        try o.put("history", list: r.history) { e throws(FieldError) in try HistoryCodec.encode(e, zone: zone) }
        return o.output
    }
}
