import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write reminders to stdout as JSON, CSV or iCalendar.",
        discussion: """
            Example: crmtop export --format ics > reminders.ics
            iCalendar gives one to-do per reminder, with an alarm for the lead time and the
            repetition as a rule, for calendar programs to subscribe to. What is exported
            imports again without changing anything.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "json, csv or ics.")
    var format: String

    @Option(help: "What to export; only reminders so far.")
    var kind = "reminders"

    func validate() throws {
        guard ["json", "csv", "ics"].contains(format) else { throw ValidationError("--format: \"\(format)\" is not json, csv or ics") }
        guard kind == "reminders" else { throw ValidationError("--kind: only reminders can be exported so far") }
    }

    func run() throws {
        let session = try Session.open(global)
        defer { session.close() }
        let reminders = session.data.reminders, zone = session.zone
        switch format {
        case "json": Console.current.write(String(decoding: try ReminderJSONTransfer.export(reminders, zone: zone), as: UTF8.self))
        case "csv": Console.current.write(ReminderCSV.export(reminders, zone: zone))
        default: Console.current.write(ReminderICS.export(reminders, people: session.data.people, zone: zone, stamp: session.now))
        }
    }
}
