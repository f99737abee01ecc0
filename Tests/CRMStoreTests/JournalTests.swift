import CRMCore
import Foundation
import Testing
@testable import CRMStore

@Suite struct JournalTests {
    static let t = utc(2026, 11, 23, 9)

    /// A directory with `count` reminders for maria, saved as snapshot files.
    static func directory(reminders count: Int = 3) throws -> TempDir {
        let dir = TempDir()
        var data = DataSet(settings: Samples.settings)
        data.reminders = (0..<count).map { Reminder(id: "r\($0)", title: "task \($0)", owners: ["maria", "li"], due: t) }
        try dir.store.save(data)
        return dir
    }

    static func ack(_ id: String, _ person: String = "maria") -> Mutation {
        .reminder(.acknowledge(id: id, person: person, at: t))
    }

    @Test(arguments: [
        ack("r1"),
        .reminder(.unacknowledge(id: "r1", person: "li", at: t)),
        .reminder(.unacknowledge(id: "r1", person: "li", at: nil)),
        .reminder(.snooze(id: "r1", person: "li", until: utc(2026, 11, 23, 12), at: t)),
        .reminder(.snooze(id: "r1", person: "li", until: nil, at: t)),
        .reminder(.snooze(id: "r1", person: "li", until: nil, at: nil)),
        .reminder(.put(Samples.full.reminders[0])),
        .reminder(.delete(id: "r2")),
        .supportCase(.put(Samples.full.cases[0])),
        .supportCase(.putInfluencer(Samples.full.influencers[0])),
        .directory(.putPerson(Samples.full.people[0])),
        .directory(.putTeam(Samples.full.teams[0])),
        .directory(.putKPI(Samples.full.kpis[0])),
        .logActivity(Samples.full.activities[0]),
        .settings(Samples.settings),
    ] as [Mutation])
    func everyChangeRoundTripsThroughJSON(mutation: Mutation) throws {
        let bytes = try MutationCodec.encode(mutation, zone: berlin)
        #expect(!bytes.contains(.lf))
        #expect(try MutationCodec.decode(bytes) == mutation)
    }

