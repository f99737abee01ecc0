import ArgumentParser
import CRMApp
import Foundation

struct DashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dash",
        abstract: "The interactive dashboard (the default command).",
        discussion: """
            Clicking a row selects it and the wheel scrolls, unless --no-mouse or \
            "mouse": false in config.json; keys can be rebound there too (see the README).
            u undoes your last change, in any pane. Changes the disk refused are kept and tried \
            again; q asks before dropping them, and a signal (TERM, HUP, INT) writes them to a \
            recovery file that the next start offers to apply (see crmtop recover).
            Example: crmtop --demo
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Ring the terminal bell when one of your reminders comes due, or a case breaches or escalates.")
    var bell = false

    @Flag(name: .customLong("no-mouse"),
          help: "Leave the mouse to the terminal (for selecting text), whatever config.json says.")
    var noMouse = false

    func run() throws {
        try LiveScreen.run(global, name: "dashboard", mouse: !noMouse, personal: true, recovers: true) { $0.bellOnDue = bell }
    }
}
