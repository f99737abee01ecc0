import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write reminders, cases, people or activities to stdout as JSON, CSV or iCalendar.",
        discussion: """
            Example: crmtop export --format ics > reminders.ics
            Example: crmtop export --format csv --kind activities > activities.csv
            iCalendar gives one to-do per reminder, with an alarm for the lead time and the \
            repetition as a rule, for calendar programs to subscribe to; the other kinds \
            export as JSON (the shape of their data file) or CSV. What is exported imports \
            again without changing anything.
            A CSV cell that a spreadsheet would run as a formula (one starting with =, +, -, \
            @, a tab or a carriage return, unless it is just a number such as -2) is written \
            with a leading apostrophe, which crmtop import takes off again. On a terminal the \
            output is shown without the control characters and escape sequences of the data; \
            redirected to a file or a pipe it is exact.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "json, csv or ics.")
    var format: String

    @Option(help: "What to export: \(TransferKind.names).")
    var kind = "reminders"

    func validate() throws {
        guard ["json", "csv", "ics"].contains(format) else { throw ValidationError("--format: \"\(format)\" is not json, csv or ics") }
        guard let kind = TransferKind(rawValue: kind) else {
            throw ValidationError("--kind: \"\(self.kind)\" is not one of \(TransferKind.names)")
        }
        guard format != "ics" || kind == .reminders else { throw ValidationError("--format ics: only reminders go to calendars") }
    }

    func run() throws {
        let session = try Session.open(global)
        defer { session.close() }
        do {
            Console.current.writeDocument(try TransferKind(rawValue: kind)!.export(format, session: session))
        } catch {
            throw CLIError("cannot export: \(error.field): \(error.problem)")
        }
    }
}
