import CRMCore
import CRMStore
import Foundation
import TerminalUI

/// The loop: wait for input until the screen next changes by itself (the next second on the
/// dashboard, the next minute or event on a wall) or the store changes, turn what
/// arrived into actions, reduce, perform the effects, draw. Generic over the terminal so tests
/// run it on an in-memory one.
public final class Runtime<Backend: TerminalBackend> {
    public private(set) var state: AppState
    private let backend: Backend
    private let time: any TimeSource
    private let link: StoreLink?
    private let notifier: DashboardNotifier?
    private let recovery: RecoveryFile?
    private var lastPresented: CellBuffer?
    /// Changes already on screen, to be stored once the frame that shows them is drawn.
    private var unsaved: [[Mutation]] = []
    /// What to tell the person once the terminal is theirs again: where the changes went that
    /// could not be stored before a signal ended the run.
    public private(set) var farewell: String?

    /// `recovery`: where changes go that cannot be stored when a signal ends the run, and
    /// where the run looks for those an earlier one left.
    public init(state: AppState, backend: Backend, time: any TimeSource, store: (any Store)?,
                recovery: RecoveryFile? = nil) {
        self.state = state
        self.backend = backend
        self.time = time
        self.link = store.map { StoreLink(store: $0) }
        self.notifier = store.map { DashboardNotifier(store: $0) }
        self.recovery = store == nil ? nil : recovery
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
        offerRecovery()
        draw()
        if let code = storeAndDraw() { return code }
        while true {
            let event = backend.readEvent(timeoutMilliseconds: Self.milliseconds(from: time.now(), to: nextWake()),
                                          wakingOn: link?.watchDescriptor)
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
            // Heard of before the time is read: a change made from here on wakes the next wait.
            let changed = link?.takeChanges() ?? false
            let now = Self.wholeSecond(time.now())
            if now != state.now || changed {
                // What other processes changed shows up as soon as the watch hears of it, or
                // at the next wake where nothing can be watched.
                var work = (now != state.now ? [.tick(now)] : []) + (link?.synchronize(at: now) ?? [])
                work += notifier?.poll(state, at: now) ?? []
                for action in work {
                    if let code = dispatch(action) { return code }
                }
                draw()
                if let code = storeAndDraw() { return code }
            }
        }
    }

    /// When to wake at the latest: when what the screen shows next changes by itself, or
    /// sooner for work that waits (changes to store again, a store that cannot be
    /// watched, the notifier's next pass).
    private func nextWake() -> Date {
        let nextSecond = Self.wholeSecond(state.now).addingTimeInterval(1)
        var wake = state.nextChange()
        if let link {
            if !link.pending.isEmpty { wake = min(wake, nextSecond) }
            if let look = link.nextLook() { wake = min(wake, look) }
        }
        if let pass = notifier?.nextPass(state) { wake = min(wake, pass) }
        return max(wake, nextSecond)
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
            case .saveAgain:
                if let code = store(retrying: true) { return code }
            case .keepUnsaved:
                keepUnsaved()
            case .applyRecovery:
                if let link, let recovery {
                    for result in link.recover(recovery, zone: state.zone) {
                        if let code = dispatch(result) { return code }
                    }
                }
            }
        }
        return nil
    }

    /// A recovery file an earlier run left for this data directory is offered at the start.
    private func offerRecovery() {
        guard let recovery, recovery.exists else { return }
        do throws(LoadError) {
            _ = dispatch(.recoveryFound(try recovery.read(zone: state.zone)))
        } catch {
            _ = dispatch(.recoveryUnreadable("cannot read the recovery file: \(error)"))
        }
    }

    /// Before a signal ends the run: one more try to store what waits, then what still
    /// cannot be stored goes to the recovery file, so that nothing shown as done is lost.
    private func keepUnsaved() {
        guard let link else { return }
        _ = store(retrying: true)
        guard !link.pending.isEmpty else { return }
        let changes = link.pending
        let reason = link.failure ?? "the disk refused them"
        let count = changes.count == 1 ? "1 change" : "\(changes.count) changes"
        guard let recovery else {
            farewell = "crmtop: \(count) could not be saved (\(reason)) and \(changes.count == 1 ? "is" : "are") lost\n"
            return
        }
        do throws(SaveError) {
            try recovery.keep(changes, reason: reason, at: Self.wholeSecond(time.now()), zone: state.zone)
            farewell = "crmtop: \(count) could not be saved (\(reason)); kept in \(recovery.url.path)\n"
                + "crmtop recover --apply stores \(changes.count == 1 ? "it" : "them") once the data directory can be written\n"
        } catch {
            // The last resort: the changes on the terminal, as the journal would hold them.
            let lines = changes.joined().compactMap { mutation in
                (try? MutationCodec.encode(mutation, zone: state.zone)).map { String(decoding: $0, as: UTF8.self) }
            }
            farewell = "crmtop: \(count) could not be saved (\(reason)), nor kept in \(recovery.url.path): \(error)\n"
                + lines.joined(separator: "\n") + "\n"
        }
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

    /// `retrying`: also when nothing new waits, try again what the disk refused before.
    private func store(retrying: Bool = false) -> Int32? {
        guard let link else {
            unsaved = []
            return nil
        }
        guard !unsaved.isEmpty || retrying else { return nil }
        let batches = unsaved
        unsaved = []
        for result in retrying ? link.retry(adding: batches) : link.persist(batches) {
            if let code = dispatch(result) { return code }
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

    /// How long to wait from `now` to just after `wake`, which is a whole second, so that
    /// the clock and countdowns change exactly on it.
    /// Never more than a minute, so a clock set back is caught up with within one.
    public static func milliseconds(from now: Date, to wake: Date) -> Int {
        let wait = min(max(0, wake.timeIntervalSince(now)), longestWait)
        return Int((wait * 1000).rounded(.up)) + 2
    }

    public static var longestWait: TimeInterval { 60 }
}
