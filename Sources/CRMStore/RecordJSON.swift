import CRMCore
import Foundation

/// One record as its data file holds it, for a store that keeps records apart (PostgreSQL
/// keeps one per row): the codecs of the files, so a record reads and writes the same in
/// either store, fields crmtop does not know included. Package-wide rather than public:
/// only the stores need it.
package struct RecordJSON<Record>: Sendable {
    /// The record's list in its file (`reminders`, `cases`…): anchors its unknown fields.
    package let list: String
    private let encodeRecord: @Sendable (Record, TimeZone) throws(FieldError) -> JSONOutput
    private let decodeRecord: @Sendable (JSONValue, TimeZone) throws(FieldError) -> Record

    /// Compact JSON of the record, with the unknown fields it was read with put back.
    package func encode(_ record: Record, zone: TimeZone, keeping kept: KeptFields = KeptFields())
        throws(SaveError) -> [UInt8] {
        do throws(FieldError) {
            var value = try encodeRecord(record, zone)
            kept.fields.restore(into: &value, list: list, index: 0)
            return JSONWriter.compact(value)
        } catch {
            throw SaveError(file: list, path: error.path, message: error.message)
        }
    }

    /// The record, and what it held that crmtop does not know. `source` names it in errors
    /// (`reminders R-12`), since it has no file.
    package func decode(_ bytes: [UInt8], zone: TimeZone, source: String) throws(LoadError) -> (Record, KeptFields) {
        let document: JSONDocument
        do throws(JSONSyntaxError) {
            document = try .parse(bytes)
        } catch {
            throw LoadError(file: source, syntax: error, in: bytes)
        }
        do throws(FieldError) {
            let record = try decodeRecord(document.root, zone)
            var kept = KeptFields()
            kept.fields.add(record: document, at: 0, of: list)
            return (record, kept)
        } catch {
            let at = document.position(of: error.offset ?? 0)
            throw LoadError(file: source, path: error.path, line: at.line, column: at.column, message: error.message)
        }
    }
}

/// Fields of a record that crmtop does not know, kept to be written back with it.
package struct KeptFields: Sendable {
    var fields = UnknownFields()
    package init() {}
    package var isEmpty: Bool { fields.isEmpty }
}

extension RecordJSON where Record == Reminder {
    package static var reminders: Self {
        Self(list: "reminders", encodeRecord: ReminderCodec.encode, decodeRecord: ReminderCodec.decode)
    }
}

extension RecordJSON where Record == SupportCase {
    package static var cases: Self { Self(list: "cases", encodeRecord: CaseCodec.encode, decodeRecord: CaseCodec.decode) }
}

extension RecordJSON where Record == Influencer {
    package static var influencers: Self {
        Self(list: "influencers", encodeRecord: { i, _ in CaseCodec.encodeInfluencer(i) },
             decodeRecord: { v, _ throws(FieldError) in try CaseCodec.decodeInfluencer(v) })
    }
}

extension RecordJSON where Record == Person {
    package static var people: Self {
        Self(list: "people", encodeRecord: { p, _ in PeopleCodec.encodePerson(p) },
             decodeRecord: { v, _ throws(FieldError) in try PeopleCodec.decodePerson(v) })
    }
}

extension RecordJSON where Record == Team {
    package static var teams: Self {
        Self(list: "teams", encodeRecord: { t, _ in PeopleCodec.encodeTeam(t) },
             decodeRecord: { v, _ throws(FieldError) in try PeopleCodec.decodeTeam(v) })
    }
}

extension RecordJSON where Record == KPI {
    package static var kpis: Self {
        Self(list: "kpis", encodeRecord: { k, _ in PeopleCodec.encodeKPI(k) },
             decodeRecord: { v, _ throws(FieldError) in try PeopleCodec.decodeKPI(v) })
    }
}

extension RecordJSON where Record == Activity {
    package static var activities: Self {
        Self(list: "activities", encodeRecord: PeopleCodec.encodeActivity, decodeRecord: PeopleCodec.decodeActivity)
    }
}

/// Settings as settings.json holds them, version included, so that settings written by a
/// newer crmtop are refused as its file would be.
package enum SettingsRecordJSON {
    package static func encode(_ settings: Settings, keeping kept: KeptFields = KeptFields()) throws(SaveError) -> [UInt8] {
        var data = DataSet()
        data.settings = settings
        do throws(FieldError) {
            return try FileFormats.encode(.settings, data, unknown: kept.fields)
        } catch {
            throw SaveError(file: "settings", path: error.path, message: error.message)
        }
    }

    package static func decode(_ bytes: [UInt8], source: String) throws(LoadError) -> (Settings, KeptFields) {
        let document: JSONDocument
        do throws(JSONSyntaxError) {
            document = try .parse(bytes)
        } catch {
            throw LoadError(file: source, syntax: error, in: bytes)
        }
        do throws(FieldError) {
            var data = DataSet()
            _ = try FileFormats.decode(.settings, document, zone: .gmt, into: &data)
            var kept = KeptFields()
            kept.fields = UnknownFields(document)
            return (data.settings, kept)
        } catch {
            let at = document.position(of: error.offset ?? 0)
            throw LoadError(file: source, path: error.path, line: at.line, column: at.column, message: error.message)
        }
    }
}
