import CRMCore
import Foundation

/// The outer shape of each file: `{"version": 2, "journal_seq": N, "<collection>": [...]}`,
/// and for activities JSON Lines with a `{"version":2}` first line, so that logging an
/// activity appends a line instead of rewriting the file.
enum FileFormats {
    static let version = 2
    /// `reminders.json` is version 3 when a reminder in it repeats by a rule set or keeps a
    /// zone of its own (`remindersVersion`): an older crmtop would read such a reminder as a
    /// one-off or on the wrong clock, so it refuses the file instead. Without them it stays 2.
    static let remindersNewest = 3

    static func newest(_ collection: DataStore.Collection) -> Int {
        collection == .reminders ? remindersNewest : version
    }

    static func remindersVersion(_ reminders: [Reminder]) -> Int {
        reminders.contains { $0.needsVersion3 } ? remindersNewest : version
    }

    // MARK: - Reading

    /// Decodes one file into its part of `data` and returns its `journal_seq`.
    static func decode(_ collection: DataStore.Collection, _ doc: JSONDocument, zone: TimeZone,
                       into data: inout DataSet) throws(FieldError) -> Int {
        let root = doc.root
        switch collection {
        case .reminders:
            let lastID = LastID()
            let seq = try list(root, "reminders", into: &data.reminders, rest: lastID.fields, newest: remindersNewest) { v throws(FieldError) in
                try ReminderCodec.decode(v, zone: zone)
            }
            data.lastReminderID = lastID.value
            return seq
        case .cases:
            return try list(root, "cases", into: &data.cases) { v throws(FieldError) in try CaseCodec.decode(v, zone: zone) }
        case .influencers:
            return try list(root, "influencers", into: &data.influencers, CaseCodec.decodeInfluencer)
        case .kpis:
            return try list(root, "kpis", into: &data.kpis, PeopleCodec.decodeKPI)
        case .people:
            var f = try versioned(root, known: ["version", "journal_seq", "people", "teams"])
            let seq = try journalSeq(&f)
            data.people = try f.list("people", PeopleCodec.decodePerson)
            data.teams = try f.list("teams", PeopleCodec.decodeTeam)
            f.finish()
            return seq
        case .settings:
            var f = try versioned(root, known: SettingsCodec.fields)
            data.settings = try SettingsCodec.decode(root)
            return try journalSeq(&f)
        case .activities:
            do throws(ActivityLines.Failure) {
                data.activities = try ActivityLines.decode(doc.bytes, header: true, zone: zone, firstIndex: 0).activities
            } catch {
                var failure = FieldError(error.message, at: error.offset)
                failure.steps = error.path.reversed()
                throw failure
            }
            return 0
        }
    }

    /// Reads a file holding one list of records the fast way: each record is parsed and
    /// decoded as the parser reaches it (see `JSONParser.parse(_:streaming:_:)`), with the same
    /// decoding as `decode`. Nil when the file is not such a file or anything is wrong with it:
    /// `decode` then reads it whole, finds the problem and says where, as it always has.
    static func stream(_ collection: DataStore.Collection, _ bytes: FileBytes, zone: TimeZone,
                       into data: inout DataSet) -> (seq: Int, unknown: UnknownFields)? {
        switch collection {
        case .reminders:
            {
                let lastID = LastID()
                defer { data.lastReminderID = lastID.value }
                return streamList(bytes, "reminders", into: &data.reminders, rest: lastID.fields) { v throws(FieldError) in
                    try ReminderCodec.decode(v, zone: zone)
                }
            }()
        case .cases:
            streamList(bytes, "cases", into: &data.cases) { v throws(FieldError) in try CaseCodec.decode(v, zone: zone) }
        case .influencers:
            streamList(bytes, "influencers", into: &data.influencers, CaseCodec.decodeInfluencer)
        case .kpis:
            streamList(bytes, "kpis", into: &data.kpis, PeopleCodec.decodeKPI)
        case .people, .settings, .activities:
            nil
        }
    }

    private static func streamList<T>(
        _ bytes: FileBytes, _ key: StaticString, into items: inout [T], rest: FileFields = .none,
        _ element: (JSONValue) throws(FieldError) -> T
    ) -> (seq: Int, unknown: UnknownFields)? {
        var records: [T] = []
        var unknown = UnknownFields()
        var firstOffset = 0
        let frame = try? JSONParser.parse(bytes, streaming: key) { record in
            guard let item = try? element(record.root) else { return false }
            if records.count == 0 { firstOffset = record.root.offset }
            if records.count == 1 {
                // Records of one file are much alike: twice the room the first one suggests is
                // plenty, and room never filled is never touched.
                records.reserveCapacity(2 * bytes.count / max(record.root.offset - firstOffset, 1) + 16)
            }
            if !record.unknownMembers.isEmpty { unknown.add(record: record, at: records.count, of: "\(key)") }
            records.append(item)
            return true
        }
        guard let frame else { return nil }
        // The frame holds the rest of the file with the list left empty.
        var none: [T] = []
        guard let seq = try? list(frame.root, key, into: &none, rest: rest, element) else { return nil }
        unknown.merge(UnknownFields(frame))
        items = records
        return (seq, unknown)
    }

