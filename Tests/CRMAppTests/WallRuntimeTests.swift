import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUI
import Testing

/// An idle wall should cost next to nothing: it presents a frame only when something on it
/// changed.
@Suite struct WallRuntimeTests {
    @Test func idleSecondsPresentNothingNew() throws {
        let time = ManualTime(WallTests.at + 1)
        let idle = Array(repeating: TerminalEvent.idle, count: 12)
        let backend = InMemoryBackend(size: Size(width: 200, height: 50),
                                      script: idle + [.key(.char("a"))] + idle + [.key(.char("q"))])
        backend.beforeRead = { _ in time.advance(1) }
        var state = WallTests.wall(Size(width: 200, height: 50))
        state.now = WallTests.at + 1
        let runtime = Runtime(state: state, backend: backend, time: time, store: nil)
        #expect(runtime.run() == 0)
        // `q` is answered before the second it arrived in is worked out.
        #expect(runtime.state.now == WallTests.at + 26)
        // Every list fits, the minute does not turn and `a` changes nothing: one frame in all.
        #expect(backend.frames.count == 1)
        #expect(runtime.state.data == state.data)
    }
}

/// A wall shows minutes, so it sleeps until the minute turns, and wakes for a change to its
/// data directory the moment the change is made, not at its next look.
@Suite struct WallWakeTests {
    @Test func anIdleWallSleepsUntilTheMinuteTurnsAndDrawsOnceAMinute() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = DataStore(directory: dir)
        try store.save(DemoData.make(now: WallTests.at))
        let data = try store.load()
        let time = ManualTime(WallTests.at + 1)
        let backend = InMemoryBackend(size: Size(width: 200, height: 50), script: Array(repeating: .idle, count: 4))
        // Each wait runs its whole length, as it does when nothing happens.
        backend.beforeRead = { _ in time.advance(Double(backend.timeouts.last ?? 0) / 1000) }
        var state = WallTests.wall(Size(width: 200, height: 50), data: data)
        state.now = WallTests.at + 1
        let runtime = Runtime(state: state, backend: backend, time: time, store: store)
        _ = runtime.run()
        // A second to the first look at the directory, to just after 11:01:00, then a whole
        // minute each.
        #expect(backend.timeouts.first == 1_002 && (57_990...58_010).contains(backend.timeouts[1]),
                "\(backend.timeouts)")
        #expect(backend.timeouts.dropFirst(2).allSatisfy { (59_990...60_010).contains($0) }, "\(backend.timeouts)")
        #expect(backend.descriptors.allSatisfy { $0 != nil })
        // The first frame, then one as each minute turned: the first look found nothing new.
        #expect(backend.frames.count == 4)
        Golden.check("wall-idle-minutes-200x50", try #require(backend.frames.last))
    }

    @Test func aChangeToTheDataWakesTheWallAtOnce() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = DemoData.make(now: WallTests.at)
        try DataStore(directory: dir).save(data)
        // The clock stands still: only the change can wake the wall.
        let time = ManualTime(WallTests.at)
        let backend = InMemoryBackend(size: Size(width: 200, height: 50), script: [.idle, .idle])
        let other = DataStore(directory: dir)
        backend.beforeRead = { read in
            guard read == 1 else { return }
            let added = Reminder(id: "R900", title: "Zebra call from the wall test", priority: .high,
                                 owners: ["maria"], due: WallTests.at)
            _ = try! other.apply([.reminder(.add(added))])
        }
        let runtime = Runtime(state: WallTests.wall(Size(width: 200, height: 50), data: data), backend: backend,
                              time: time, store: DataStore(directory: dir))
        _ = runtime.run()
        // The frame drawn on waking, with the new reminder among the due ones.
        Golden.check("wall-woken-200x50", try #require(backend.lastFrame))
    }
}
