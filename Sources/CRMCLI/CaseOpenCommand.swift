import ArgumentParser
import CRMApp
import CRMCore
import Foundation

struct OpenCaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a case or feedback item and print its id.",
        discussion: """
            The team defaults to the owner's. Without --owner and --team it goes where settings.json's \
            routing sends its kind (crmtop routing list). An influencer makes it feedback; feedback from \
            an influencer, or --anonymous, needs no customer.
            Example: crmtop case open "Login fails" --customer "ACME" --priority high --owner maria
            Example: crmtop case open "Rant about the new pricing" --influencer I-4
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "One line saying what it is about.") var title: String
    @Option(help: "Who raised it (not needed for feedback from an influencer or --anonymous).") var customer: String?
    @Option(help: "case or feedback (default: case, or feedback with --influencer).") var kind: CaseKind?
    @Option(help: "urgent, high, normal or low.") var priority: CasePriority = .normal
    @Option(help: "Who works on it (a person's handle).") var owner: String?
    @Option(help: "The team it belongs to (id or name).") var team: String?
    @Option(help: "For feedback: the influencer it came from (an id from influencer list).") var influencer: String?
    @Flag(help: "Feedback from someone unknown: no customer, no influencer.") var anonymous = false
    @Option(help: "When it came in (default: now; not later than now); SLA clocks start here.") var opened: String?

    func validate() throws {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("the title is empty")
        }
        if let customer, customer.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--customer is empty")
        }
        if kind == .standard, influencer != nil {
            throw ValidationError("--influencer: only feedback comes from an influencer; use --kind feedback")
        }
        if anonymous {
            if kind == .standard { throw ValidationError("--anonymous: only feedback comes anonymously; use --kind feedback") }
            if customer != nil { throw ValidationError("--anonymous and --customer exclude each other") }
            if influencer != nil { throw ValidationError("--anonymous and --influencer exclude each other") }
        } else if customer == nil && influencer == nil {
            throw ValidationError("--customer: say who raised it (feedback from an influencer, or --anonymous, needs none)")
        }
    }

    func run() throws {
        var session = try Session.open(global, actingAsUser: true)
        defer { session.close() }
        if let owner { try session.requirePerson(owner, option: "--owner") }
        let teamID = try team.map { try session.teamID($0) } ?? owner.flatMap { session.data.person($0)?.team }
        if let influencer, !session.data.influencers.contains(where: { $0.id == influencer }) {
            throw CLIError("--influencer: no influencer \(influencer)"
                + known(session.data.influencers.map(\.id), "influencers"))
        }
        let at = try opened.map { try session.parseTime($0, option: "--opened") } ?? session.now
        if let problem = SupportCase.openingProblem(at, now: session.now, zone: session.zone) {
            throw CLIError("--opened: " + problem)
        }
        let id = Identifiers.next(prefix: "C-", existing: session.data.cases.map(\.id))
        var item = SupportCase(
            id: id, title: title, customer: customer,
            kind: kind ?? (influencer == nil && !anonymous ? .standard : .feedback),
            priority: priority, owner: owner, team: teamID, influencer: influencer, opened: at,
            history: [HistoryEvent(at: at, actor: session.user, action: "opened")])
        if let route = item.route(session.data.settings.routing, people: session.data.people) {
            try Self.check(route, kind: item.kind, in: session.data)
            Console.current.error("crmtop: note: no --owner or --team: routed to \(route.text) (crmtop routing list)\n")
        }
        if let owner = item.owner {
            item.history.append(HistoryEvent(at: at, actor: session.user, action: "assigned", detail: owner))
        }
        try session.apply([.supportCase(.open(item))])
        if global.json {
            Console.current.json(CaseReport(item, settings: session.data.settings, now: session.now).json(in: session))
        } else {
            Console.current.write(id + "\n")
        }
    }

    /// Refuses a route to someone no longer in people.json rather than open an item nobody
    /// the ladder can tell is responsible for.
    static func check(_ route: Route, kind: CaseKind, in data: DataSet) throws {
        let stale = [route.owner.flatMap { data.person($0) == nil ? "person \($0)" : nil },
                     route.team.flatMap { data.team($0) == nil ? "team \($0)" : nil }].compactMap { $0 }
        guard stale.isEmpty else {
            throw CLIError("the routing for \(kind.rawValue) names \(stale.joined(separator: " and ")), not in people.json; "
                + "give --owner or --team, or change it with crmtop routing set")
        }
    }
}