    private static func list<T>(
        _ root: JSONValue, _ key: StaticString, into items: inout [T], rest: FileFields = .none, newest: Int = version,
        _ element: (JSONValue) throws(FieldError) -> T
    ) throws(FieldError) -> Int {
        var f = try versioned(root, known: ["version", "journal_seq", key] + rest.keys, newest: newest)
        let seq = try journalSeq(&f)
        items = try f.list(key, element)
        try rest.read(&f)
        f.finish()
        return seq
    }

    /// A list file's fields besides its version, `journal_seq` and the list.
    struct FileFields {
        var keys: [StaticString]
        var read: (inout Fields) throws(FieldError) -> Void
        static var none: FileFields { FileFields(keys: []) { _ throws(FieldError) in } }
    }

    /// `reminders.json`'s `last_id`: the highest id given out, kept when its reminder is deleted.
    private final class LastID {
        var value: String?
        var fields: FileFields {
            FileFields(keys: ["last_id"]) { f throws(FieldError) in self.value = try f.string("last_id", or: nil) }
        }
    }

    /// The number of the last journalled change the file holds; 0 when it holds none.
    private static func journalSeq(_ f: inout Fields) throws(FieldError) -> Int {
        guard let value = f.optional("journal_seq") else { return 0 }
        return try within(.key("journal_seq")) { () throws(FieldError) in
            guard let n = value.int, n >= 0 else { throw value.mismatch("a whole number from 0") }
            return n
        }
    }

    /// Reads `version` before anything else, so a newer file is refused for being newer
    /// rather than for the fields it has that this version does not know. Version 1 is read as
    /// it is: it differs only in having no journal, so reading it is all its migration needs.
    static func versioned(_ root: JSONValue, known: [StaticString], newest: Int = version) throws(FieldError) -> Fields {
        var f = try Fields(root, known: known)
        let value = try f.required("version")
        try within(.key("version")) { () throws(FieldError) in
            guard let n = value.int, n >= 1 else { throw value.mismatch("format version \(version)") }
            guard n <= newest else {
                throw FieldError("format version \(n) is newer than this crmtop understands (\(newest)); "
                    + "the file was written by a newer crmtop", at: value.offset)
            }
        }
        return f
    }

    // MARK: - Writing

    /// The file's bytes; `journalSeq` is the last journalled change the data holds, and
    /// `unknown` what its file had that crmtop does not know, to be written back.
    static func encode(_ collection: DataStore.Collection, _ data: DataSet, journalSeq: Int = 0,
                       unknown: UnknownFields = UnknownFields()) throws(FieldError) -> [UInt8] {
        let zone = data.settings.defaultCalendar.timeZone
        let header = JSONOutput.Member("version", .int(collection == .reminders ? remindersVersion(data.reminders) : version))
        let seq = journalSeq > 0 ? [JSONOutput.Member("journal_seq", .int(journalSeq))] : []
        func file(_ members: [JSONOutput.Member]) -> [UInt8] {
            var root = JSONOutput.object([header] + seq + members)
            unknown.restore(into: &root, list: "", index: -1)
            return JSONWriter.pretty(root)
        }
        func items<T>(_ key: String, _ list: [T], _ encode: (T) throws(FieldError) -> JSONOutput) throws(FieldError) -> JSONOutput.Member {
            var out: [JSONOutput] = []
            out.reserveCapacity(list.count)
            for (n, item) in list.enumerated() {
                var value = try within(.key(key)) { () throws(FieldError) in
                    try within(.index(n)) { () throws(FieldError) in try encode(item) }
                }
                unknown.restore(into: &value, list: key, index: n)
                out.append(value)
            }
            return .init(key, .array(out))
        }

        switch collection {
        case .reminders:
            let lastID = data.lastReminderID.map { [JSONOutput.Member("last_id", .string($0))] } ?? []
            return file(lastID + [try items("reminders", data.reminders) { r throws(FieldError) in try ReminderCodec.encode(r, zone: zone) }])
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
            var members = try SettingsCodec.encode(data.settings)
            unknown.restoreLists(in: &members)
            return file(members)
        case .activities:
            var out = activitiesHeader
            for (n, activity) in data.activities.enumerated() {
                try within(.key("activities")) { () throws(FieldError) in
                    try within(.index(n)) { () throws(FieldError) in
                        try activityLine(activity, zone: zone, into: &out) { unknown.restore(into: &$0, list: "", index: n) }
                    }
                }
            }
            return out
        }
    }

    static var activitiesHeader: [UInt8] { JSONWriter.compact(.object([.init("version", .int(version))])) + [.lf] }

    static func activityLine(_ activity: Activity, zone: TimeZone, into out: inout [UInt8],
                             adding restore: (inout JSONOutput) -> Void = { _ in }) throws(FieldError) {
        var line = try PeopleCodec.encodeActivity(activity, zone: zone)
        restore(&line)
        JSONWriter.write(line, into: &out, indent: 0, style: .compact)
        out.append(.lf)
    }
}
