import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add or update reminders, cases, people or activities from a CSV, JSON or iCalendar file; all or nothing.",
        discussion: """
            Example: crmtop import tasks.csv --map "Activity Subject=title" --dry-run
            Example: crmtop import tickets.csv --kind cases
            The format comes from the extension (.csv, .json, .ics, .jsonl), else from the \
            content; iCalendar is for reminders only, JSON Lines (activities.jsonl) for \
            activities. Records are matched by their external id (a CSV id column, a calendar \
            UID, a person's handle), so importing the same file again updates instead of adding; \
            CSV rows without an id column are added as new each time. Activities have no id: one \
            that is already logged with the same person, KPI, time, count and note is not added \
            again. Owners and people a record names must be in people.json (the user stands in \
            for a reminder without an owner); --create-people adds those who are not, with the \
            role \(ImportPeople.defaultRole), and says who. A bad record stops \
            the import as FILE:LINE: field: problem (the column as the CSV header names it; \
            LINE:COLUMN in JSON), and nothing is written. CSV and iCalendar files are UTF-8 \
            (a byte-order mark is fine; UTF-16 with one is read as such); --encoding latin1, windows-1252 or utf-16 reads one saved so. \
            A calendar's events are imported with or without an alarm (--only-with-alarms for \
            those with one), each series with its rules, exceptions, moved occurrences and zone.
            CSV fields for --map: reminders: \(TransferKind.reminders.csvFields.joined(separator: ", ")); \
            cases: \(TransferKind.cases.csvFields.joined(separator: ", ")); \
            people: \(TransferKind.people.csvFields.joined(separator: ", ")); \
            activities: \(TransferKind.activities.csvFields.joined(separator: ", ")).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The file to read.")
    var file: String

    @Option(help: "What the file holds: \(TransferKind.names).")
    var kind = "reminders"

    @Option(name: .customLong("map"), help: "COLUMN=FIELD: read a CSV column as a field; repeat for several.")
    var maps: [String] = []

    @Option(help: "How a CSV or iCalendar file's bytes are text: \(TextEncoding.names).")
    var encoding = TextEncoding.utf8.rawValue

    @Flag(name: .customLong("dry-run"), help: "Show what would change and write nothing.")
    var dryRun = false

    @Flag(name: .customLong("create-people"),
          help: "Add the owners and people records name who are not in people.json, with the role \(ImportPeople.defaultRole), instead of refusing the file.")
    var createPeople = false

    @Flag(name: .customLong("only-with-alarms"),
          help: "From a calendar, import only the events that carry an alarm (to-dos are always imported).")
    var onlyWithAlarms = false

    func validate() throws {
        guard let kind = TransferKind(rawValue: kind) else {
            throw ValidationError("--kind: \"\(self.kind)\" is not one of \(TransferKind.names)")
        }
        guard TextEncoding(rawValue: encoding.lowercased()) != nil else {
            throw ValidationError("--encoding: \"\(encoding)\" is not one of \(TextEncoding.names)")
        }
        if createPeople && kind == .people {
            throw ValidationError("--create-people: a people import adds people itself; it is for reminders, cases and activities")
        }
        for map in maps {
            let parts = map.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, kind.csvFields.contains(String(parts[1])) else {
                throw ValidationError("--map: \"\(map)\" is not COLUMN=FIELD with FIELD one of "
                    + kind.csvFields.joined(separator: ", "))
            }
        }
    }

    func run() throws {
        var session = try Session.open(global)
        defer { session.close() }
        let kind = TransferKind(rawValue: kind)!
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file))) } catch {
            throw CLIError("\(file): cannot read it: \(error.localizedDescription)")
        }
        let format = format(bytes)
        guard kind.formats.contains(format) else {
            let formats = kind.formats.dropLast().joined(separator: ", ") + " or " + kind.formats.last!
            throw CLIError("\(file): \(kind.rawValue) are imported from \(formats), not \(format)")
        }
        if !maps.isEmpty && format != "csv" {
            throw CLIError("--map: only CSV files have columns to map; \(file) is not CSV", code: 2)
        }
        let text = try text(bytes, format: format)
        let mapping = Dictionary(maps.map { m in
            let parts = m.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts[0], parts[1])
        }, uniquingKeysWith: { $1 })
        let source = ChangeStamp(at: session.now, actor: session.user,
                                 note: "from " + URL(fileURLWithPath: file).lastPathComponent)
        let plan: ImportPlan
        let console = Console.current
        console.progress("crmtop: reading and checking \(file)…")
        do {
            let people = ImportPeople(session.data, addingWithRole: createPeople ? ImportPeople.defaultRole : nil)
            plan = try kind.plan(format, text: text, bytes: bytes, map: mapping, session: session, people: people,
                                 source: source, onlyWithAlarms: onlyWithAlarms) {
                Console.current.error("\(file):\($0)\n")
            }
        } catch { throw CLIError("\(file):\(error)") }
        if !dryRun && !plan.mutations.isEmpty {
            console.progress("crmtop: writing \(plan.mutations.count) \(plan.mutations.count == 1 ? "change" : "changes")…")
            try session.apply(plan.mutations)
        }
        noteAddedPeople(plan.addedPeople)
        report(plan)
    }

    /// People added for records that name them are a side effect worth saying, also with --json.
    private func noteAddedPeople(_ handles: [String]) {
        guard !handles.isEmpty else { return }
        let shown = handles.prefix(20).joined(separator: ", ") + (handles.count > 20 ? " and \(handles.count - 20) more" : "")
        Console.current.error("crmtop: note: \(dryRun ? "would add" : "added") \(handles.count) "
            + "\(handles.count == 1 ? "person" : "people") not in people.json, with role \(ImportPeople.defaultRole): \(shown); "
            + "a people import can give them their names and roles\n")
    }

    private func report(_ plan: ImportPlan) {
        let summary = JSONOutput.object([
            .init("dry_run", .bool(dryRun)),
            .init("added", .array(plan.added.map(JSONOutput.string))),
            .init("updated", .array(plan.updated.map(JSONOutput.string))),
            .init("unchanged", .array(plan.unchanged.map(JSONOutput.string))),
            .init("added_people", .array(plan.addedPeople.map(JSONOutput.string))),
            .init("changes", .object(plan.updated.compactMap { id in plan.changes[id].map { .init(id, .string($0)) } })),
        ])
        // A large file's ids would flood the terminal; --json has them all.
        func line(_ label: String, _ ids: [String]) -> String {
            let shown = ids.prefix(20).joined(separator: ", ")
            let more = ids.count > 20 ? " and \(ids.count - 20) more" : ""
            return "\(label) \(ids.count)" + (ids.isEmpty ? "" : ": " + shown + more) + "\n"
        }
        let verb = dryRun ? "would be " : ""
        let changes = plan.updated.prefix(20).compactMap { id in plan.changes[id].map { "  \(id): \($0)\n" } }.joined()
        global.report(json: summary, text: (dryRun ? "dry run; nothing written\n" : "")
            + line("\(verb)added", plan.added) + line("\(verb)updated", plan.updated) + changes
            + line("unchanged", plan.unchanged))
    }

    /// The extension decides; without a known one, the first character does.
    private func format(_ bytes: [UInt8]) -> String {
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        if ["json", "csv", "ics", "jsonl"].contains(ext) { return ext }
        if ext == "ical" || ext == "ifb" { return "ics" }
        // The markers are ASCII, so the start of the file read loosely is enough to see them.
        let start = String(decoding: bytes.prefix(256), as: UTF8.self).drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if start.hasPrefix("{") { return "json" }
        if start.uppercased().hasPrefix("BEGIN:VCALENDAR") { return "ics" }
        return "csv"
    }

    /// CSV and iCalendar as text in the chosen encoding, refused at the first byte that is
    /// not; JSON is UTF-8 by definition, and its reader checks the bytes itself.
    private func text(_ bytes: [UInt8], format: String) throws -> String {
        let encoding = TextEncoding(rawValue: encoding.lowercased())!
        guard format == "csv" || format == "ics" else {
            guard encoding == .utf8 else {
                throw CLIError("--encoding: \(file) is JSON, which is always UTF-8", code: 2)
            }
            return ""
        }
        do {
            return try encoding.decode(bytes, field: format)
        } catch {
            throw CLIError("\(file):\(error)")
        }
    }
}
