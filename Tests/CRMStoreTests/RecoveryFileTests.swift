import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// Changes a dashboard could not store before a signal ended it, kept outside the data directory.
@Suite struct RecoveryFileTests {
    static let t = utc(2026, 11, 23, 9)
    static let ack = Mutation.reminder(.acknowledgeOccurrence(id: "r1", person: "maria", due: utc(2026, 11, 23, 9), at: t))
    static let gone = Mutation.reminder(.acknowledge(id: "r99", person: "li", at: t))

    /// A data directory with the sample data, and a state directory of its own.
    static func setUp() throws -> (data: TempDir, state: TempDir, file: RecoveryFile) {
        let data = TempDir(), state = TempDir()
        try data.store.save(Samples.full)
        return (data, state, RecoveryFile(for: data.url, environment: ["XDG_STATE_HOME": state.path, "HOME": "/nonexistent"]))
    }

    @Test func itIsNamedAfterTheDataDirectoryInTheStateDirectory() {
        let file = RecoveryFile(for: URL(fileURLWithPath: "/srv/crm%data/team"), environment: ["HOME": "/home/maria"])
        #expect(file.url.path == "/home/maria/.local/state/crmtop/%2Fsrv%2Fcrm%25data%2Fteam.recovery.jsonl")
        let xdg = RecoveryFile(for: URL(fileURLWithPath: "/srv/crm"), environment: ["XDG_STATE_HOME": "/state", "HOME": "/home/maria"])
        #expect(xdg.url.path == "/state/crmtop/%2Fsrv%2Fcrm.recovery.jsonl")
    }

    @Test func keptChangesReadBackInOrderPrivateToTheUserAndAddedToWhatIsThere() throws {
        let (data, state, file) = try Self.setUp()
        defer { data.remove(); state.remove() }
        try file.keep([[Self.ack], [Self.gone, Self.ack]], reason: "disk full", at: Self.t, zone: berlin)
        try file.keep([[Self.gone]], reason: "disk still full", at: Self.t + 60, zone: berlin)
        let text = try String(contentsOf: file.url, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.first == #"{"version":2,"data":"\#(file.dataDirectory)","written":"2026-11-23T10:01:00+01:00","reason":"disk still full"}"#)
        #expect(lines[1] == #"{"seq":1,"op":"reminder.acknowledge-occurrence","id":"r1","person":"maria","due":"2026-11-23T10:00:00+01:00","at":"2026-11-23T10:00:00+01:00"}"#)
        let recovery = try file.read(zone: berlin)
        #expect(recovery.changes == [[Self.ack], [Self.gone, Self.ack], [Self.gone]])
        #expect(recovery.reason == "disk still full")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.url.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func applyingStoresWhatStillAppliesReportsTheRestAndRemovesTheFile() throws {
        let (data, state, file) = try Self.setUp()
        defer { data.remove(); state.remove() }
        try file.keep([[Self.gone], [Self.ack]], reason: "disk full", at: Self.t, zone: berlin)
        let (report, stored) = file.apply(to: data.store, zone: berlin)
        #expect(report.applied == 1)
        #expect(report.refused == ["reminder.acknowledge r99: no reminder with id r99"])
        #expect(report.failure == nil && report.left == 0)
        #expect(stored?.reminders.first { $0.id == "r1" }?.acknowledgedBy["maria"] == Self.t)
        #expect(try DataStore(directory: data.url).load().reminders.first { $0.id == "r1" }?.acknowledgedBy["maria"] == Self.t)
        #expect(!file.exists)
        #expect(!FileManager.default.fileExists(atPath: file.url.path + ".bak"))
    }

    @Test func whenTheDiskRefusesAgainTheChangesStayInTheFile() throws {
        let (data, state, file) = try Self.setUp()
        defer { data.remove(); state.remove() }
        try file.keep([[Self.ack]], reason: "disk full", at: Self.t, zone: berlin)
        // A directory where the journal goes: no change can be stored, even as root.
        try FileManager.default.createDirectory(at: data.file("journal.jsonl"), withIntermediateDirectories: false)
        let (report, _) = file.apply(to: data.store, zone: berlin)
        #expect(report.applied == 0 && report.left == 1)
        #expect(report.failure?.contains("journal.jsonl") == true)
        #expect(try file.read(zone: berlin).changes == [[Self.ack]])
    }

    @Test func aFileThatCannotBeReadIsNeverOverwritten() throws {
        let (data, state, file) = try Self.setUp()
        defer { data.remove(); state.remove() }
        try FileManager.default.createDirectory(at: file.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"version\":2,\"data\":\"x\"\n".utf8).write(to: file.url)
        #expect(performing: { try file.keep([[Self.ack]], reason: nil, at: Self.t, zone: berlin) },
                throws: { ($0 as? SaveError)?.message.contains("not overwritten") == true })
        #expect(try String(contentsOf: file.url, encoding: .utf8) == "{\"version\":2,\"data\":\"x\"\n")
    }
}

/// Journals written before undo sent only what it touched hold `reminder.restore` lines.
@Suite struct OlderUndoJournalTests {
    @Test func aJournalWithRestoreLinesStillLoads() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(DataSet(reminders: [Reminder(id: "r1", title: "Call Acme", owners: ["maria"], due: utc(2026, 11, 23, 9))],
                                   settings: Samples.settings))
        dir.write("journal.jsonl", """
            {"version":2,"seq":0}
            {"seq":1,"op":"reminder.edit","id":"r1","fields":[{"title":"Wrong"}],"at":"2026-11-23T10:10:00+01:00","actor":"maria"}
            {"seq":2,"op":"reminder.restore","reminder":{"id":"r1","title":"Call Acme","owners":["maria"],"due":"2026-11-23T10:00:00+01:00"},"at":"2026-11-23T10:11:00+01:00","actor":"maria","note":"edit"}

            """)
        let r1 = try #require(try dir.store.load().reminders.first)
        #expect(r1.title == "Call Acme")
        #expect(r1.history.map(\.action) == ["edited", "undone"])
    }
}
