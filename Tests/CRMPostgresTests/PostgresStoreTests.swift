import CRMCore
import CRMPostgres
import CRMStore
import Foundation
import Testing

/// The PostgreSQL store holds what the directory holds, refuses what it refuses, and loses
/// nothing when several writers change the same rows at once.
@Suite struct PostgresStoreTests {
    let server = TestServer.shared
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A database with the schema, and a way to open stores on it.
    func initialised() throws -> (TestServer.Database, PostgresURL) {
        let database = server.freshDatabase()
        guard case .postgres(let url) = try StoreAddress(database.url) else { throw Shell.Failure("not a URL") }
        try PostgresSchema.migrate(PGConnection(url))
        return (database, url)
    }

    /// The demo data as changes, the way `copy` or an import would bring a team's data in.
    static func demoBatch(_ data: DataSet = DemoData.make(now: now)) -> [Mutation] {
        var batch: [Mutation] = [.settings(data.settings)]
        batch += data.people.map { .directory(.putPerson($0)) } + data.teams.map { .directory(.putTeam($0)) }
            + data.kpis.map { .directory(.putKPI($0)) }
        batch += data.reminders.map { .reminder(.put($0)) } + data.cases.map { .supportCase(.put($0)) }
            + data.influencers.map { .supportCase(.putInfluencer($0)) } + data.activities.map { .logActivity($0) }
        return batch
    }

    @Test func whatIsStoredLoadsAsTheDirectoryLoadsIt() throws {
        let (_, url) = try initialised()
        let batch = Self.demoBatch()
        let stored = try PostgresStore(url: url).apply(batch)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-pg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = DataStore(directory: dir)
        try files.apply(batch)
        let expected = try DataStore(directory: dir).load()
        #expect(try PostgresStore(url: url).load() == expected)
        #expect(stored == expected)
        #expect(expected.reminders.count > 0 && expected.cases.count > 0 && expected.activities.count > 0)
    }

    @Test func aChangeThatNoLongerAppliesIsRefusedAsTheDirectoryRefusesIt() throws {
        let (database, url) = try initialised()
        let store = PostgresStore(url: url)
        try store.apply(Self.demoBatch())
        let reminder = try #require(store.load().reminders.first)
        try store.apply([.reminder(.delete(id: reminder.id))])
        let ack = Mutation.reminder(.acknowledge(id: reminder.id, person: reminder.owners[0], at: Self.now))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-pg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = DataStore(directory: dir)
        try files.apply(Self.demoBatch() + [.reminder(.delete(id: reminder.id))])
        let directoryRefusal = refusal { () throws(StoreError) in try files.apply([ack]) }
        let postgresRefusal = refusal { () throws(StoreError) in try store.apply([ack]) }
        #expect(postgresRefusal == "no reminder with id \(reminder.id)")
        #expect(postgresRefusal == directoryRefusal)
        // The refused batch left no change behind.
        #expect(try server.query("SELECT count(*) FROM changes", database: database.name) == "2\n")
    }

    func refusal(_ body: () throws(StoreError) -> Void) -> String? {
        do throws(StoreError) {
            try body()
            return nil
        } catch {
            guard case .refused(let refused) = error else { return "not a refusal: \(error)" }
            return refused.message
        }
    }

    @Test func aBatchAppliedAgainIsStoredOnce() throws {
        let (database, url) = try initialised()
        let store = PostgresStore(url: url)
        let activity = Activity(person: "maria", kpi: "calls", count: 3, at: Self.now)
        try store.apply([.logActivity(activity)], batch: "batch-1")
        let again = try PostgresStore(url: url).apply([.logActivity(activity)], batch: "batch-1")
        #expect(again.activities == [activity])
        #expect(try server.query("SELECT count(*) FROM activities", database: database.name) == "1\n")
        #expect(try server.query("SELECT batch_id FROM changes", database: database.name) == "batch-1\n")
    }

    @Test func othersChangesArriveAndTheLogSaysWhatAndWho() throws {
        let (_, url) = try initialised()
        let reader = PostgresStore(url: url)
        #expect(try reader.load() == DataSet())
        let writer = PostgresStore(url: url)
        let person = Person(id: "ana", name: "Ana", role: "agent")
        try writer.apply([.directory(.putPerson(person))])
        #expect(try reader.load().people == [person])
        #expect(reader.lastSeq == 1)
        let log = try reader.changes(since: 0)
        #expect(log.map(\.seq) == [1])
        #expect(log.first?.mutations == [.directory(.putPerson(person))])
        #expect(log.first?.who == TestServer.superuser)
    }

    /// Fields crmtop does not know stay in the record when crmtop changes it.
    @Test func unknownFieldsSurviveAChange() throws {
        let (database, url) = try initialised()
        let store = PostgresStore(url: url)
        let person = Person(id: "ana", name: "Ana", role: "agent")
        try store.apply([.directory(.putPerson(person))])
        try server.admin("UPDATE people SET record = record || '{\\\"crm_sync_id\\\": \\\"sf-9\\\"}'", database: database.name)
        try store.apply([.directory(.addAway(person: "ana", DateRange(from: LocalDate(year: 2026, month: 1, day: 5),
                                                                       to: LocalDate(year: 2026, month: 1, day: 9))))])
        #expect(try server.query("SELECT record->>'crm_sync_id', jsonb_array_length(record->'away') FROM people",
                                 database: database.name) == "sf-9|1\n")
    }

    /// Each writer adds an absence to the same person: a lost update would drop some.
    @Test func eightWritersAtOnceLoseNothing() throws {
        let (database, url) = try initialised()
        try PostgresStore(url: url).apply([.directory(.putPerson(Person(id: "ana", name: "Ana", role: "agent")))])
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            let store = PostgresStore(url: url)
            for n in 0..<50 {
                let day = LocalDate(year: 2000 + writer, month: n / 28 + 1, day: n % 28 + 1)
                do throws(StoreError) {
                    try store.apply([.directory(.addAway(person: "ana", DateRange(from: day, to: day)))])
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.list.isEmpty)
        #expect(try PostgresStore(url: url).load().people.first?.away.count == 400)
        #expect(try server.query("SELECT count(*), min(seq), max(seq) FROM changes", database: database.name) == "401|1|401\n")
    }

    @Test func aListenerIsToldOfEachStoredChange() throws {
        let (_, url) = try initialised()
        let listener = try PGConnection(url)
        try listener.listen(PostgresSchema.channel)
        try PostgresStore(url: url).apply([.logActivity(Activity(person: "maria", kpi: "calls", at: Self.now))])
        let note = try #require(try listener.nextNotification(timeout: 30))
        #expect(note.payload == "1")
    }

    @Test func aDatabaseWithoutTheSchemaIsRefusedNamingStoreInit() throws {
        let database = server.freshDatabase()
        guard case .postgres(let url) = try StoreAddress(database.url) else { throw Shell.Failure("not a URL") }
        #expect(throws: LoadError(file: url.masked, message: "\(database.name) holds no crmtop schema yet; "
                                  + "run `crmtop store init \(url.masked)` first")) { try PostgresStore(url: url).load() }
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ text: String) { lock.lock(); items.append(text); lock.unlock() }
        var list: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }
}
