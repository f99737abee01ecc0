import ArgumentParser
import CRMApp
import CRMCore
import CRMStore
import CursesBackend
import Foundation
import TerminalUI

/// Opens the terminal and runs the loop for the screens that need one: the dashboard
/// and the wall display differ only in the state they start from.
enum LiveScreen {
    /// `mouse`: whether this screen may take the mouse; config.json can still say no.
    /// `personal`: the screen is the user's own view, where changes are made as them (the
    /// dashboard, not the wall). `recovers`: whether changes that cannot be stored before a
    /// signal ends the run go to a recovery file, and one left by an earlier run is offered (a
    /// demo's data goes with it). `check` refuses what the data makes impossible, before the
    /// terminal opens, so the refusal reads as plain text.
    static func run(_ global: GlobalOptions, name: String, mouse: Bool, personal: Bool, recovers: Bool = false,
                    check: (DataSet) throws -> Void = { _ in }, configure: (inout AppState) -> Void) throws {
        let environment = Console.current.environment
        let config = try ScreenConfig.load(global, environment: environment)
        var session = try Session.open(global, actingAsUser: personal)
        defer { session.close() }
        try check(session.data)
        let terminal: CursesTerminal
        do {
            let term = Console.current.environment["TERM"] ?? ""
            guard !term.isEmpty, term != "dumb" else {
                throw CLIError("TERM is \(term.isEmpty ? "not set" : "\"dumb\"").")
            }
            terminal = try CursesTerminal.open(mouse: mouse && config.user.mouse)
        } catch {
            throw CLIError("""
                \(error)
                The \(name) needs an interactive terminal. Without one, use
                  crmtop snapshot            one frame as plain text
                  crmtop reminder list --json, crmtop case list --json, crmtop leaderboard --json
                """, code: 2)
        }
        if let palette = config.themes.currentEntry?.palette { terminal.setPalette(palette) }
        let time: any TimeSource = session.pinned.map { ShiftedTime(startingAt: $0) } ?? SystemTime()
        var state = AppState(data: session.data, user: session.user, now: time.now(),
                             size: terminal.size, ascii: !terminal.isUTF8)
        state.keyBindings = config.user.keyBindings
        state.themes = config.themes
        ThemeKeys.noteMissingRoles(&state)
        configure(&state)
        state.refresh()
        // Recovery files are kept for data directories, named after them.
        let recovery = recovers && !global.demo
            ? session.store.localDirectory.map { RecoveryFile(for: $0, environment: environment) } : nil
        let runtime = Runtime(state: state, backend: terminal, time: time, store: session.store, recovery: recovery)
        let code = runtime.run()
        if let farewell = runtime.farewell { Console.current.error(farewell) }
        // Said once the screen is closed (stderr would garble it), and only if a change made there wrote one.
        if session.store.holdsData { session.noteNewDataSet() }
        if code != 0 { throw ExitCode(code) }
    }
}
