import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write reminders (or cases) to stdout as JSON, CSV or iCalendar.",
        discussion: """
            Example: crmtop export --format ics > reminders.ics
            iCalendar gives one to-do per reminder, with an alarm for the lead time and the
            repetition as a rule, for calendar programs to subscribe to. What is exported
            imports again without changing anything. Cases export as JSON or CSV.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "json, csv or ics.")
    var format: String

    @Option(help: "reminders or cases.")
    var kind = "reminders"

    func validate() throws {
        guard ["json", "csv", "ics"].contains(format) else { throw ValidationError("--format: \"\(format)\" is not json, csv or ics") }
        guard kind == "reminders" || kind == "cases" else { throw ValidationError("--kind: \"\(kind)\" is not reminders or cases") }
        guard kind == "reminders" || format != "ics" else { throw ValidationError("--format ics: only reminders go to calendars") }
    }

    func run() throws {
        let session = try Session.open(global)
        defer { session.close() }
        let reminders = session.data.reminders, zone = session.zone
        if kind == "cases" {
            let cases = session.data.cases
            Console.current.write(format == "csv" ? CaseExport.csv(cases, zone: zone)
                : String(decoding: try CaseExport.json(cases, zone: zone), as: UTF8.self))
            return
        }
        switch format {
        case "json": Console.current.write(String(decoding: try ReminderJSONTransfer.export(reminders, zone: zone), as: UTF8.self))
        case "csv": Console.current.write(ReminderCSV.export(reminders, zone: zone))
        default: Console.current.write(ReminderICS.export(reminders, people: session.data.people, zone: zone, stamp: session.now))
        }
    }
}
