import CRMCore
import Foundation

/// History entries read and written the same way for cases and reminders.
enum HistoryCodec {
    static let fields: [StaticString] = ["at", "actor", "action", "detail"]

    static func decode(_ value: JSONValue, zone: TimeZone) throws(FieldError) -> HistoryEvent {
        var e = try Fields(value, known: fields)
        let event = HistoryEvent(at: try e.time("at", zone), actor: try e.string("actor", or: nil),
                                 action: try e.string("action"), detail: try e.string("detail", or: nil))
        e.finish()
        return event
    }

    static func encode(_ e: HistoryEvent, zone: TimeZone) throws(FieldError) -> JSONOutput {
        var b = ObjectBuilder(zone: zone)
        try b.put("at", time: e.at)
        b.put("actor", e.actor)
        b.put("action", e.action)
        b.put("detail", e.detail)
        return b.output
    }
}
