import CRMCLI
import CRMCore
import CRMStore
import Foundation
import Testing

/// `crmtop recover` and `crmtop check` with a recovery file a dashboard left behind.
@Suite struct RecoverCommandTests {
    static let due = TimeText.parse("2026-11-23T10:00:00+01:00", zone: .gmt)!
    static let at = TimeText.parse("2026-11-23T10:06:00+01:00", zone: .gmt)!
    static let ack = Mutation.reminder(.acknowledgeOccurrence(id: "R-1001", person: "maria", due: due, at: at))
    static let gone = Mutation.reminder(.acknowledge(id: "R-9999", person: "maria", at: at))

    /// The reminder fixture with a state directory of its own holding a recovery file for it.
    final class Setup {
        let fixture: ReminderFixture
        let state: URL
        let file: RecoveryFile

        init(_ changes: [[Mutation]]) throws {
            fixture = try ReminderFixture()
            state = try temporaryDirectory()
            file = RecoveryFile(for: fixture.dir, environment: ["XDG_STATE_HOME": state.path])
            try file.keep(changes, reason: "cannot save journal.jsonl: No space left on device", at: at,
                          zone: TimeZone(identifier: "Europe/Berlin")!)
        }

        func run(_ args: [String]) -> Run {
            let console = Console(environment: ["XDG_STATE_HOME": state.path], capture: true)
            let code = Console.$current.withValue(console) {
                CRMTop.run(arguments: args + ["--data", fixture.dir.path, "--user", "maria", "--at", ReminderFixture.now])
            }
            return Run(code: code, out: console.out, err: console.err)
        }

        deinit {
            fixture.remove()
            try? FileManager.default.removeItem(at: state)
        }
    }

    @Test func withoutOptionsItListsWhatTheFileHolds() throws {
        let setup = try Setup([[Self.ack]])
        let run = setup.run(["recover"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out == """
            \(setup.file.url.path) holds 1 change for \(setup.file.dataDirectory), not saved at 2026-11-23T10:06:00+01:00 (cannot save journal.jsonl: No space left on device):
              1. reminder.acknowledge-occurrence R-1001
            crmtop recover --apply stores them; crmtop recover --discard removes the file

            """)
        #expect(setup.file.exists)
    }

    @Test func applyStoresTheChangesAndRemovesTheFile() throws {
        let setup = try Setup([[Self.ack]])
        let run = setup.run(["recover", "--apply"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out == "applied 1 of 1 to \(setup.file.dataDirectory)\n")
        #expect(!setup.file.exists)
        let r1 = try #require(try setup.fixture.list().first { $0["id"] as? String == "R-1001" })
        #expect((r1["acknowledged_by"] as? [String: String])?["maria"] == "2026-11-23T10:06:00+01:00")
    }

    @Test func aChangeThatNoLongerAppliesIsReportedAndExitsOne() throws {
        let setup = try Setup([[Self.gone], [Self.ack]])
        let run = setup.run(["recover", "--apply"])
        #expect(run.code == 1)
        #expect(run.out == "applied 1 of 2 to \(setup.file.dataDirectory)\n")
        #expect(run.err == "crmtop: not applied: reminder.acknowledge R-9999: no reminder with id R-9999\n")
        #expect(!setup.file.exists)
    }

    @Test func discardRemovesTheFileAndStoresNothing() throws {
        let setup = try Setup([[Self.ack]])
        let before = setup.fixture.remindersFile
        let run = setup.run(["recover", "--discard"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out == "discarded 1 change from \(setup.file.url.path)\n")
        #expect(!setup.file.exists)
        #expect(setup.fixture.remindersFile == before)
        #expect(!FileManager.default.fileExists(atPath: setup.fixture.dir.appendingPathComponent("journal.jsonl").path))
    }

    @Test func withoutAFileApplyIsRefused() throws {
        let setup = try Setup([[Self.ack]])
        try setup.file.remove()
        #expect(setup.run(["recover"]).out == "no recovery file for \(setup.file.dataDirectory)\n")
        let run = setup.run(["recover", "--apply"])
        #expect(run.code == 1)
        #expect(run.err.hasPrefix("crmtop: no recovery file for \(setup.file.dataDirectory)"))
        #expect(setup.run(["recover", "--apply", "--discard"]).code == 2)
    }

    @Test func checkSaysThatARecoveryFileExists() throws {
        let setup = try Setup([[Self.ack]])
        let run = setup.run(["check"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("note: a recovery file holds changes not saved to \(setup.file.dataDirectory) (\(setup.file.url.path))"))
        #expect(run.out.contains("crmtop recover --apply stores them"))
        try setup.file.remove()
        #expect(!setup.run(["check"]).out.contains("recovery file"))
    }
}
