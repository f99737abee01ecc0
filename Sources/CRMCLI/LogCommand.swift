import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Record an activity against a KPI (default: one unit, for you, now).",
        discussion: """
            Example: crmtop log calls --count 3 --note "morning block"
            A negative count corrects an earlier entry; a day never counts below zero.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The KPI's id (see crmtop kpi list).")
    var kpi: String

    @Option(help: "Whose activity it is (default: you).")
    var person: String?

    // Unconditional, so that `--count -2` is a correction rather than a missing value.
    @Option(parsing: .unconditional, help: "How many units; a negative count corrects an earlier entry.")
    var count = 1

    @Option(help: "A note kept with it.")
    var note: String?

    func validate() throws {
        guard count != 0 else { throw ValidationError("--count must not be 0") }
    }

    func run() throws {
        var session = try Session.open(global, actingAsUser: person == nil)
        defer { session.close() }
        if DerivedKPI.isReserved(kpi) {
            throw CLIError("\(kpi) is counted from crmtop's own cases and reminders and cannot be logged")
        }
        guard let definition = session.data.kpis.first(where: { $0.id == kpi }) else {
            throw CLIError("no KPI \(kpi); see crmtop kpi list, or add it with crmtop kpi add \(kpi)")
        }
        let handle = person ?? session.user
        _ = try session.person(handle, option: person == nil ? "--user" : "--person")
        let activity = Activity(person: handle, kpi: kpi, count: count, at: session.now, note: note)
        try session.apply([.logActivity(activity)])
        let when = TimeText.format(activity.at, zone: session.zone)
        try global.report(json: try DirectoryJSON.activity(activity, zone: session.zone),
                          text: "logged \(definition.amount(count)) for \(handle) at \(when)\n")
    }
}
