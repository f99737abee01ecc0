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
        let repeatEvery = try f.duration("repeat_every")
        let alerts = try f.list("alerts_before") { d throws(FieldError) in try d.decodeDuration() }
        let digest = try f.map("digest") { d throws(FieldError) in try d.decodeDuration() }
        let timeout = try f.duration("timeout") ?? NotifySettings.defaultTimeout
        f.finish()
        for (key, value) in [("repeat_every", repeatEvery), ("timeout", timeout)] where value == 0 {
            throw FieldError("\(key) must be longer than 0s", at: v.offset)
        }
        if digest.values.contains(0) { throw FieldError("a digest interval must be longer than 0s", at: v.offset) }
        return NotifySettings(command: command, events: events, repeatEvery: repeatEvery, alertsBefore: alerts,
                              digest: digest, timeout: timeout)
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
