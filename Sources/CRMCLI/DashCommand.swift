import ArgumentParser
import CRMApp
import Foundation

struct DashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dash",
        abstract: "The interactive dashboard (the default command).",
        discussion: "Example: crmtop --demo"
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Ring the terminal bell when one of your reminders comes due, or a case breaches or escalates.")
    var bell = false

    func run() throws {
        try LiveScreen.run(global, name: "dashboard") { $0.bellOnDue = bell }
    }
}
