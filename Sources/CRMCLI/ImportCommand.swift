import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add or update reminders from a CSV, JSON or iCalendar file; all or nothing.",
        discussion: """
            Example: crmtop import tasks.csv --map "Activity Subject=title" --dry-run
            The format comes from the extension (.csv, .json, .ics), else from the content.
            Records are matched by their external id (a CSV id column, a calendar UID), so
            importing the same file again updates instead of adding. A bad record stops the
            import as FILE:LINE: field: problem, and nothing is written.
            With --kind cases it reads cases in crmtop's JSON format.
            CSV fields for --map: \(ReminderCSV.fields.map(\.field).joined(separator: ", ")).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The file to read.")
    var file: String

    @Option(help: "reminders, or cases (crmtop's JSON format only, so far).")
    var kind = "reminders"

    @Option(name: .customLong("map"), help: "COLUMN=FIELD: read a CSV column as a field; repeat for several.")
    var maps: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Show what would change and write nothing.")
    var dryRun = false

    func validate() throws {
        guard kind == "reminders" || kind == "cases" else { throw ValidationError("--kind: \"\(kind)\" is not reminders or cases") }
        for map in maps {
            let parts = map.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, ReminderCSV.fields.contains(where: { $0.field == parts[1] }) else {
                throw ValidationError("--map: \"\(map)\" is not COLUMN=FIELD with FIELD one of "
                    + ReminderCSV.fields.map(\.field).joined(separator: ", "))
            }
        }
    }

    func run() throws {
        var session = try Session.open(global)
        defer { session.close() }
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file))) } catch {
            throw CLIError("\(file): cannot read it: \(error.localizedDescription)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if kind == "cases" && format(text) != "json" {
            throw CLIError("\(file): cases are imported from crmtop's JSON format only, so far")
        }
        if !maps.isEmpty && format(text) != "csv" {
            throw CLIError("--map: only CSV files have columns to map; \(file) is not CSV", code: 2)
        }
        let plan: ImportPlan
        do { plan = try makePlan(text: text, bytes: bytes, session) } catch { throw CLIError("\(file):\(error)") }
        if !dryRun && !plan.mutations.isEmpty { try session.apply(plan.mutations) }
        let summary = JSONOutput.object([
            .init("dry_run", .bool(dryRun)),
            .init("added", .array(plan.added.map(JSONOutput.string))),
            .init("updated", .array(plan.updated.map(JSONOutput.string))),
            .init("unchanged", .array(plan.unchanged.map(JSONOutput.string))),
        ])
        func line(_ label: String, _ ids: [String]) -> String {
            "\(label) \(ids.count)" + (ids.isEmpty ? "" : ": " + ids.joined(separator: " ")) + "\n"
        }
        let verb = dryRun ? "would be " : ""
        global.report(json: summary, text: (dryRun ? "dry run; nothing written\n" : "")
            + line("\(verb)added", plan.added) + line("\(verb)updated", plan.updated) + line("unchanged", plan.unchanged))
    }

    private func makePlan(text: String, bytes: [UInt8], _ session: Session) throws(ImportProblem) -> ImportPlan {
        let zone = session.zone, people = session.data.people
        if kind == "cases" { return try ImportPlan(cases: try CaseJSONTransfer.records(bytes, zone: zone), into: session.data) }
        let records: [ImportedReminder]
        switch format(text) {
        case "json": records = try ReminderJSONTransfer.records(bytes, zone: zone)
        case "ics":
            let result = try ReminderICS.records(text, zone: zone, people: people)
            records = result.records
            for warning in result.warnings { Console.current.error("\(file):\(warning)\n") }
        default:
            let mapping = Dictionary(maps.map { m in
                let parts = m.split(separator: "=", maxSplits: 1).map(String.init)
                return (parts[0], parts[1])
            }, uniquingKeysWith: { $1 })
            records = try ReminderCSV.records(text, map: mapping, zone: zone, people: people)
        }
        let source = ChangeStamp(at: session.now, actor: session.user,
                                 note: "from " + URL(fileURLWithPath: file).lastPathComponent)
        return try ImportPlan(records, into: session.data, defaultOwner: session.user, stamp: source)
    }

    /// The extension decides; without a known one, the first character does.
    private func format(_ text: String) -> String {
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        if ["json", "csv", "ics"].contains(ext) { return ext }
        if ext == "ical" || ext == "ifb" { return "ics" }
        let start = text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if start.hasPrefix("{") { return "json" }
        if start.uppercased().hasPrefix("BEGIN:VCALENDAR") { return "ics" }
        return "csv"
    }
}
