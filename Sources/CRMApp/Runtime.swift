import CRMCore
import CRMStore
import Foundation
import TerminalUI

/// The loop: wait for input until the next whole second, turn what arrived into
/// actions, reduce, perform the effects, draw. Generic over the terminal so tests
/// run it on an in-memory one.
public final class Runtime<Backend: TerminalBackend> {
    public private(set) var state: AppState
    private let backend: Backend
    private let time: any TimeSource
    private let link: StoreLink?
    private let notifier: DashboardNotifier?
    private var lastPresented: CellBuffer?
    /// Changes already on screen, to be stored once the frame that shows them is drawn.
    private var unsaved: [[Mutation]] = []

    public init(state: AppState, backend: Backend, time: any TimeSource, store: DataStore?) {
        self.state = state
        self.backend = backend
        self.time = time
        self.link = store.map(StoreLink.init)
        self.notifier = store.map(DashboardNotifier.init)
    }

    /// Runs until quit or a termination signal; returns the exit code. The terminal
    /// is always shut down before this returns.
    public func run() -> Int32 {
        defer {
            _ = store()
            backend.shutdown()
            link?.finish()
            notifier?.finish()
        }
        _ = dispatch(.resize(backend.size))
        _ = dispatch(.tick(Self.wholeSecond(time.now())))
        draw()
        if let code = storeAndDraw() { return code }
        while true {
            let event = backend.readEvent(timeoutMilliseconds: Self.millisecondsToNextSecond(time.now()))
            var actions: [Action] = []
            switch event {
            case .key(let key):
                actions.append(.key(key))
            case .resize(let size):
                actions.append(.resize(size))
            case .signal(let number):
                actions.append(.signal(number))
            case .mouse(let event):
                actions.append(.mouse(event))
            case .idle:
                break
            }
            // The answer to a key is drawn before the second's work, so typing never waits
            // for 20,000 countdowns.
            for action in actions {
                if let code = dispatch(action) { return code }
            }
            if !actions.isEmpty { draw() }
            if let code = storeAndDraw() { return code }
            let now = Self.wholeSecond(time.now())
            if now != state.now {
                // Once a second: what other processes changed shows up within the second.
                let secondly = [.tick(now)] + (link?.synchronize() ?? []) + (notifier?.poll(state, at: now) ?? [])
                for action in secondly {
                    if let code = dispatch(action) { return code }
                }
                draw()
                if let code = storeAndDraw() { return code }
            }
        }
    }

    /// Reduces one action and performs its effects; an exit code ends the loop.
    private func dispatch(_ action: Action) -> Int32? {
        for effect in Reducer.reduce(&state, action) {
            switch effect {
            case .exit(let code):
                return code
            case .bell:
                backend.bell()
            case .notify:
                // Shown in the status bar by the reducer; delivery outside the screen
                // belongs to the notifier.
                break
            case .setPalette(let palette):
                backend.setPalette(palette)
            case .openLink(let link):
                _ = dispatch(.note(LinkOpener.open(link)))
            case .persist(let mutations):
                unsaved.append(mutations)
            }
        }
        return nil
    }

    /// Stores the changes the screen already shows, and draws what storing them changed (a
    /// failure, or others' changes read on the way). The frame comes first: a keypress is
    /// answered before the disk is, and a durable write never holds up what the person sees.
    private func storeAndDraw() -> Int32? {
        guard !unsaved.isEmpty else { return nil }
        let code = store()
        draw()
        return code
    }

    private func store() -> Int32? {
        while !unsaved.isEmpty {
            for result in link?.persist(unsaved.removeFirst()) ?? [] {
                if let code = dispatch(result) { return code }
            }
        }
        return nil
    }

    private func draw() {
        let frame = Dashboard.render(state)
        guard frame != lastPresented else { return }
        backend.present(frame)
        lastPresented = frame
    }

    /// The screen shows whole seconds, and times stored from `now` (acknowledgements)
    /// then survive a save and load unchanged.
    static func wholeSecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// Wakes just after the next second boundary, so the clock and countdowns
    /// change exactly on the second.
    public static func millisecondsToNextSecond(_ now: Date) -> Int {
        let ms = Int((now.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        return 1000 - ms + 2
    }
}
