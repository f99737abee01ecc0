import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// An idle wall should cost next to nothing: it wakes every second, but presents a
/// frame only when something on it changed.
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
