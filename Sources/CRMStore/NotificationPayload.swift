import CRMCore
import Foundation

/// What the notify command is told about a message: environment variables for simple
/// scripts, and the whole message as one JSON object on standard input. Times are ISO 8601
/// in the data set's zone. Field names are documented in docs/DATA_FORMAT.md and stay stable.
enum NotificationPayload {
    static func environment(_ message: NotificationMessage, zone: TimeZone, sentAt: Date) -> [String: String] {
        var env: [String: String] = [
            "CRMTOP_EVENT": message.isDigest ? "digest" : message.events[0].kind.rawValue,
            "CRMTOP_ID": message.id,
            "CRMTOP_RECIPIENTS": message.recipients.joined(separator: ","),
            "CRMTOP_REPEAT": String(message.repeatNumber),
            "CRMTOP_ATTEMPT": String(message.attempt),
            "CRMTOP_SENT_AT": TimeText.format(sentAt, zone: zone),
            "CRMTOP_COUNT": String(message.events.count),
            "CRMTOP_EVENTS": kinds(message).joined(separator: ","),
            "CRMTOP_METRICS": metrics(message).joined(separator: ","),
            // Of the recipients who have one, in their order.
            "CRMTOP_EMAIL": message.contacts.compactMap(\.email).joined(separator: ","),
            "CRMTOP_CHAT": message.contacts.compactMap(\.chat).joined(separator: ","),
        ]
        // Every variable is set, empty where it does not apply, so none is left over from
        // the environment the notifier itself was started in.
        for (name, value) in fields(message.events[0], zone: zone) {
            let text: String
            switch value {
            case .string(let s) where !message.isDigest: text = s
            case .int(let n) where !message.isDigest: text = String(n)
            default: text = ""
            }
            env["CRMTOP_" + name.uppercased()] = text
        }
        if message.isDigest {
            env["CRMTOP_TITLE"] = message.events.map { "\($0.kind.rawValue) \($0.subject): \($0.title)" }
                .joined(separator: "; ")
        }
        // An environment string ends at a NUL; a title from the data may hold one.
        return env.mapValues { $0.replacingOccurrences(of: "\0", with: "") }
    }

    static func json(_ message: NotificationMessage, zone: TimeZone, sentAt: Date) -> [UInt8] {
        var members: [JSONOutput.Member] = [
            .init("event", .string(message.isDigest ? "digest" : message.events[0].kind.rawValue)),
            .init("id", .string(message.id)),
            .init("recipients", .array(message.recipients.map(JSONOutput.string))),
            .init("repeat", .int(message.repeatNumber)),
            .init("attempt", .int(message.attempt)),
            .init("sent_at", .string(TimeText.format(sentAt, zone: zone))),
        ]
        if !message.isDigest {
            // The leading event's fields, where scripts written for one event per message look.
            members += fields(message.events[0], zone: zone).map { JSONOutput.Member($0.0, $0.1) }
        }
        members.append(.init("metrics", .array(metrics(message).map(JSONOutput.string))))
        members.append(.init("contacts", .array(message.contacts.map { p in
            .object([.init("id", .string(p.id)), .init("name", .string(p.name)),
                     .init("email", p.email.map(JSONOutput.string) ?? .null),
                     .init("chat", p.chat.map(JSONOutput.string) ?? .null)])
        })))
        members.append(.init("events", .array(message.events.map { event in
            .object([.init("event", .string(event.kind.rawValue))]
                + fields(event, zone: zone).map { JSONOutput.Member($0.0, $0.1) }
                + [.init("recipients", .array(event.recipients.map(JSONOutput.string)))])
        })))
        return JSONWriter.compact(.object(members)) + [UInt8(ascii: "\n")]
    }

    /// Each kind of event the message holds, once, leading one first.
    private static func kinds(_ message: NotificationMessage) -> [String] {
        unique(message.events.map(\.kind.rawValue))
    }

    /// Each SLA clock the message names, once: both clocks when two breached at once.
    private static func metrics(_ message: NotificationMessage) -> [String] {
        unique(message.events.compactMap { $0.metric?.rawValue })
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// The event's own fields, `null` where it has none, in a fixed order.
    private static func fields(_ e: NotificationEvent, zone: TimeZone) -> [(String, JSONOutput)] {
        func text(_ s: String?) -> JSONOutput { s.map(JSONOutput.string) ?? .null }
        return [
            ("key", .string(e.key)),
            ("subject", .string(e.subject)),
            ("title", .string(e.title)),
            ("priority", text(e.priority)),
            ("due", text(e.due.map { TimeText.format($0, zone: zone) })),
            ("metric", text(e.metric?.rawValue)),
            ("level", e.level.map(JSONOutput.int) ?? .null),
            ("kpi", text(e.kpi)),
            ("period", text(e.period?.rawValue)),
            ("alert_before", text(e.alertBefore.map(DurationText.format))),
        ]
    }
}