    @Test func aChangeIsAppendedNotRewritten() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let snapshot = dir.read("reminders.json")
        let saved = try dir.store.apply([Self.ack("r1")])
        #expect(dir.read("reminders.json") == snapshot)
        let lines = try #require(dir.text("journal.jsonl")).split(separator: "\n")
        #expect(lines == [#"{"version":2,"seq":0}"#,
                          #"{"seq":1,"op":"reminder.acknowledge","id":"r1","person":"maria","at":"2026-11-23T10:00:00+01:00"}"#])
        #expect(try DataStore(directory: dir.url).load() == saved)
        #expect(saved.reminders[1].acknowledgedBy == ["maria": Self.t])
    }

    @Test func writersSharingADirectoryNeverUndoEachOther() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let a = dir.store, b = dir.store
        _ = try a.load()
        _ = try b.load()
        try a.apply([Self.ack("r0")])
        let seenByB = try b.apply([Self.ack("r1", "li")])
        #expect(seenByB.reminders[0].acknowledgedBy == ["maria": Self.t])
        // A reader that has read everything before picks up only the new line.
        let reread = try a.load()
        #expect(reread == seenByB)
    }

    @Test func activitiesAreAppendedToTheirOwnFile() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let activity = Activity(person: "maria", kpi: "calls", count: 2, at: Self.t)
        try dir.store.apply([.logActivity(activity), .logActivity(activity)])
        // The version line, the batch's line and the two activities.
        #expect(dir.text("activities.jsonl")?.split(separator: "\n").count == 4)
        #expect(dir.text("journal.jsonl") == nil)
        #expect(try DataStore(directory: dir.url).load().activities == [activity, activity])
    }

    @Test func aTornLastLineIsIgnoredAndCutOffByTheNextWriter() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        try dir.store.apply([Self.ack("r0")])
        let whole = try #require(dir.read("journal.jsonl"))
        let torn = whole + Array(#"{"seq":2,"op":"reminder.acknowledge","id":"r1","per"#.utf8)
        dir.write("journal.jsonl", bytes: torn)
        let loaded = try DataStore(directory: dir.url).load()
        #expect(loaded.reminders[0].acknowledgedBy == ["maria": Self.t])
        #expect(loaded.reminders[1].acknowledgedBy == [:])

        try DataStore(directory: dir.url).apply([Self.ack("r2")])
        let lines = try #require(dir.text("journal.jsonl")).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2].hasPrefix(#"{"seq":2,"op":"reminder.acknowledge","id":"r2""#))
    }

    @Test func aBatchIsStoredBehindOneLineThatCountsIt() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        try dir.store.apply([Self.ack("r0"), Self.ack("r1"), Self.ack("r2")])
        let lines = try #require(dir.text("journal.jsonl")).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[1] == #"{"batch":3}"#)
        #expect(try DataStore(directory: dir.url).load().reminders.allSatisfy { $0.acknowledgedBy == ["maria": Self.t] })
    }

    @Test func aBatchCutShortIsReadAsNoneOfItAndCutOffByTheNextWriter() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        try dir.store.apply([Self.ack("r0")])
        let whole = try #require(dir.read("journal.jsonl"))
        try dir.store.apply([Self.ack("r1"), Self.ack("r2")])
        let batched = try #require(dir.read("journal.jsonl"))
        // Killed after the first change of the batch and its newline: a complete line.
        let firstOfBatch = batched[whole.count...].split(separator: .lf, omittingEmptySubsequences: false)
        let torn = whole + Array(firstOfBatch[0]) + [.lf] + Array(firstOfBatch[1]) + [.lf]
        dir.write("journal.jsonl", bytes: torn)
        let reader = DataStore(directory: dir.url)
        let loaded = try reader.load()
        #expect(loaded.reminders.map { $0.acknowledgedBy.isEmpty } == [false, true, true])

        try DataStore(directory: dir.url).apply([.reminder(.unacknowledge(id: "r0", person: "maria", at: Self.t))])
        let lines = try #require(dir.text("journal.jsonl")).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2].contains("reminder.unacknowledge"))
        // A reader that saw the half batch reads on from where it stopped.
        #expect(try reader.load().reminders.allSatisfy { $0.acknowledgedBy.isEmpty })
    }

    @Test func aCompleteLastLineWithoutNewlineCounts() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        dir.write("activities.jsonl", #"{"version":2}"# + "\n" + #"{"person":"li","kpi":"calls","at":"2026-11-23T10:00:00Z"}"#)
        #expect(try dir.store.load().activities.count == 1)
        try dir.store.apply([.logActivity(Activity(person: "maria", kpi: "calls", at: Self.t))])
        #expect(try DataStore(directory: dir.url).load().activities.map(\.person) == ["li", "maria"])
    }

    @Test func compactionFoldsTheJournalIntoTheSnapshots() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let store = dir.store
        try store.apply([Self.ack("r0"), .reminder(.delete(id: "r2")), .directory(.putTeam(Team(id: "x", name: "X")))])
        let before = try store.load()
        try store.compact()
        #expect(dir.text("journal.jsonl") == #"{"version":2,"seq":3}"# + "\n")
        #expect(dir.text("reminders.json")?.contains(#""journal_seq": 2,"#) == true)
        #expect(dir.text("people.json")?.contains(#""journal_seq": 3,"#) == true)
        #expect(dir.text("cases.json")?.contains("journal_seq") == false)
        #expect(try DataStore(directory: dir.url).load() == before)
        // Numbering carries on after compaction.
        try store.apply([Self.ack("r1")])
        #expect(dir.text("journal.jsonl")?.contains(#"{"seq":4,"#) == true)
        #expect(try DataStore(directory: dir.url).load().reminders[1].acknowledgedBy == ["maria": Self.t])
    }

    /// A crash after a snapshot was rewritten but before the journal was: the snapshot's
    /// `journal_seq` keeps its changes from being applied twice, and others' from being lost.
    @Test func aSnapshotSaysWhichChangesItHolds() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        try dir.store.apply([Self.ack("r0"), .reminder(.delete(id: "r0"))])
        var text = try #require(dir.text("reminders.json"))
        // Claim the first change only; the file still has r0, as if it were written in between.
        text = text.replacingOccurrences(of: "\"version\": 2,", with: "\"version\": 2,\n  \"journal_seq\": 1,")
        dir.write("reminders.json", text)
        let loaded = try DataStore(directory: dir.url).load()
        #expect(loaded.reminders.map(\.id) == ["r1", "r2"])
        dir.write("reminders.json", text.replacingOccurrences(of: "\"journal_seq\": 1", with: "\"journal_seq\": 2"))
        #expect(try DataStore(directory: dir.url).load().reminders.map(\.id) == ["r0", "r1", "r2"])
    }

    @Test func aSaveReplacesWhatTheJournalSaidAboutItsFiles() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        var data = try dir.store.apply([Self.ack("r0"), .directory(.putTeam(Team(id: "x", name: "X")))])
        data.reminders = [Reminder(id: "new", title: "n", owners: ["li"], due: Self.t)]
        try dir.store.save(data, collections: [.reminders])
        let loaded = try DataStore(directory: dir.url).load()
        #expect(loaded.reminders.map(\.id) == ["new"])
        #expect(loaded.teams.map(\.id) == ["x"])
    }

    @Test func versionOneFilesAreReadAndWrittenBackAsVersionTwo() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("reminders.json", #"{"version": 1, "reminders": [{"id": "r0", "title": "a", "owners": ["maria"], "due": "2026-11-23T10:00:00Z"}]}"#)
        dir.write("activities.jsonl", #"{"version":1}"# + "\n")
        try dir.store.apply([Self.ack("r0"), .logActivity(Activity(person: "maria", kpi: "calls", at: Self.t))])
        try dir.store.compact()
        #expect(dir.text("reminders.json")?.hasPrefix("{\n  \"version\": 2,\n  \"journal_seq\": 1,") == true)
        #expect(try DataStore(directory: dir.url).load().activities.count == 1)
    }

    @Test func aRefusedChangeStoresNothing() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let store = dir.store
        _ = try store.load()
        #expect(throws: StoreError.self) {
            try store.apply([Self.ack("r0"), Self.ack("r0", "jo")])
        }
        #expect(dir.text("journal.jsonl") == nil)
        // Nor does the store remember the first half.
        #expect(try store.load().reminders[0].acknowledgedBy == [:])
        #expect(try store.apply([Self.ack("r1")]).reminders[0].acknowledgedBy == [:])
    }

    @Test func theChangeTokenMovesWithEveryWrite() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let store = dir.store
        let before = store.changeToken()
        #expect(store.changeToken() == before)
        try DataStore(directory: dir.url).apply([Self.ack("r0")])
        #expect(store.changeToken() != before)
    }

    @Test func manyWritersAtOnceLoseNothing() async throws {
        let dir = try Self.directory(reminders: 200)
        defer { dir.remove() }
        // Separate stores lock separately, as separate processes do; a small threshold makes
        // compactions run in between.
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    let store = DataStore(directory: dir.url, compactionThreshold: 2048)
                    for n in stride(from: writer, to: 200, by: 4) {
                        try! store.apply([Self.ack("r\(n)")])
                        try! store.compactIfNeeded()
                    }
                }
            }
        }
        let loaded = try DataStore(directory: dir.url).load()
        #expect(loaded.reminders.filter { $0.acknowledgedBy["maria"] != nil }.count == 200)
        #expect(dir.text("reminders.json")?.contains("journal_seq") == true)
        #expect(try #require(dir.read("journal.jsonl")).count < 200 * 100)
    }

    @Test func compactionRemovesWhatKilledWritersLeftBehind() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let dead = ".reminders.json.tmp-4242-1", halfBackup = ".cases.json.bak-4242-2"
        let alive = ".reminders.json.tmp-\(getpid())-3"
        for name in [dead, halfBackup, alive] { dir.write(name, "x") }
        // A writer at work holds a lock on its new file.
        let fd = open(dir.file(alive).path, O_RDONLY)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        try dir.store.apply([Self.ack("r0")])
        try dir.store.compact()
        #expect(dir.files.filter { $0.hasPrefix(".") } == [alive])
    }
}

@Suite struct ReadGenerationTests {
    @Test func onlyWhatOthersWroteMovesTheReadGeneration() throws {
        let dir = try JournalTests.directory()
        let store = dir.store
        _ = try store.load()
        let first = store.readGeneration
        _ = try store.load()
        #expect(store.readGeneration == first, "nothing changed on disk")
        try store.apply([JournalTests.ack("r0")])
        _ = try store.load()
        #expect(store.readGeneration == first, "its own change is nothing new to it")
        try DataStore(directory: dir.url).apply([JournalTests.ack("r1")])
        let data = try store.load()
        #expect(store.readGeneration > first)
        #expect(data.reminders.first { $0.id == "r1" }?.acknowledgedBy["maria"] != nil)
        let second = store.readGeneration
        try DataStore(directory: dir.url).apply([.logActivity(Activity(person: "maria", kpi: "calls", count: 1, at: JournalTests.t))])
        try store.apply([JournalTests.ack("r2")])
        #expect(store.readGeneration > second, "an activity another process logged comes in with the next change")
    }
}
