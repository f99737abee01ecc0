import ArgumentParser
import CRMApp
import CRMCore
import Foundation
import TerminalUI

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print one frame of the dashboard as plain text; no terminal needed.",
        discussion: "Example: crmtop snapshot --demo --at 2026-11-23T10:00:00Z --size 120x40"
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The frame size as COLSxROWS, from 10x5 to 1000x500.")
    var size = "120x40"

    @Option(help: "Draw this pane alone over the whole frame, with its keys in the footer: reminders, cases or leaderboard.")
    var pane: String?

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    @Flag(help: "Draw the wall display's layout instead of the dashboard.")
    var wall = false

    @Option(help: ArgumentHelp("With --wall: show only this team's due reminders.", valueName: "team"))
    var team: String?

    @Option(help: ArgumentHelp("With --wall: the heading at the top.", valueName: "text"))
    var title: String?

    @Option(help: "The leaderboard's period: day, week, month, quarter or year.", transform: parsePeriod)
    var period: Period = .week

    /// A frame is drawn whole in memory: a size past this would take minutes and gigabytes.
    static let largest = Size(width: 1000, height: 500)
    /// Below this there is nothing to read, not even "terminal too small".
    static let smallest = Size(width: 10, height: 5)

    func validate() throws {
        guard let frame = Size(parsing: size) else {
            throw ValidationError("--size: \"\(size)\" is not COLSxROWS, e.g. 120x40")
        }
        guard frame.width <= Self.largest.width, frame.height <= Self.largest.height else {
            throw ValidationError("--size: \(size) is larger than \(Self.largest), the largest frame a snapshot draws")
        }
        guard frame.width >= Self.smallest.width, frame.height >= Self.smallest.height else {
            throw ValidationError("--size: \(size) is smaller than \(Self.smallest), the smallest frame a snapshot draws")
        }
        if let pane, PaneName(rawValue: pane) == nil {
            throw ValidationError("--pane: \"\(pane)\" is not one of reminders, cases, leaderboard")
        }
        if team != nil && !wall { throw ValidationError("--team needs --wall") }
        if pane != nil && wall { throw ValidationError("--pane draws one pane of the dashboard; the wall display has its own layout") }
        if title != nil && !wall { throw ValidationError("--title needs --wall") }
    }

    func run() throws {
        // Plain text has no colours, but a theme that would break the dashboard should
        // break here too, so scripts can check a theme file.
        if let theme = global.theme {
            do {
                _ = try ThemeLoader.palette(named: theme, environment: Console.current.environment)
            } catch {
                throw CLIError("theme: \(error)")
            }
        }
        // The wall is everyone's; the dashboard is the user's own view.
        let session = try Session.open(global, actingAsUser: !wall)
        defer { session.close() }
        if let team { try WallTeam.check(team, in: session.data) }
        var state = AppState(data: session.data, user: session.user, now: session.now,
                             size: Size(parsing: size)!, ascii: ascii)
        if let pane = pane.flatMap(PaneName.init(rawValue:)) { state.focus = pane.pane }
        state.period = period
        if wall { state.wall = WallSettings(title: title ?? WallSettings.defaultTitle, startedAt: state.now, team: team) }
        state.refresh()
        let only = pane.flatMap(PaneName.init(rawValue:))?.pane
        Console.current.write(Dashboard.render(state, only: only).plainText())
        // A hundred thousand records take longer to free than the frame took to draw, and the
        // process ends now anyway: large data is left for the system to reclaim.
        if session.data.reminders.count + session.data.cases.count + session.data.activities.count > 100_000 {
            _ = Unmanaged.passRetained(Kept(state: state, session: session))
        }
    }
}

/// What a finished command leaves in memory for the system to reclaim at exit.
private final class Kept {
    let state: AppState
    let session: Session

    init(state: AppState, session: Session) {
        self.state = state
        self.session = session
    }
}

enum PaneName: String {
    case reminders, cases, leaderboard

    var pane: Pane {
        switch self {
        case .reminders: .reminders
        case .cases: .cases
        case .leaderboard: .leaderboard
        }
    }
}
