import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "The people on the leaderboard: roles, teams, managers, addresses and days away.",
        discussion: "Example: crmtop person list --json",
        subcommands: [Add.self, Edit.self, List.self, Away.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a person; prints the handle.",
            discussion: """
                Example: crmtop person add lea --name "Lea Park" --role agent --team support --manager jo \
                --email lea@example.com --chat @lea
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Their handle, used as owner and user name everywhere (e.g. lea).")
        var handle: String

        @Option(help: "Full name as shown (default: the handle).")
        var name: String?

        @Option(help: "Their role; KPI goals are set per role (e.g. agent, team-lead).")
        var role: String

        @Option(help: "The id of their team.")
        var team: String?

        @Flag(name: .customLong("create-team"), help: "Add the team given with --team when there is none with that id.")
        var createTeam = false

        @Option(help: "The handle of their manager.")
        var manager: String?

        @OptionGroup var contact: ContactOptions

        func validate() throws {
            for (option, value) in [("NAME", handle), ("--role", role)] where value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("\(option) must not be empty")
            }
            try contact.validate(clearing: false)
            if let team, team.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--team must not be empty") }
            if createTeam && team == nil { throw ValidationError("--create-team: name the team with --team") }
        }

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            guard session.data.person(handle) == nil else {
                throw CLIError("there is already a person \(handle)")
            }
            if let manager { _ = try session.person(manager, option: "--manager") }
            var changes: [Mutation] = []
            if let team, let refusal = KnownNames(session.data).refusal(team, as: .team) {
                guard createTeam else { throw CLIError("--team: \(refusal); add it with --create-team") }
                changes.append(.directory(.putTeam(Team(id: team, name: team))))
            }
            var person = Person(id: handle, name: name ?? handle, role: role, team: team, manager: manager)
            contact.apply(to: &person)
            changes.append(.directory(.putPerson(person)))
            try session.apply(changes)
            if let team, changes.count > 1 { Console.current.error("crmtop: note: added team \(team)\n") }
            global.report(json: DirectoryJSON.person(person), text: handle + "\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List people with their role, team and days away.",
            discussion: "Example: crmtop person list --json")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session.open(global)
            defer { session.close() }
            let people = session.data.people
            // Addresses take columns only when someone has one.
            let addresses = people.contains { $0.email != nil || $0.chat != nil }
            var table = PlainTable([.init(title: "HANDLE"), .init(title: "NAME"), .init(title: "ROLE"),
                                    .init(title: "TEAM"), .init(title: "MANAGER"), .init(title: "AWAY")]
                + (addresses ? [.init(title: "EMAIL"), .init(title: "CHAT")] : []))
            table.rows = people.map { p in
                [p.id, p.name, p.role, p.team ?? "", p.manager ?? "",
                 p.away.map { "\($0.from)–\($0.to)" }.joined(separator: ", ")]
                    + (addresses ? [p.email ?? "", p.chat ?? ""] : [])
            }
            global.report(json: .array(people.map(DirectoryJSON.person)), text: table.render())
        }
    }

    struct Away: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record days away; goals are pro-rated and streaks are not broken by them.",
            discussion: "Example: crmtop person away lea --from 2026-12-21 --to 2027-01-02"
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The person's handle.")
        var handle: String

        @Option(help: "First day away: YYYY-MM-DD, today, tomorrow or a weekday like mon.")
        var from: String

        @Option(help: "Last day away, included: YYYY-MM-DD, today, tomorrow or a weekday like fri.")
        var to: String

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            let range = DateRange(from: try session.parseDay(from, option: "--from"),
                                  to: try session.parseDay(to, option: "--to"))
            guard range.from <= range.to else { throw CLIError("--from \(range.from) is after --to \(range.to)") }
            _ = try session.person(handle, option: "NAME")
            let saved = try session.apply([.directory(.addAway(person: handle, range))])
            let person = saved.person(handle)!
            global.report(json: DirectoryJSON.person(person), text: "\(handle) is away \(range.from) to \(range.to)\n")
        }
    }
}
