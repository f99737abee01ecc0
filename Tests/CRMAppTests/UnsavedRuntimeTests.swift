import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUI
import Testing

/// A disk that refuses every change: what `q` and a signal do with what could not be saved.
@Suite struct UnsavedRuntimeTests {
    /// A data directory whose journal cannot be written (a directory stands where it goes, which
    /// stops even root), and a state directory for the recovery file.
    final class Refusing {
        let data: URL, state: URL
        let recovery: RecoveryFile

        init() throws {
            data = try temporaryDirectory()
            state = try temporaryDirectory()
            recovery = RecoveryFile(for: data, environment: ["XDG_STATE_HOME": state.path])
            try DataStore(directory: data).save(Fixture.data)
            try FileManager.default.createDirectory(at: journal, withIntermediateDirectories: false)
        }

        var journal: URL { data.appendingPathComponent("journal.jsonl") }

        /// The disk takes changes again.
        func mend() { try? FileManager.default.removeItem(at: journal) }

        func runtime(_ backend: InMemoryBackend, time: ManualTime = ManualTime(Fixture.now)) -> Runtime<InMemoryBackend> {
            Runtime(state: Fixture.state(), backend: backend, time: time, store: DataStore(directory: data), recovery: recovery)
        }

        func acknowledgedOnDisk() throws -> Bool {
            try DataStore(directory: data).load().reminders.first { $0.id == "R1" }?.acknowledgedBy["maria"] != nil
        }

        deinit {
            try? FileManager.default.removeItem(at: data)
            try? FileManager.default.removeItem(at: state)
        }
    }

    /// Runs `script`, keeping the screen as it was before each read.
    static func run(_ script: [TerminalEvent], _ dir: Refusing,
                    before: @escaping (Int) -> Void = { _ in }) -> (code: Int32, screens: [CellBuffer], runtime: Runtime<InMemoryBackend>) {
        let backend = InMemoryBackend(size: Size(width: 120, height: 40), script: script)
        var screens: [CellBuffer] = []
        backend.beforeRead = { read in
            screens.append(backend.lastFrame ?? CellBuffer(size: Size(width: 0, height: 0)))
            before(read)
        }
        let runtime = dir.runtime(backend)
        return (runtime.run(), screens, runtime)
    }

    @Test func quitAsksAndQuitAnywayDropsTheChange() throws {
        let dir = try Refusing()
        let (code, screens, _) = Self.run([.key(.char("a")), .key(.char("q")), .key(.char("2"))], dir)
        #expect(code == 0)
        Golden.check("unsaved-on-quit-120x40", screens[2])
        dir.mend()
        #expect(try !dir.acknowledgedOnDisk())
        #expect(!dir.recovery.exists)
    }

    @Test func saveAgainStoresTheChangeAndQuits() throws {
        let dir = try Refusing()
        // The person frees some space while the question is up.
        let (code, _, _) = Self.run([.key(.char("a")), .key(.char("q")), .key(.char("1"))], dir) { read in
            if read == 3 { dir.mend() }
        }
        #expect(code == 0)
        #expect(try dir.acknowledgedOnDisk())
    }

    @Test func saveAgainThatFailsAsksAgain() throws {
        let dir = try Refusing()
        let script: [TerminalEvent] = [.key(.char("a")), .key(.char("q")), .key(.char("1")), .key(.char("2"))]
        let (code, screens, _) = Self.run(script, dir)
        #expect(code == 0)
        let screen = screens[3].plainText()
        #expect(screen.contains("1 change is not saved"), "\(screen)")
        #expect(screen.contains("journal.jsonl"))
    }

    @Test(arguments: [Int32(15), 1, 2])
    func aSignalKeepsTheChangeInTheRecoveryFileAndExitsWith128PlusIt(signal: Int32) throws {
        let dir = try Refusing()
        let (code, _, runtime) = Self.run([.key(.char("a")), .signal(signal)], dir)
        #expect(code == 128 + signal)
        let kept = try dir.recovery.read(zone: Fixture.data.settings.defaultCalendar.timeZone)
        #expect(kept.changes == [[.reminder(.acknowledgeOccurrence(id: "R1", person: "maria", due: Fixture.minutes(-20),
                                                                    at: Fixture.now))]])
        #expect(kept.dataDirectory == dir.recovery.dataDirectory)
        #expect(kept.reason?.contains("journal.jsonl") == true)
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.recovery.url.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(runtime.farewell?.contains("1 change could not be saved") == true)
        #expect(runtime.farewell?.contains(dir.recovery.url.path) == true)
    }

    @Test func aSignalWithNothingUnsavedWritesNoRecoveryFile() throws {
        let dir = try Refusing()
        dir.mend()
        let (code, _, runtime) = Self.run([.key(.char("a")), .signal(15)], dir)
        #expect(code == 143)
        #expect(!dir.recovery.exists)
        #expect(runtime.farewell == nil)
        #expect(try dir.acknowledgedOnDisk())
    }

    @Test func theNextStartOffersTheRecoveryFileAndYesStoresIt() throws {
        let dir = try Refusing()
        _ = Self.run([.key(.char("a")), .signal(15)], dir)
        dir.mend()
        let (code, screens, runtime) = Self.run([.key(.char("y")), .key(.char("q"))], dir)
        #expect(code == 0)
        Golden.check("recovery-offered-120x40", screens[0])
        #expect(screens[1].textLines().last?.hasPrefix(" Recovered 1 change") == true, "\(screens[1].plainText())")
        #expect(try dir.acknowledgedOnDisk())
        #expect(runtime.state.data.reminders.first { $0.id == "R1" }?.acknowledgedBy["maria"] == Fixture.now)
        #expect(!dir.recovery.exists)
    }

    @Test func noKeepsTheRecoveryFileForLater() throws {
        let dir = try Refusing()
        _ = Self.run([.key(.char("a")), .signal(15)], dir)
        dir.mend()
        let (code, screens, _) = Self.run([.key(.char("n")), .key(.char("q"))], dir)
        #expect(code == 0)
        #expect(screens[1].plainText().contains("Kept the recovery file"))
        #expect(dir.recovery.exists)
        #expect(try !dir.acknowledgedOnDisk())
    }
}
