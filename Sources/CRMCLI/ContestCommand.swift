import ArgumentParser
import CRMApp
import CRMCore
import CRMStore
import Foundation

/// `crmtop contest add|list|end`: races on some KPIs over some days, kept in settings.json's
/// `contests` and changed through the journal like everything else.
struct ContestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contest",
        abstract: "Contests: a KPI race over some days between people or teams, for a prize.",
        discussion: """
            Standings: crmtop leaderboard --contest ID. A running contest also takes its turn on the wall.
            Example: crmtop contest add dec-calls --name "December call sprint" --kpi calls \\
                       --from 2026-12-01 --to 2026-12-18 --team sales --prize "Dinner for two"
            """,
        subcommands: [Add.self, List.self, End.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a contest; prints its id.",
            discussion: """
                Points per unit and daily caps are the KPIs' own; there are no goals or bonuses in a contest.
                Those taking part are the people given and every member of the teams given.
                Example: crmtop contest add dec-calls --kpi calls --kpi appointments --from 2026-12-01 \\
                           --to 2026-12-18 --person jonas --person aisha --prize "A day off"
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The id that crmtop leaderboard --contest and crmtop contest end refer to.")
        var id: String

        @Option(help: "The name as shown (default: the id).")
        var name: String?

        @Option(help: ArgumentHelp("A KPI that scores (an id from crmtop kpi list); repeat for more.", valueName: "kpi"))
        var kpi: [String] = []

        @Option(help: ArgumentHelp("The first day (YYYY-MM-DD).", valueName: "date"))
        var from: String

        @Option(help: ArgumentHelp("The last day (YYYY-MM-DD), included.", valueName: "date"))
        var to: String

        @Option(help: ArgumentHelp("A person taking part (a handle); repeat for more.", valueName: "person"))
        var person: [String] = []

        @Option(help: ArgumentHelp("A team taking part, all its members; repeat for more.", valueName: "team"))
        var team: [String] = []

        @Option(help: ArgumentHelp("What the winner gets, as shown.", valueName: "text"))
        var prize: String?

        func validate() throws {
            guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("ID must not be empty") }
            guard !kpi.isEmpty else { throw ValidationError("give the KPIs that score with --kpi, e.g. --kpi calls") }
            let (first, last) = try days()
            guard first <= last else { throw ValidationError("--to: \(to) is before --from \(from)") }
            guard !person.isEmpty || !team.isEmpty else {
                throw ValidationError("who takes part: give --person or --team (repeat either for more)")
            }
        }

        func days() throws -> (LocalDate, LocalDate) {
            for (option, value) in [("--from", from), ("--to", to)] where LocalDate(value) == nil {
                throw ValidationError("\(option): \"\(value)\" is not a date like 2026-12-01")
            }
            return (LocalDate(from)!, LocalDate(to)!)
        }

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            let data = session.data
            guard !data.settings.contests.contains(where: { $0.id == id }) else {
                throw CLIError("there is already a contest \(id); see crmtop contest list")
            }
            for id in kpi where !data.kpis.contains(where: { $0.id == id }) {
                throw CLIError("no KPI \(id)" + known(data.kpis.map(\.id), "KPIs"))
            }
            for handle in person { _ = try session.person(handle, option: "--person") }
            for id in team { try WallTeam.check(id, in: data) }
            let (first, last) = try days()
            let contest = Contest(id: id, name: name ?? id, kpis: kpi, from: first, to: last, people: person,
                                  teams: team, prize: prize)
            try session.apply([.contest(.add(contest))])
            try global.report(json: try ContestText.record(contest, session: session), text: id + "\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List contests with their KPIs, days, who takes part, prize and whether they run.",
            discussion: "Example: crmtop contest list --json")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session.open(global)
            defer { session.close() }
            let contests = session.data.settings.contests
            var table = PlainTable([.init(title: "ID"), .init(title: "NAME"), .init(title: "KPIS"), .init(title: "DAYS"),
                                    .init(title: "WHO"), .init(title: "PRIZE"), .init(title: "STATE")])
            table.rows = contests.map { c in
                [c.id, c.name, c.kpis.joined(separator: ", "), ContestText.days(c, session: session),
                 ContestText.who(c), c.prize ?? "", ContestText.state(c, session: session)]
            }
            try global.report(json: .array(try contests.map { try ContestText.record($0, session: session) }),
                              text: contests.isEmpty ? "No contests yet. Add one with crmtop contest add.\n" : table.render())
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End a contest now (or at --at): nothing after counts, and the standings are final.",
            discussion: "Example: crmtop contest end dec-calls")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The contest's id.")
        var id: String

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            guard let contest = session.data.settings.contests.first(where: { $0.id == id }) else {
                throw CLIError("no contest \(id)" + known(session.data.settings.contests.map(\.id), "contests"))
            }
            guard contest.phase(at: session.now, calendar: session.data.settings.defaultCalendar) != .over else {
                throw CLIError("contest \(id) is already over (\(ContestText.state(contest, session: session)))")
            }
            let saved = try session.apply([.contest(.end(id: id, at: session.now))])
            let ended = saved.settings.contests.first { $0.id == id } ?? contest
            try global.report(json: try ContestText.record(ended, session: session),
                              text: "Contest \(id) ended \(Format.date(session.now, zone: session.zone)) "
                                  + "\(Format.clock(session.now, zone: session.zone, seconds: false)).\n")
        }
    }
}

/// How contests read on the command line.
enum ContestText {
    /// "Mon 23 Nov 2026 – Fri 18 Dec 2026": the days it was set up for, even if ended early.
    static func days(_ contest: Contest, session: Session) -> String {
        var whole = contest
        whole.ended = nil
        let (start, end) = whole.span(calendar: session.data.settings.defaultCalendar)
        return LeaderboardCommand.dates(PeriodRange(period: .day, start: start, end: end), zone: session.zone)
    }

    /// "team sales, jonas"
    static func who(_ contest: Contest) -> String {
        (contest.teams.map { "team \($0)" } + contest.people).joined(separator: ", ")
    }

    /// "upcoming", "running", "over", or "over (ended Mon 23 Nov 2026 12:00)".
    static func state(_ contest: Contest, session: Session) -> String {
        let phase = contest.phase(at: session.now, calendar: session.data.settings.defaultCalendar)
        guard phase == .over, let ended = contest.ended else { return phase.rawValue }
        return "over (ended \(Format.date(ended, zone: session.zone)) \(Format.clock(ended, zone: session.zone, seconds: false)))"
    }

    /// The settings.json record with where it stands now.
    static func record(_ contest: Contest, session: Session) throws -> JSONOutput {
        let phase = contest.phase(at: session.now, calendar: session.data.settings.defaultCalendar)
        guard case .object(let members) = try SettingsJSON.contest(contest, zone: session.zone) else {
            return .null
        }
        var all = members
        if contest.ended == nil { all.append(.init("ended", .null)) }
        return .object(all + [.init("state", .string(phase.rawValue))])
    }
}
