import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the data directory: every problem on its own line; exit 1 if any.",
        discussion: """
            Reads every file without stopping at the first problem, then checks what no single \
            file shows: people, teams, influencers, KPIs and calendars that do not exist, ids \
            given twice, times out of order, settings that contradict each other, fields that \
            look misspelt, and journalled changes that no longer apply. Writes nothing. Also \
            says when a recovery file holds changes a dashboard could not save (crmtop recover), \
            and warns on stderr, without failing, about escalation levels that tell nobody about \
            some open items. A file it cannot read at all (one written by a newer crmtop) is one \
            problem: what refers to it is not checked, and a note says so.
            Example: crmtop check --data ~/crmtop-demo
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let console = Console.current
        let session = global.demo ? try Session.open(global) : nil
        defer { session?.close() }
        let store = try session?.store ?? global.openStore(console.environment)
        try Session.requireStore(store)
        let dir = store.location
        let report = store.checkReport()
        let problems = report.problems, data = report.data
        let recovery = store.localDirectory.map { RecoveryFile(for: $0, environment: console.environment) }
        if session == nil, let recovery, recovery.exists {
            // Not a problem with the files, but changes that are not in them yet.
            let note = "a recovery file holds changes not saved to \(dir) (\(recovery.url.path)); "
                + "crmtop recover shows them, crmtop recover --apply stores them\n"
            if global.json { console.error("crmtop: note: " + note) } else { console.write("note: " + note) }
        }
        // Worth knowing, but no problem with the files: the exit status stays 0 for them.
        for unheard in Escalation.unheard(data) {
            console.error("crmtop: warning: \(dir)/settings.json: escalation: \(unheard.sentence)\n")
        }
        if global.json {
            console.json(.array(problems.map { p in
                .object([
                    .init("file", .string(p.file)), .init("path", .string(p.path)),
                    .init("line", p.line.map(JSONOutput.int) ?? .null), .init("column", p.column.map(JSONOutput.int) ?? .null),
                    .init("message", .string(p.message)),
                ])
            }))
        } else {
            for problem in problems { console.write("\(dir)/\(problem)\n") }
        }
        // After the problems, which they explain.
        for note in report.notes {
            if global.json { console.error("crmtop: note: \(note)\n") } else { console.write("note: \(note)\n") }
        }
        guard !problems.isEmpty else {
            if !global.json { console.write("\(dir): no problems found\n") }
            return
        }
        console.error("crmtop: \(problems.count) \(problems.count == 1 ? "problem" : "problems") in \(dir)\n")
        throw ExitCode(1)
    }
}
