import CRMCore
import CRMPostgres
import CRMStore
import Foundation
import Testing

/// The report queries docs/POSTGRES.md gives managers, run exactly as written there against
/// the demo data, with the answers worked out from the same data in Swift.
@Suite struct ReportQueryTests {
    let server = TestServer.shared

    /// The SQL block after each `<!-- report: NAME -->` in the document.
    static func documentedQueries() throws -> [String: String] {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/POSTGRES.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        var queries: [String: String] = [:]
        for part in text.components(separatedBy: "<!-- report: ").dropFirst() {
            let name = String(part.prefix { $0 != " " })
            guard let start = part.range(of: "```sql\n"), let end = part.range(of: "```", range: start.upperBound..<part.endIndex)
            else { continue }
            queries[name] = String(part[start.upperBound..<end.lowerBound])
        }
        return queries
    }

    /// Runs a report inside one transaction with its `now()`, so the answer can be worked out
    /// for the very instant the server used.
    func run(_ sql: String, on db: PGConnection) throws -> (rows: [[String?]], now: Date) {
        try db.transaction { () throws(PGError) in
            try db.exec("SET LOCAL TIME ZONE 'UTC'")
            let now = Date(timeIntervalSince1970: Double(try db.exec("SELECT extract(epoch FROM now())::float8").scalar ?? "") ?? 0)
            return (try db.exec(sql).rows, now)
        }
    }

    @Test func theDocumentedReportsAnswerWhatTheDataSays() throws {
        let queries = try Self.documentedQueries()
        #expect(queries.keys.sorted() == ["breached-per-team", "overdue-per-owner", "points-this-month"])
        let database = server.freshDatabase()
        guard case .postgres(let url) = try StoreAddress(database.url) else { throw Shell.Failure("not a URL") }
        let db = try PGConnection(url)
        try PostgresSchema.migrate(db)
        let written = try #require(try db.exec("SELECT extract(epoch FROM now())::float8").scalar.flatMap(Double.init))
        let writtenAt = Date(timeIntervalSince1970: written)
        let data = DemoData.make(now: writtenAt)
        try PostgresStore(url: url, now: { writtenAt }).apply(PostgresStoreTests.demoBatch(data))

        let breached = try run(try #require(queries["breached-per-team"]), on: db)
        var expectedBreached: [String: Int] = [:]
        for c in data.cases where c.status.isOpen {
            let due = SLA.clocks(for: c, settings: data.settings, now: writtenAt).filter(\.state.isLive).compactMap(\.due).min()
            if let due, due < breached.now { expectedBreached[c.team ?? "(no team)", default: 0] += 1 }
        }
        #expect(Self.counts(breached.rows) == expectedBreached)
        #expect(!expectedBreached.isEmpty)

        let overdue = try run(try #require(queries["overdue-per-owner"]), on: db)
        var expectedOverdue: [String: Int] = [:]
        for r in data.reminders where r.repeatRule == nil && r.due < overdue.now {
            for owner in r.owners where r.acknowledgedBy[owner] == nil { expectedOverdue[owner, default: 0] += 1 }
        }
        #expect(Self.counts(overdue.rows) == expectedOverdue)
        #expect(!expectedOverdue.isEmpty)

        let points = try run(try #require(queries["points-this-month"]), on: db)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let month = try #require(utc.dateInterval(of: .month, for: points.now))
        var expectedPoints: [String: Int] = [:]
        for a in data.activities where month.start <= a.at && a.at < month.end {
            guard let kpi = data.kpis.first(where: { $0.id == a.kpi }) else { continue }
            expectedPoints[a.person, default: 0] += a.count * kpi.points
        }
        #expect(Dictionary(points.rows.map { ($0[0] ?? "", Int($0[2] ?? "") ?? -1) }, uniquingKeysWith: +) == expectedPoints)
        #expect(points.rows.first.map { $0[1] } == data.people.first { $0.id == points.rows.first?[0] }.map(\.name))
        #expect(!expectedPoints.isEmpty)
    }

    static func counts(_ rows: [[String?]]) -> [String: Int] {
        Dictionary(rows.map { ($0[0] ?? "", Int($0[1] ?? "") ?? -1) }, uniquingKeysWith: +)
    }
}
