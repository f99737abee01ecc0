import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUI
import Testing

/// Undo in a data directory others write to: maria's `u` takes back her own change only.
@Suite struct SharedUndoRuntimeTests {
    /// Maria renames R1 in her dashboard; then, in another process, Tom does `others`; then
    /// maria presses `u` and quits. Returns the runtime and the data on disk afterwards.
    static func mariaRenamesThenUndoes(after others: [Mutation]) throws -> (Runtime<InMemoryBackend>, DataSet, String) {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try DataStore(directory: dir).save(Fixture.data)
        let edit: [TerminalEvent] = [.key(.char("e")), .key(.ctrl("u"))] + "Call Acme Ltd".map { .key(.char($0)) } + [.key(.enter)]
        let backend = InMemoryBackend(size: Size(width: 120, height: 40),
                                      script: edit + [.idle, .idle, .key(.char("u")), .idle, .key(.char("q"))])
        let time = ManualTime(Fixture.now)
        let other = DataStore(directory: dir)
        var footerAfterUndo = ""
        backend.beforeRead = { read in
            time.advance(1)
            if read == edit.count + 1 { try! other.apply(others) }
            if read == edit.count + 4 { footerAfterUndo = (backend.lastFrame?.textLines().last ?? "").replacing(/\ +$/, with: "") }
        }
        let runtime = Runtime(state: Fixture.state(), backend: backend, time: time, store: DataStore(directory: dir))
        #expect(runtime.run() == 0)
        return (runtime, try DataStore(directory: dir).load(), footerAfterUndo)
    }

    /// The moment of the read before which Tom changes R1: one second per read, after maria's edit.
    static let tomsStamp = ChangeStamp(at: Fixture.now + 17, actor: "tom")

    @Test func undoKeepsTheAcknowledgementAndNotesOthersSavedMeanwhile() throws {
        let (_, disk, footer) = try Self.mariaRenamesThenUndoes(after: [
            .reminder(.acknowledge(id: "R1", person: "tom", at: Self.tomsStamp.at)),
            .reminder(.edit(id: "R1", [.notes("Ask for Lena")], Self.tomsStamp)),
        ])
        let r1 = try #require(disk.reminders.first { $0.id == "R1" })
        #expect(r1.title == "Call Acme back")
        #expect(r1.notes == "Ask for Lena")
        #expect(r1.acknowledgedBy["tom"] == Self.tomsStamp.at)
        #expect(r1.history.map(\.action) == ["edited", "acknowledged", "edited", "undone"])
        #expect(r1.history.last?.actor == "maria")
        #expect(footer == " Undone: edit Call Acme back")
    }

    @Test func undoRefusesWhenTheFieldWasChangedSinceAndChangesNothing() throws {
        let (runtime, disk, footer) = try Self.mariaRenamesThenUndoes(after: [
            .reminder(.edit(id: "R1", [.title("Call Acme Inc")], Self.tomsStamp)),
        ])
        #expect(disk.reminders.first { $0.id == "R1" }?.title == "Call Acme Inc")
        #expect(disk.reminders.first { $0.id == "R1" }?.history.map(\.action) == ["edited", "edited"])
        #expect(footer == " not undone: tom changed the title since")
        #expect(runtime.state.data.reminders.first { $0.id == "R1" }?.title == "Call Acme Inc")
    }
}
