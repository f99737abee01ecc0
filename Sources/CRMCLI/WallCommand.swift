import ArgumentParser
import CRMApp
import CRMCore
import Foundation

struct WallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wall",
        abstract: "The read-only wall display: big clock and counts, panes that rotate and page by themselves.",
        usage: """
            crmtop wall [--rotate <seconds>] [--title <text>] [--period <period>] [--team <team>] [--bell] [--locked]
              crmtop wall set (<team> | --everyone)
            """,
        discussion: """
            Nothing on it changes data; q quits unless started with --locked.
            The clock (HH:MM) and counts are in digits that grow with the screen. A goal reached, \
            someone taking the lead or a streak of 5, 10, 20, 50 or 100 days shows in a banner \
            for 30 seconds. Idle, it wakes when the minute turns, when something on it happens \
            and when a data file changes.
            Example: crmtop wall --rotate 20 --title "Support floor" --period month --bell
            """,
        subcommands: [WallSetCommand.self]
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Seconds each pane or page stays on a small terminal.", valueName: "seconds"))
    var rotate: Int = Int(WallSettings.defaultRotate)

    @Option(help: ArgumentHelp("The heading at the top.", valueName: "text"))
    var title = WallSettings.defaultTitle

    @Option(help: "The leaderboard's period: day, week, month, quarter or year.", transform: parsePeriod)
    var period: Period = .week

    @Option(help: ArgumentHelp("Show only this team's due reminders, whichever team crmtop wall set chose.",
                               valueName: "team"))
    var team: String?

    @Flag(help: "Ring the bell once when a case breaches or a high-priority reminder comes due.")
    var bell = false

    @Flag(help: "Ignore the keyboard, so the display cannot be quit by a passer-by.")
    var locked = false

    func validate() throws {
        guard rotate >= 1 else { throw ValidationError("--rotate: must be at least 1 second") }
    }

    func run() throws {
        // Never the mouse: people select text on a wall display, and it changes nothing anyway.
        try LiveScreen.run(global, name: "wall display", mouse: false, personal: false, check: { data in
            if let team { try WallTeam.check(team, in: data) }
        }) { state in
            state.wall = WallSettings(rotate: TimeInterval(rotate), title: title, bell: bell, locked: locked,
                                      startedAt: state.now, team: team)
            state.period = period
        }
    }
}
