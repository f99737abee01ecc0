import ArgumentParser
import CRMApp
import CRMCore
import CRMStore
import Foundation

extension CaseKind: ExpressibleByArgument {}
extension CasePriority: ExpressibleByArgument {}

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Support cases and feedback items with their SLA clocks.",
        discussion: "Example: crmtop case list --mine",
        subcommands: [
            OpenCaseCommand.self, List.self, Show.self, RespondCommand.self, PauseCommand.self, ResumeCommand.self,
            ResolveCommand.self, ReopenCommand.self, CloseCommand.self, AssignCommand.self,
            EscalateCommand.self,
        ]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Open cases and feedback, the next SLA breach first.",
            discussion: """
                Everyone's by default, in the dashboard's order: breached ones (most overdue first), then by \
                the moment the next clock breaches (DUE), then those waiting on the customer.
                Example: crmtop case list --mine --json --at 2026-11-23T10:00:00+01:00
                """
        )

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only yours (owned by --user).") var mine = false
        @Option(help: "Only this team's (id or name).") var team: String?
        @Flag(help: "Everyone's (the default).") var all = false
        @Option(help: "Only cases or only feedback.") var kind: CaseKind?

        func validate() throws {
            if [mine, team != nil, all].filter({ $0 }).count > 1 {
                throw ValidationError("choose one of --mine, --team and --all")
            }
        }

        func run() throws {
            var session = try Session.open(global, actingAsUser: mine)
            defer { session.close() }
            let teamID = try team.map { try session.teamID($0) }
            func chosen() -> [SupportCase] {
                session.data.cases.filter { c in
                    (!mine || c.owner == session.user) && (teamID == nil || c.team == teamID)
                        && (kind == nil || c.kind == kind)
                }
            }
            session.recordRises(of: chosen())
            let chosen = chosen()
            let reports = CaseReport.open(chosen, settings: session.data.settings, now: session.now)
            if global.json {
                Console.current.json(.array(reports.map { $0.json(in: session) }))
            } else if reports.isEmpty {
                Console.current.write("No open cases.\n")
            } else {
                Console.current.write(TextTable.render(
                    [["ID", "PRIORITY", "STATUS", "CLOCK", "STATE", "LEFT", "DUE", "LEVEL", "OWNER", "TITLE"]]
                        + reports.map { r in
                            let u = r.urgent
                            return [r.item.id, r.item.priority.rawValue, r.item.status.rawValue,
                                    u?.metric.label ?? "-", u?.state.rawValue ?? "-",
                                    u.map { Format.countdown($0.remaining) } ?? "-", session.wallTime(u?.due),
                                    String(r.level), r.item.owner ?? "-", r.item.title]
                        }))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "One case: its fields, every SLA clock with its due time, escalation and history.",
            discussion: "Example: crmtop case show C-2001 --at 2026-11-23T10:00:00+01:00"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var id: String

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            session.recordRises(of: [try session.supportCase(id)])
            let report = CaseReport(try session.supportCase(id), settings: session.data.settings, now: session.now)
            if global.json {
                Console.current.json(report.json(in: session, history: true))
            } else {
                Console.current.write(CaseText.details(report, in: session))
            }
        }
    }
}

extension Session {
    func supportCase(_ id: String) throws -> SupportCase {
        guard let found = data.cases.first(where: { $0.id == id }) else { throw CLIError("no case with id \(id)") }
        return found
    }

    /// Refuses a handle that is not in people.json, naming it.
    func requirePerson(_ handle: String, option: String) throws {
        guard !KnownNames(data).knows(handle, as: .person) else { return }
        throw CLIError("\(option): no person \(handle) in people.json" + known(data.people.map(\.id), "people"))
    }

    /// A team's id, given its id or its name.
    func teamID(_ name: String) throws -> String {
        guard let team = data.teams.first(where: { $0.id == name }) ?? data.teams.first(where: { $0.name == name })
        else { throw CLIError("--team: no team \(name)" + known(data.teams.map(\.id), "teams")) }
        return team.id
    }
}

/// " (people: a, b, c)": what would have been accepted, a few of them.
func known(_ names: [String], _ what: String) -> String { KnownNames.listing(names, what) }
