import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUI
import Testing

func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Suite struct RuntimeTests {
    @Test func acknowledgeThenQuitPersistsAndRestoresTheTerminal() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = DataStore(directory: dir)
        try store.save(Fixture.data, collections: Set(DataStore.Collection.allCases))
        let backend = InMemoryBackend(size: Size(width: 120, height: 40),
                                      script: [.key(.down), .key(.char("a")), .key(.char("q"))])
        let runtime = Runtime(state: Fixture.state(), backend: backend, time: ManualTime(Fixture.now), store: store)

        #expect(runtime.run() == 0)
        #expect(backend.isShutDown)
        let saved = try store.load().reminders.first { $0.id == "R2" }
        #expect(saved?.acknowledgedBy["maria"] != nil)
        // Exactly the screen the person saw last: R2 settled below, the note in the footer.
        Golden.check("runtime-acknowledged-120x40", try #require(backend.lastFrame))
    }

    @Test func sigtermEndsWith143AndShutsDown() {
        let backend = InMemoryBackend(size: Size(width: 80, height: 24), script: [.signal(15)])
        let runtime = Runtime(state: Fixture.state(), backend: backend, time: ManualTime(Fixture.now), store: nil)
        #expect(runtime.run() == 143)
        #expect(backend.isShutDown)
    }

    @Test func resizeRedrawsAtTheNewSize() throws {
        let backend = InMemoryBackend(size: Size(width: 120, height: 40),
                                      script: [.resize(Size(width: 30, height: 8)), .key(.char("q"))])
        let runtime = Runtime(state: Fixture.state(), backend: backend, time: ManualTime(Fixture.now), store: nil)
        #expect(runtime.run() == 0)
        Golden.check("runtime-too-small-30x8", try #require(backend.lastFrame))
    }

    @Test func waitsUntilTheNextWholeSecondAndTicks() throws {
        let time = ManualTime(Fixture.now.addingTimeInterval(0.25))
        let backend = InMemoryBackend(size: Size(width: 120, height: 40), script: [.idle, .idle, .key(.char("q"))])
        // Each read lets one second pass, as a real wait would.
        backend.beforeRead = { _ in time.advance(1) }
        let runtime = Runtime(state: Fixture.state(), backend: backend, time: time, store: nil)
        #expect(runtime.run() == 0)
        #expect(backend.timeouts.first == 752)
        // 10:00:02 in the header: the third read brings q, which quits before drawing.
        Golden.check("runtime-ticked-120x40", try #require(backend.lastFrame))
    }

    @Test func aFailedSaveShowsInTheStatusBarAndKeepsTheChange() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A data directory that has become a plain file: no save can succeed, even as root.
        try FileManager.default.removeItem(at: dir)
        try Data("not a directory".utf8).write(to: dir)
        let store = DataStore(directory: dir)
        // `q` asks what to do with the change; the test looks at the screen before answering.
        let backend = InMemoryBackend(size: Size(width: 120, height: 40),
                                      script: [.key(.char("a")), .key(.char("q")), .key(.char("2"))])
        var screen: CellBuffer?
        backend.beforeRead = { read in if read == 2 { screen = backend.lastFrame } }
        let runtime = Runtime(state: Fixture.state(), backend: backend, time: ManualTime(Fixture.now), store: store)
        #expect(runtime.run() == 0)
        #expect(runtime.state.data.reminders.first { $0.id == "R1" }?.acknowledgedBy["maria"] != nil)
        #expect(runtime.state.message?.isError == true)
        Golden.check("runtime-save-failed-120x40", try #require(screen))
        #expect(try Data(contentsOf: dir) == Data("not a directory".utf8))
    }

    @Test func changesByAnotherProcessShowWithinASecondAndKeepTheSelection() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try DataStore(directory: dir).save(Fixture.data)
        let time = ManualTime(Fixture.now)
        let backend = InMemoryBackend(size: Size(width: 120, height: 40),
                                      script: [.key(.down), .idle, .idle, .key(.char("q"))])
        let other = DataStore(directory: dir)
        backend.beforeRead = { read in
            time.advance(1)
            // Another process acknowledges R1 after maria has selected R2.
            if read == 2 { try! other.apply([.reminder(.acknowledge(id: "R1", person: "maria", at: Fixture.now))]) }
        }
        let runtime = Runtime(state: Fixture.state(), backend: backend, time: time, store: DataStore(directory: dir))
        #expect(runtime.run() == 0)
        #expect(runtime.state.data.reminders.first { $0.id == "R1" }?.acknowledgedBy["maria"] == Fixture.now)
        #expect(runtime.state.selection[.reminders] == "R2")
    }

    @Test func aFailedSaveIsKeptAndTriedAgain() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try DataStore(directory: dir).save(Fixture.data)
        // A directory where the journal should be: no change can be stored until it goes.
        let journal = dir.appendingPathComponent("journal.jsonl")
        try FileManager.default.createDirectory(at: journal, withIntermediateDirectories: false)
        let time = ManualTime(Fixture.now)
        let backend = InMemoryBackend(size: Size(width: 120, height: 40),
                                      script: [.key(.char("a")), .idle, .idle, .key(.char("q"))])
        var messages: [StatusMessage?] = []
        var runtime: Runtime<InMemoryBackend>!
        backend.beforeRead = { read in
            time.advance(1)
            messages.append(runtime.state.message)
            if read == 3 { try! FileManager.default.removeItem(at: journal) }
        }
        runtime = Runtime(state: Fixture.state(), backend: backend, time: time, store: DataStore(directory: dir))
        #expect(runtime.run() == 0)
        #expect(messages[1]?.isError == true)
        #expect(messages[1]?.text.contains("changes kept in memory") == true)
        #expect(runtime.state.message?.isError != true)
        let saved = try DataStore(directory: dir).load().reminders.first { $0.id == "R1" }
        #expect(saved?.acknowledgedBy["maria"] != nil)
    }

    @Test func aChangeRefusedBecauseAnotherProcessDeletedItsReminderSaysSoAndGoesAway() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try DataStore(directory: dir).save(Fixture.data)
        let time = ManualTime(Fixture.now)
        let backend = InMemoryBackend(size: Size(width: 120, height: 40),
                                      script: [.idle, .key(.char("a")), .idle, .idle, .key(.char("q"))])
        let other = DataStore(directory: dir)
        var messages: [StatusMessage?] = []
        var runtime: Runtime<InMemoryBackend>!
        backend.beforeRead = { read in
            time.advance(1)
            messages.append(runtime.state.message)
            // R1 is deleted elsewhere while it is still on maria's screen.
            if read == 2 { try! other.apply([.reminder(.delete(id: "R1"))]) }
        }
        runtime = Runtime(state: Fixture.state(), backend: backend, time: time, store: DataStore(directory: dir))
        #expect(runtime.run() == 0)
        #expect(messages[2]?.text.contains("not saved") == true)
        #expect(messages[2]?.text.contains("kept in memory") == false)
        #expect(!runtime.state.derived.reminders.contains { $0.reminder.id == "R1" })
        #expect(try DataStore(directory: dir).load().reminders.allSatisfy { $0.id != "R1" })
    }
}
