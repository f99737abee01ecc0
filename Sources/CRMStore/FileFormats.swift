import CRMCore
import Foundation

/// The outer shape of each file: `{"version": 1, "<collection>": [...]}`, and for
/// activities JSON Lines with a `{"version":1}` first line, so that logging an activity
/// can one day append a line instead of rewriting the file.
enum FileFormats {
    static let version = 1

    // MARK: - Reading

    static func decode(_ collection: DataStore.Collection, _ doc: JSONDocument, zone: TimeZone,
                       into data: inout DataSet) throws(FieldError) {
        let root = doc.root
        switch collection {
        case .reminders:
            data.reminders = try list(root, "reminders") { v throws(FieldError) in try ReminderCodec.decode(v, zone: zone) }
        case .cases:
            data.cases = try list(root, "cases") { v throws(FieldError) in try CaseCodec.decode(v, zone: zone) }
        case .influencers:
            data.influencers = try list(root, "influencers", CaseCodec.decodeInfluencer)
        case .kpis:
            data.kpis = try list(root, "kpis", PeopleCodec.decodeKPI)
        case .people:
            var f = try versioned(root, known: ["version", "people", "teams"])
            data.people = try f.list("people", PeopleCodec.decodePerson)
            data.teams = try f.list("teams", PeopleCodec.decodeTeam)
            try f.finish()
        case .settings:
            _ = try versioned(root, known: SettingsCodec.fields)
            data.settings = try SettingsCodec.decode(root)
        case .activities:
            data.activities = try activities(root, zone: zone)
        }
    }

    private static func list<T>(
        _ root: JSONValue, _ key: StaticString, _ element: (JSONValue) throws(FieldError) -> T
    ) throws(FieldError) -> [T] {
        var f = try versioned(root, known: ["version", key])
        let items = try f.list(key, element)
        try f.finish()
        return items
    }

    /// Reads `version` before anything else, so a newer file is refused for being newer
    /// rather than for the fields it has that this version does not know.
    private static func versioned(_ root: JSONValue, known: [StaticString]) throws(FieldError) -> Fields {
        var f = try Fields(root, known: known)
        let value = try f.required("version")
        try within(.key("version")) { () throws(FieldError) in
            guard let n = value.int, n >= 1 else { throw value.mismatch("format version \(version)") }
            guard n <= version else {
                throw FieldError("format version \(n) is newer than this crmtop understands (\(version)); "
                    + "the file was written by a newer crmtop", at: value.offset)
            }
        }
        return f
    }

    private static func activities(_ root: JSONValue, zone: TimeZone) throws(FieldError) -> [Activity] {
        let lines = root.elements
        guard let header = lines.first else {
            throw FieldError("the file has no {\"version\":\(version)} line", at: 0)
        }
        try versioned(header, known: ["version"]).finish()
        var result: [Activity] = []
        result.reserveCapacity(lines.count - 1)
        for (n, line) in lines.dropFirst().enumerated() {
            result.append(try within(.key("activities")) { () throws(FieldError) in
                try within(.index(n)) { () throws(FieldError) in try PeopleCodec.decodeActivity(line, zone: zone) }
            })
        }
        return result
    }

    // MARK: - Writing

    static func encode(_ collection: DataStore.Collection, _ data: DataSet) throws(FieldError) -> [UInt8] {
        let zone = data.settings.defaultCalendar.timeZone
        let header = JSONOutput.Member("version", .int(version))
        func file(_ members: [JSONOutput.Member]) -> [UInt8] { JSONWriter.pretty(.object([header] + members)) }
        func items<T>(_ key: String, _ list: [T], _ encode: (T) throws(FieldError) -> JSONOutput) throws(FieldError) -> JSONOutput.Member {
            var out: [JSONOutput] = []
            out.reserveCapacity(list.count)
            for (n, item) in list.enumerated() {
                out.append(try within(.key(key)) { () throws(FieldError) in
                    try within(.index(n)) { () throws(FieldError) in try encode(item) }
                })
            }
            return .init(key, .array(out))
        }

        switch collection {
        case .reminders:
            return file([try items("reminders", data.reminders) { r throws(FieldError) in try ReminderCodec.encode(r, zone: zone) }])
        case .cases:
            return file([try items("cases", data.cases) { c throws(FieldError) in try CaseCodec.encode(c, zone: zone) }])
        case .influencers:
            return file([try items("influencers", data.influencers, CaseCodec.encodeInfluencer)])
        case .kpis:
            return file([try items("kpis", data.kpis, PeopleCodec.encodeKPI)])
        case .people:
            return file([try items("people", data.people, PeopleCodec.encodePerson),
                         try items("teams", data.teams, PeopleCodec.encodeTeam)])
        case .settings:
            return file(try SettingsCodec.encode(data.settings))
        case .activities:
            var out = JSONWriter.compact(.object([header]))
            out.append(.lf)
            for (n, activity) in data.activities.enumerated() {
                let line = try within(.key("activities")) { () throws(FieldError) in
                    try within(.index(n)) { () throws(FieldError) in try PeopleCodec.encodeActivity(activity, zone: zone) }
                }
                JSONWriter.write(line, into: &out, indent: 0, style: .compact)
                out.append(.lf)
            }
            return out
        }
    }
}
