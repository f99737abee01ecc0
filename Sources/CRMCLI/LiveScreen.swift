import ArgumentParser
import CRMApp
import CRMCore
import CursesBackend
import Foundation
import TerminalUI

/// Opens the terminal and runs the loop for the screens that need one: the dashboard
/// and the wall display differ only in the state they start from.
enum LiveScreen {
    static func run(_ global: GlobalOptions, name: String, check: (DataSet) throws -> Void = { _ in },
                    configure: (inout AppState) -> Void) throws {
        let session = try Session.open(global)
        defer { session.close() }
        // Before the terminal opens, so a refusal reads as plain text.
        try check(session.data)
        let palette: Palette
        do {
            palette = try ThemeLoader.palette(named: global.theme, environment: Console.current.environment)
        } catch {
            throw CLIError("theme: \(error)")
        }
        let terminal: CursesTerminal
        do {
            let term = Console.current.environment["TERM"] ?? ""
            guard !term.isEmpty, term != "dumb" else {
                throw CLIError("TERM is \(term.isEmpty ? "not set" : "\"dumb\"").")
            }
            terminal = try CursesTerminal.open()
        } catch {
            throw CLIError("""
                \(error)
                The \(name) needs an interactive terminal. Without one, use
                  crmtop snapshot            one frame as plain text
                  crmtop reminder list --json, crmtop case list --json, crmtop leaderboard --json
                """, code: 2)
        }
        terminal.setPalette(palette)
        let time: any TimeSource = session.pinned.map { ShiftedTime(startingAt: $0) } ?? SystemTime()
        var state = AppState(data: session.data, user: session.user, now: time.now(),
                             size: terminal.size, ascii: !terminal.isUTF8)
        configure(&state)
        state.refresh()
        let code = Runtime(state: state, backend: terminal, time: time, store: session.store).run()
        if code != 0 { throw ExitCode(code) }
    }
}
