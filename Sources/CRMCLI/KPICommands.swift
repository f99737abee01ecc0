import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "What the leaderboard counts: points per unit, daily caps and goals per role.",
        discussion: "Example: crmtop kpi list",
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a KPI; prints its id.",
            discussion: """
                Example: crmtop kpi add calls --name "Customer calls" --unit calls --points 2 \\
                           --goal agent=30/day --goal team-lead=50/week --cap 40/day
                These ids are counted from crmtop's own data and cannot be logged; adding a KPI with \
                one of them gives it points and goals: \(DerivedKPI.allCases.map(\.rawValue).joined(separator: ", ")).
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The id that activities and `crmtop log` refer to.")
        var id: String

        @Option(help: "The name as shown.")
        var name: String

        @Option(help: "What is counted (e.g. calls).")
        var unit: String?

        @Option(help: "Leaderboard points per unit.")
        var points: Int

        @Option(help: "A goal for a role, as ROLE=COUNT/day|week|month|quarter|year; repeat for more.")
        var goal: [String] = []

        @Option(help: "At most this many units per person and day earn points, as COUNT/day.")
        var cap: String?

        func validate() throws {
            guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("ID must not be empty") }
            _ = try goals()
            _ = try dailyCap()
        }

        func goals() throws -> [Goal] {
            try goal.map { text in
                let parts = text.split(separator: "=", maxSplits: 1)
                let amount = parts.last?.split(separator: "/") ?? []
                guard parts.count == 2, !parts[0].isEmpty, amount.count == 2, let count = Int(amount[0]), count > 0,
                      let period = Period(rawValue: String(amount[1])) else {
                    throw ValidationError("--goal: \"\(text)\" is not ROLE=COUNT/PERIOD with a count above 0 and "
                        + "a period of day, week, month, quarter or year, e.g. agent=30/day")
                }
                return Goal(role: String(parts[0]), count: count, period: period)
            }
        }

        func dailyCap() throws -> Int? {
            guard let cap else { return nil }
            let parts = cap.split(separator: "/")
            guard parts.count == 2, parts[1] == "day", let count = Int(parts[0]), count > 0 else {
                throw ValidationError("--cap: \"\(cap)\" is not COUNT/day with a count above 0, e.g. 40/day")
            }
            return count
        }

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            guard !session.data.kpis.contains(where: { $0.id == id }) else {
                throw CLIError("there is already a KPI \(id)")
            }
            let kpi = KPI(id: id, name: name, unit: unit, points: points, dailyCap: try dailyCap(), goals: try goals())
            try session.apply([.directory(.putKPI(kpi))])
            global.report(json: DirectoryJSON.kpi(kpi), text: id + "\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List KPIs with their points, caps and goals.",
            discussion: "Example: crmtop kpi list --json")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session.open(global)
            defer { session.close() }
            let kpis = session.data.kpis
            var table = PlainTable([.init(title: "ID"), .init(title: "NAME"), .init(title: "POINTS", alignRight: true),
                                    .init(title: "CAP/DAY", alignRight: true), .init(title: "GOALS"),
                                    .init(title: "COUNTED")])
            table.rows = kpis.map { k in
                [k.id, k.name, "\(k.points)", k.dailyCap.map(String.init) ?? "",
                 k.goals.map { "\($0.role) \($0.count)/\($0.period.rawValue)" }.joined(separator: ", "),
                 DerivedKPI.isReserved(k.id) ? "from crmtop's data" : "logged"]
            }
            global.report(json: .array(kpis.map(record)), text: table.render())
        }

        /// The kpis.json record, and whether crmtop counts it itself.
        private func record(_ kpi: KPI) -> JSONOutput {
            guard case .object(let members) = DirectoryJSON.kpi(kpi) else { return DirectoryJSON.kpi(kpi) }
            return .object(members + [.init("derived", .bool(DerivedKPI.isReserved(kpi.id)))])
        }
    }
}
