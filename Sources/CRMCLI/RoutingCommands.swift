import ArgumentParser
import CRMCore
import CRMStore
import Foundation

/// `crmtop routing`: who gets items opened without an owner or a team, kept in settings.json
/// (`routing`), so that the escalation ladder's `owner` and `team-lead` reach someone.
struct RoutingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing",
        abstract: "Who gets cases and feedback opened without an owner or a team.",
        discussion: "Example: crmtop routing set --kind feedback --team support",
        subcommands: [Set.self, List.self, Remove.self]
    )

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Route items of a kind (or of every kind without its own route) to an owner, a team or both.",
            discussion: """
                Applies to items opened from now on without --owner or --team; a routed owner brings their team \
                when no team is given.
                Example: crmtop routing set --kind feedback --team support
                """
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: "case or feedback (default: every kind without its own route).") var kind: CaseKind?
        @Option(help: "The person who gets them (a handle).") var owner: String?
        @Option(help: "The team that gets them (id or name).") var team: String?

        func validate() throws {
            guard owner != nil || team != nil else { throw ValidationError("give --owner, --team or both") }
        }

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            if let owner { try session.requirePerson(owner, option: "--owner") }
            let route = Route(owner: owner, team: try team.map { try session.teamID($0) })
            var settings = session.data.settings
            if let kind {
                settings.routing.byKind[kind] = route
            } else {
                settings.routing.fallback = route
            }
            try session.apply([.settings(settings)])
            try List.print(settings.routing, json: global.json)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Stop routing items of a kind (or the route for every kind without its own).",
            discussion: "Example: crmtop routing remove --kind case"
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: "case or feedback (default: the route for every kind without its own).") var kind: CaseKind?

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            var settings = session.data.settings
            if let kind {
                settings.routing.byKind[kind] = nil
            } else {
                settings.routing.fallback = nil
            }
            if settings != session.data.settings { try session.apply([.settings(settings)]) }
            try List.print(settings.routing, json: global.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Where items of each kind go when opened without an owner or a team.",
            discussion: "Example: crmtop routing list --json")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session.open(global)
            defer { session.close() }
            try Self.print(session.data.settings.routing, json: global.json)
        }

        /// The settings file's shape, or a line per kind.
        static func print(_ routing: CaseRouting, json: Bool) throws {
            if json {
                Console.current.json(SettingsJSON.routing(routing))
            } else {
                Console.current.write(lines(routing).joined(separator: "\n") + "\n")
            }
        }

        /// "Feedback opened without an owner or a team goes to team support.", one per kind.
        static func lines(_ routing: CaseRouting) -> [String] {
            CaseKind.allCases.map { kind in
                let (items, go) = kind == .standard ? ("Cases", "go") : ("Feedback", "goes")
                guard let route = routing.route(for: kind) else {
                    return "\(items) opened without an owner or a team \(go) to nobody "
                        + "(crmtop routing set --kind \(kind.rawValue) --team TEAM)."
                }
                return "\(items) opened without an owner or a team \(go) to \(route.text)"
                    + (routing.byKind[kind] == nil ? " (the route for every kind)." : ".")
            }
        }
    }
}
