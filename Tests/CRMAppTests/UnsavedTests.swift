import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUI
import Testing

/// `q` with changes the disk refused asks first; a recovery file is offered at the start.
@Suite struct UnsavedTests {
    /// Maria acknowledged R1, and the disk refused it.
    static func unsaved(_ count: Int = 1) -> AppState {
        var state = Fixture.state()
        _ = press(.char("a"), &state)
        _ = Reducer.reduce(&state, .saveFailed("cannot save journal.jsonl: No space left on device", unsaved: count))
        return state
    }

    static func screen(_ state: AppState) -> String { Dashboard.render(state).textLines().joined(separator: "\n") }

    @Test func quitWithNothingUnsavedQuits() {
        var state = Fixture.state()
        _ = press(.char("a"), &state)
        _ = Reducer.reduce(&state, .persisted(nil))
        #expect(press(.char("q"), &state) == [.exit(0)])
    }

    @Test func quitWithUnsavedChangesAsksWhatToDo() {
        var state = Self.unsaved(2)
        #expect(press(.char("q"), &state).isEmpty)
        guard case .menu(let menu) = state.modal else { Issue.record("no question: \(String(describing: state.modal))"); return }
        #expect(menu.title == "2 changes are not saved")
        #expect(menu.items.map(\.label) == ["save again", "quit anyway (they are lost)", "cancel"])
        let screen = Self.screen(state)
        #expect(screen.contains("2 changes are not saved"))
        #expect(screen.contains("No space left on device"))
    }

    @Test func quitAnywayQuits() {
        var state = Self.unsaved()
        _ = press(.char("q"), &state)
        #expect(press(.char("2"), &state) == [.exit(0)])
    }

    @Test func cancelStaysAndSoDoesEscapeAndASecondQ() {
        for key in [Key.char("3"), .escape, .char("q")] {
            var state = Self.unsaved()
            _ = press(.char("q"), &state)
            #expect(press(key, &state).isEmpty)
            #expect(state.modal == nil)
            #expect(state.unsavedChanges == 1)
        }
    }

    @Test func saveAgainQuitsOnceSaved() {
        var state = Self.unsaved()
        _ = press(.char("q"), &state)
        #expect(press(.char("1"), &state) == [.saveAgain])
        #expect(Reducer.reduce(&state, .persisted(nil)) == [.exit(0)])
    }

    @Test func saveAgainThatFailsAsksAgain() {
        var state = Self.unsaved()
        _ = press(.char("q"), &state)
        _ = press(.char("1"), &state)
        #expect(Reducer.reduce(&state, .saveFailed("cannot save journal.jsonl: Read-only file system")).isEmpty)
        guard case .menu(let menu) = state.modal else { Issue.record("the question did not come back"); return }
        #expect(menu.title == "1 change is not saved")
        #expect(Self.screen(state).contains("Read-only file system"))
        // A later save, when nobody is quitting, quits nothing.
        _ = press(.escape, &state)
        #expect(Reducer.reduce(&state, .persisted(nil)).isEmpty)
        #expect(press(.char("q"), &state) == [.exit(0)])
    }

    @Test func aRefusedChangeNoLongerWaits() {
        var state = Self.unsaved()
        _ = Reducer.reduce(&state, .refused("not saved: no reminder with id R1"))
        #expect(press(.char("q"), &state) == [.exit(0)])
    }

    static let recovery = Recovery(dataDirectory: "/srv/crm", written: Fixture.minutes(-60), reason: "disk full",
                                   changes: [[.reminder(.acknowledge(id: "R2", person: "maria", at: Fixture.minutes(-61)))]])

    @Test func aRecoveryFileIsOfferedAtTheStart() {
        var state = Fixture.state()
        _ = Reducer.reduce(&state, .recoveryFound(Self.recovery))
        let screen = Self.screen(state)
        #expect(screen.contains("Recovery file"))
        #expect(screen.contains("Apply 1 change not saved on Mon 23 Nov 09:00?"))
        #expect(press(.char("y"), &state) == [.applyRecovery])
        #expect(state.modal == nil)
        _ = Reducer.reduce(&state, .recovered({ var r = RecoveryReport(); r.applied = 1; return r }()))
        #expect(state.message?.text == "Recovered 1 change")
    }

    @Test func noKeepsTheRecoveryFile() {
        var state = Fixture.state()
        _ = Reducer.reduce(&state, .recoveryFound(Self.recovery))
        #expect(press(.char("n"), &state).isEmpty)
        #expect(state.message?.text == "Kept the recovery file; crmtop recover --apply applies it later")
    }

    @Test func eachRefusedRecoveredChangeIsReported() {
        var state = Fixture.state()
        var report = RecoveryReport()
        report.applied = 1
        report.refused = ["reminder.acknowledge R9: no reminder with id R9"]
        _ = Reducer.reduce(&state, .recovered(report))
        #expect(state.message?.text == "Recovered 1 change; not applied: reminder.acknowledge R9: no reminder with id R9")
        #expect(state.message?.isError == true)
    }

    @Test func theWallNeverAsks() {
        var state = Fixture.state()
        state.wall = WallSettings(startedAt: Fixture.now)
        _ = Reducer.reduce(&state, .recoveryFound(Self.recovery))
        #expect(state.modal == nil)
    }
}
