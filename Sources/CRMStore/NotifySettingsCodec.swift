import CRMCore
import Foundation

/// The `notify` section of settings.json (see docs/DATA_FORMAT.md).
enum NotifySettingsCodec {
    static let fields: [StaticString] = ["command", "events", "repeat_every", "alerts_before", "digest", "timeout"]

    static func decode(_ v: JSONValue) throws(FieldError) -> NotifySettings {
        var f = try Fields(v, known: fields)
        let command = try f.string("command", or: nil)
        var events = NotificationKind.allCases
        if let list = f.optional("events") {
            events = try within(.key("events")) { () throws(FieldError) in
                try list.decodeList { e throws(FieldError) in try e.decodeChoice(NotificationKind.self) }
            }
        }
        let repeatEvery = try f.optional("repeat_every").map { d throws(FieldError) in
            try within(.key("repeat_every")) { () throws(FieldError) in try positive(d) }
        }
        let alerts = try f.list("alerts_before", positive)
        let digest = try f.map("digest", positive)
        let timeout = try f.optional("timeout").map { d throws(FieldError) in
            try within(.key("timeout")) { () throws(FieldError) in try positive(d) }
        } ?? NotifySettings.defaultTimeout
        f.finish()
        return NotifySettings(command: command, events: events, repeatEvery: repeatEvery, alertsBefore: alerts,
                              digest: digest, timeout: timeout)
    }

    /// Every interval here must be longer than nothing: a zero would repeat, batch or time
    /// out without end.
    private static func positive(_ v: JSONValue) throws(FieldError) -> TimeInterval {
        let seconds = try v.decodeDuration()
        guard seconds > 0 else { throw FieldError("expected a duration longer than 0s, found \(v.summary)", at: v.offset) }
        return seconds
    }

    /// Nil when everything is as by default, so files that never mention it stay as they were.
    static func encode(_ n: NotifySettings) throws(FieldError) -> JSONOutput? {
        guard n != NotifySettings() else { return nil }
        var o = ObjectBuilder(zone: .gmt)
        o.put("command", n.command.map(JSONOutput.string) ?? .null)
        if Set(n.events) != Set(NotificationKind.allCases) { o.put("events", strings: n.events.map(\.rawValue), always: true) }
        try o.put("repeat_every", duration: n.repeatEvery)
        try o.put("alerts_before", list: n.alertsBefore) { d throws(FieldError) in try encodeDuration(d) }
        if !n.digest.isEmpty {
            var entries: [JSONOutput.Member] = []
            for handle in n.digest.keys.sorted() {
                entries.append(.init(handle, try within(.key("digest")) { () throws(FieldError) in
                    try encodeDuration(n.digest[handle]!)
                }))
            }
            o.put("digest", .object(entries))
        }
        if n.timeout != NotifySettings.defaultTimeout { try o.put("timeout", duration: n.timeout) }
        return o.output
    }
}
