import CRMCore
import Foundation
import Testing
@testable import CRMStore

#if canImport(Glibc)
import Glibc
#endif

@Suite struct SaveTests {
    func files(_ dir: TempDir) -> [String] { dir.files }

    @Test func newFilesAreReadableOnlyByTheirOwner() throws {
        let dir = TempDir()
        defer { dir.remove() }
        chmod(dir.path, 0o755)
        try dir.store.save(Samples.full)
        for collection in DataStore.Collection.allCases {
            #expect(dir.mode(collection.fileName) == 0o600, "\(collection)")
        }
    }

    @Test func missingDirectoriesAreCreatedPrivate() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let nested = dir.url.appendingPathComponent("a/b")
        try DataStore(directory: nested).save(Samples.full, collections: [.reminders])
        #expect(dir.mode("a") == 0o700)
        #expect(dir.mode("a/b") == 0o700)
        #expect(dir.mode("a/b/reminders.json") == 0o600)
        #expect(try DataStore(directory: nested).load().reminders == Samples.full.reminders)
    }

    @Test func aGroupWritableDirectoryIsShared() throws {
        let dir = TempDir()
        defer { dir.remove() }
        chmod(dir.path, 0o2770)
        try dir.store.save(Samples.full, collections: [.cases])
        #expect(dir.mode("cases.json") == 0o660)
        try dir.store.save(Samples.full, collections: [.cases])
        #expect(dir.mode("cases.json.bak") == 0o660)
    }

    @Test func permissionsSomeoneChoseAreKept() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(Samples.full, collections: [.people])
        chmod(dir.file("people.json").path, 0o640)
        try dir.store.save(DataSet(), collections: [.people])
        #expect(dir.mode("people.json") == 0o640)
    }

    @Test func theBackupHoldsThePreviousVersion() throws {
        let dir = TempDir()
        defer { dir.remove() }
        var data = Samples.full
        try dir.store.save(data, collections: [.reminders])
        #expect(files(dir) == ["reminders.json"])
        let first = dir.read("reminders.json")

        data.reminders.removeLast()
        try dir.store.save(data, collections: [.reminders])
        #expect(dir.read("reminders.json.bak") == first)
        let second = dir.read("reminders.json")
        #expect(second != first)

        data.reminders.removeLast()
        try dir.store.save(data, collections: [.reminders])
        #expect(dir.read("reminders.json.bak") == second)
        #expect(try dir.store.load().reminders == data.reminders)
        #expect(files(dir) == ["reminders.json", "reminders.json.bak"])
    }

    @Test func onlyTheNamedCollectionsAreWritten() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(Samples.full, collections: [.settings, .activities])
        #expect(files(dir) == ["activities.jsonl", "settings.json"])
        try dir.store.save(Samples.full, collections: [])
        #expect(files(dir) == ["activities.jsonl", "settings.json"])
    }

    @Test func savingNothingCreatesNothing() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = DataStore(directory: dir.url.appendingPathComponent("new"))
        try store.save(Samples.full, collections: [])
        #expect(files(dir) == [])
    }

    @Test func aReadOnlyDirectoryFailsCleanly() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(Samples.full, collections: [.reminders, .cases])
        try dir.store.save(Samples.full, collections: [.cases])
        let reminders = dir.read("reminders.json"), cases = dir.read("cases.json"), backup = dir.read("cases.json.bak")
        chmod(dir.path, 0o555)

        let error = withoutRootsPowers { () -> SaveError? in
            do throws(SaveError) {
                try dir.store.save(DataSet(), collections: [.reminders, .cases])
                return nil
            } catch {
                return error
            }
        }
        chmod(dir.path, 0o755)
        #expect(error == SaveError(file: "reminders.json",
                                   message: "cannot lock the data directory (.crmtop.lock): Permission denied", code: EACCES))
        #expect(error?.description == "cannot save reminders.json: cannot lock the data directory (.crmtop.lock): Permission denied")
        #expect(dir.read("reminders.json") == reminders)
        #expect(dir.read("cases.json") == cases)
        #expect(dir.read("cases.json.bak") == backup)
        #expect(files(dir) == ["cases.json", "cases.json.bak", "reminders.json"])
    }

    @Test func aFileWhereTheDirectoryShouldBe() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("data", "not a directory")
        let store = DataStore(directory: dir.file("data"))
        #expect(throws: SaveError(file: "kpis.json", message: "cannot lock the data directory (.crmtop.lock): Not a directory",
                                  code: ENOTDIR)) {
            try store.save(Samples.full, collections: [.kpis])
        }
        #expect(dir.text("data") == "not a directory")
    }

    @Test func dataThatCannotBeWrittenChangesNothing() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(Samples.full)
        let before = DataStore.Collection.allCases.map { dir.read($0.fileName) }

        var data = DataSet()
        data.settings.slaPolicies = [SLAPolicy(priority: .high), SLAPolicy(priority: .low, firstResponse: -3600)]
        #expect(throws: SaveError(file: "settings.json", path: "sla_policies[1].first_response",
                                  message: "a duration cannot be negative (-1h)")) {
            try dir.store.save(data)
        }
        #expect(DataStore.Collection.allCases.map { dir.read($0.fileName) } == before)
        #expect(!files(dir).contains { $0.hasSuffix(".bak") })
    }

    @Test(arguments: [
        (Settings(calendars: [BusinessCalendar(name: "x", zone: "Mars/Olympus", hours: [])]),
         "cannot save settings.json: calendars[0].zone: unknown time zone \"Mars/Olympus\""),
        (Settings(calendars: [BusinessCalendar(name: "x", zone: "UTC", hours: [OpenRange(weekday: 8, startMinute: 0, endMinute: 60)])]),
         "cannot save settings.json: calendars[0].hours[0]: weekday 8 is not 1 (Monday) to 7 (Sunday)"),
        (Settings(slaPolicies: [SLAPolicy(priority: .high, warnAtFraction: 1.5)]),
         "cannot save settings.json: sla_policies[0].warn_at_percent: 150.0 is not a percentage from 0 to 100"),
        (Settings(escalation: [EscalationLevel(level: 1, trigger: .afterBreach(-60), notify: [])]),
         "cannot save settings.json: escalation[0].after: a duration cannot be negative (-1m)"),
        (Settings(leaderboard: LeaderboardSettings(weekStart: 0)),
         "cannot save settings.json: leaderboard.week_start: weekday 0 is not 1 (Monday) to 7 (Sunday)"),
    ])
    func settingsThatCannotBeWritten(settings: Settings, expected: String) {
        let dir = TempDir()
        defer { dir.remove() }
        #expect(performing: { try dir.store.save(DataSet(settings: settings)) },
                throws: { ($0 as? SaveError)?.description == expected })
        #expect(files(dir) == [])
    }

    @Test func timesOutsideFourDigitYearsAreRefused() {
        let dir = TempDir()
        defer { dir.remove() }
        let data = DataSet(reminders: [Reminder(id: "r", title: "t", owners: ["a"], due: .distantFuture + 1e12)])
        #expect(throws: SaveError(file: "reminders.json", path: "reminders[0].due",
                                  message: "the time is outside the years 0001 to 9999")) {
            try dir.store.save(data)
        }
    }

    /// Root writes anywhere, so as root the test drops the file-system user id of this thread
    /// (Linux keeps it per thread) to `nobody` for the duration of `body`.
    func withoutRootsPowers<T>(_ body: () -> T) -> T {
        #if os(Linux)
        guard geteuid() == 0 else { return body() }
        typealias SetFSUID = @convention(c) (UInt32) -> Int32
        let setfsuid = unsafeBitCast(dlsym(nil, "setfsuid")!, to: SetFSUID.self)
        _ = setfsuid(65534)
        defer { _ = setfsuid(0) }
        #endif
        return body()
    }

    @Test func aNewerFileIsNeverOverwritten() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let newer = "{\n  \"version\": 4,\n  \"reminders\": [{\"id\": \"r\", \"from_the_future\": true}]\n}\n"
        dir.write("reminders.json", newer)
        #expect(throws: SaveError.self) { try dir.store.save(Samples.full, collections: [.reminders]) }
        #expect(throws: StoreError.self) { try dir.store.apply([.reminder(.delete(id: "r"))]) }
        #expect(dir.text("reminders.json") == newer)
        #expect(dir.text("journal.jsonl") == nil)
    }

    @Test func journalLockAndActivitiesAreCreatedPrivateOrForTheGroup() throws {
        for (dirMode, fileMode) in [(0o755, 0o600), (0o2770, 0o660)] as [(mode_t, Int)] {
            let dir = TempDir()
            defer { dir.remove() }
            chmod(dir.path, dirMode)
            try dir.store.apply([.reminder(.put(Samples.full.reminders[1])), .logActivity(Samples.full.activities[0])])
            for name in ["journal.jsonl", "activities.jsonl", DirectoryLock.fileName] {
                #expect(dir.mode(name) == fileMode, "\(name) in a \(String(dirMode, radix: 8)) directory")
            }
            try dir.store.compact()
            #expect(dir.mode("reminders.json") == fileMode)
            #expect(dir.mode("journal.jsonl.bak") == fileMode)
        }
    }
}
