import ArgumentParser
import CRMCore
import CRMStore
import Foundation

/// `crmtop wall set`: what every wall display on the data directory shows, kept in
/// settings.json (`wall`).
struct WallSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Choose whose reminders every wall display shows: one team's people, or everyone's.",
        discussion: """
            Running walls follow the change within a second. --team on crmtop wall overrides it for one run.
            Example: crmtop wall set support
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Show only the due reminders of this team's people (a team id).", valueName: "team"))
    var team: String?

    @Flag(help: "Show everyone's due reminders (the default).")
    var everyone = false

    func validate() throws {
        guard (team != nil) != everyone else {
            throw ValidationError(everyone ? "a team and --everyone exclude each other"
                                           : "give a team (crmtop wall set TEAM) or --everyone")
        }
    }

    func run() throws {
        var session = try Session.open(global)
        defer { session.close() }
        if let team { try WallTeam.check(team, in: session.data) }
        var settings = session.data.settings
        settings.wall.team = team
        try session.apply([.settings(settings)])
        WallTeam.print(settings.wall, json: global.json)
    }
}

enum WallTeam {
    /// Refuses a team that is not in people.json, listing those that are.
    static func check(_ team: String, in data: DataSet) throws {
        guard data.team(team) == nil else { return }
        throw CLIError("no team \"\(team)\"" + known(data.teams.map(\.id), "teams"))
    }

    static func print(_ wall: WallDisplaySettings, json: Bool) {
        if json {
            Console.current.json(.object([.init("team", wall.team.map(JSONOutput.string) ?? .null)]))
        } else {
            Console.current.write("Wall displays show " + (wall.team.map { "team \($0)'s" } ?? "everyone's")
                                  + " due reminders.\n")
        }
    }
}
