import CRMCore
import CRMStore
import Foundation

/// How each collection's records become rows: the report columns worked out from the
/// record, and the record itself through the directory's codec.
struct PostgresTable<Record: Equatable>: Sendable {
    enum Column: Sendable {
        case text, time, int, bool, textArray

        func placeholder(_ n: Int) -> String {
            switch self {
            case .text: "$\(n)"
            case .time: "to_timestamp($\(n)::float8)"
            case .int: "$\(n)::integer"
            case .bool: "$\(n)::boolean"
            case .textArray: "$\(n)::text[]"
            }
        }
    }

    /// What a row's columns may depend on besides the record.
    struct Context {
        var settings: Settings
        var now: Date
    }

    let name: String
    let codec: RecordJSON<Record>
    /// After `id`, before `record`.
    let columns: [(name: String, kind: Column)]
    let id: @Sendable (Record) -> String
    let values: @Sendable (Record, Context) -> [String?]

    var select: String { "SELECT id, record::text FROM \(name)" }

    /// A new row: a conflict means another writer added the same id meanwhile.
    var insert: String {
        let names = ["id"] + columns.map(\.name) + ["record"]
        let places = ["$1"] + columns.enumerated().map { $1.kind.placeholder($0 + 2) } + ["$\(columns.count + 2)::jsonb"]
        return "INSERT INTO \(name) (\(names.joined(separator: ", "))) VALUES (\(places.joined(separator: ", ")))"
    }

    /// A row this transaction holds locked: replaced in place, keeping its position.
    var update: String {
        let sets = columns.enumerated().map { "\($1.name) = \($1.kind.placeholder($0 + 2))" }
            + ["record = $\(columns.count + 2)::jsonb"]
        return "UPDATE \(name) SET \(sets.joined(separator: ", ")) WHERE id = $1"
    }

    func parameters(_ record: Record, _ context: Context, kept: KeptFields) throws(SaveError) -> [String?] {
        let json = try codec.encode(record, zone: context.settings.defaultCalendar.timeZone, keeping: kept)
        return [id(record)] + values(record, context) + [String(decoding: json, as: UTF8.self)]
    }
}

enum PostgresValue {
    static func time(_ date: Date?) -> String? { date.map { "\($0.timeIntervalSince1970)" } }

    /// A text[] literal: every element quoted, so commas, braces and quotes in names survive.
    static func textArray(_ items: [String]) -> String {
        "{" + items.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }
}

extension PostgresTable where Record == Reminder {
    static var reminders: Self {
        Self(name: "reminders", codec: .reminders,
             columns: [("title", .text), ("priority", .text), ("owners", .textArray), ("creator", .text),
                       ("start_at", .time), ("due", .time), ("end_at", .time), ("repeats", .bool), ("external_id", .text)],
             id: \.id) { r, _ in
            [r.title, r.priority.rawValue, PostgresValue.textArray(r.owners), r.creator, PostgresValue.time(r.start),
             PostgresValue.time(r.due), PostgresValue.time(r.end), r.repeatRule == nil ? "false" : "true", r.externalID]
        }
    }
}

extension PostgresTable where Record == SupportCase {
    static var cases: Self {
        Self(name: "cases", codec: .cases,
             columns: [("title", .text), ("kind", .text), ("priority", .text), ("status", .text), ("team", .text),
                       ("owner", .text), ("customer", .text), ("opened", .time), ("first_response_at", .time),
                       ("resolved_at", .time), ("sla_due", .time), ("escalation_level", .int), ("external_id", .text)],
             id: \.id) { c, context in
            [c.title, c.kind.rawValue, c.priority.rawValue, c.status.rawValue, c.team, c.owner, c.customer,
             PostgresValue.time(c.opened), PostgresValue.time(c.firstResponseAt), PostgresValue.time(c.resolvedAt),
             PostgresValue.time(slaDue(c, context)), "\(c.escalationLevel)", c.externalID]
        }
    }

    /// When the first clock still counting breaches (or breached), as of the change that
    /// wrote the row: what "breached" reports compare with now().
    static func slaDue(_ c: SupportCase, _ context: Context) -> Date? {
        SLA.clocks(for: c, settings: context.settings, now: context.now).filter(\.state.isLive).compactMap(\.due).min()
    }
}

extension PostgresTable where Record == Influencer {
    static var influencers: Self {
        Self(name: "influencers", codec: .influencers, columns: [("name", .text), ("handle", .text)], id: \.id) { i, _ in
            [i.name, i.handle]
        }
    }
}

extension PostgresTable where Record == Person {
    static var people: Self {
        Self(name: "people", codec: .people, columns: [("name", .text), ("role", .text), ("team", .text), ("manager", .text)],
             id: \.id) { p, _ in [p.name, p.role, p.team, p.manager] }
    }
}

extension PostgresTable where Record == Team {
    static var teams: Self {
        Self(name: "teams", codec: .teams, columns: [("name", .text), ("lead", .text)], id: \.id) { t, _ in [t.name, t.lead] }
    }
}

extension PostgresTable where Record == KPI {
    static var kpis: Self {
        Self(name: "kpis", codec: .kpis, columns: [("name", .text), ("points", .int)], id: \.id) { k, _ in [k.name, "\(k.points)"] }
    }
}

/// Activities have no id: rows are only ever added, in the order logged.
enum ActivityRows {
    static let insert = "INSERT INTO activities (person, kpi, count, at, record) "
        + "VALUES ($1, $2, $3::integer, to_timestamp($4::float8), $5::jsonb)"

    static func parameters(_ a: Activity, zone: TimeZone) throws(SaveError) -> [String?] {
        let json = try RecordJSON.activities.encode(a, zone: zone)
        return [a.person, a.kpi, "\(a.count)", PostgresValue.time(a.at), String(decoding: json, as: UTF8.self)]
    }
}
