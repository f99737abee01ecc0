import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Show, apply or discard the changes a dashboard could not save before it was ended.",
        discussion: """
            When the data directory cannot be written (a full disk, a read-only mount) and the \
            dashboard is ended by a signal, the changes it could not save go to a recovery file \
            in $XDG_STATE_HOME/crmtop (else ~/.local/state/crmtop), one per data directory. \
            Without options, lists what the file holds. --apply stores the changes one by one \
            against the data as it is now; each that no longer applies is reported (exit 1) and \
            dropped, and the file goes once nothing is left in it. --discard removes the file. \
            The dashboard offers the same when it starts.
            Example: crmtop recover --apply --data ~/crm
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Store the changes in the data directory.")
    var apply = false

    @Flag(help: "Remove the recovery file without storing its changes.")
    var discard = false

    func validate() throws {
        guard !(apply && discard) else { throw ValidationError("--apply and --discard cannot go together") }
        guard !global.demo else { throw ValidationError("--demo: a demo copy never has a recovery file") }
    }

    func run() throws {
        let console = Console.current
        let store = try global.openStore(console.environment)
        // A recovery file is named after the data directory whose changes it keeps.
        guard let directory = store.localDirectory else {
            throw CLIError("recovery files are kept for data directories only, and \(store.location) is not one")
        }
        let file = RecoveryFile(for: directory, environment: console.environment)
        let dir = file.dataDirectory
        guard file.exists else {
            if apply || discard { throw CLIError("no recovery file for \(dir) (there would be \(file.url.path))") }
            global.report(json: .object([.init("file", .string(file.url.path)), .init("data", .string(dir)),
                                             .init("changes", .array([]))]),
                              text: "no recovery file for \(dir)\n")
            return
        }
        // Times are read in the data's zone, as the journal's are; a directory that cannot be
        // read still shows what the file holds.
        let zone = (try? store.load())?.settings.defaultCalendar.timeZone ?? .gmt
        let recovery: Recovery
        do {
            recovery = try file.read(zone: zone)
        } catch {
            throw CLIError("\(error)")
        }
        let count = recovery.changes.count == 1 ? "1 change" : "\(recovery.changes.count) changes"
        if discard {
            do {
                try file.remove()
            } catch {
                throw CLIError("\(error)")
            }
            global.report(json: .object([.init("discarded", .int(recovery.changes.count))]),
                              text: "discarded \(count) from \(file.url.path)\n")
        } else if apply {
            try applyChanges(file, recovery, to: store, zone: zone)
        } else {
            try list(file, recovery, count: count, zone: zone)
        }
    }

    private func applyChanges(_ file: RecoveryFile, _ recovery: Recovery, to store: any Store, zone: TimeZone) throws {
        let console = Console.current
        let (report, _) = file.apply(to: store, zone: zone)
        if report.applied > 0 {
            // Stored either way; a journal left long is compacted by the next writer.
            try? store.compactIfNeeded()
        }
        global.report(json: .object([
            .init("applied", .int(report.applied)), .init("refused", .array(report.refused.map(JSONOutput.string))),
            .init("failure", report.failure.map(JSONOutput.string) ?? .null), .init("left", .int(report.left)),
        ]), text: "applied \(report.applied) of \(recovery.changes.count) to \(file.dataDirectory)\n")
        for refusal in report.refused { console.error("crmtop: not applied: \(refusal)\n") }
        if let failure = report.failure {
            console.error("crmtop: \(failure)" + (report.left > 0 ? "; \(report.left) left in \(file.url.path)" : "") + "\n")
        }
        if !report.refused.isEmpty || report.failure != nil { throw ExitCode(1) }
    }

    private func list(_ file: RecoveryFile, _ recovery: Recovery, count: String, zone: TimeZone) throws {
        let when = TimeText.format(recovery.written, zone: zone)
        var text = "\(file.url.path) holds \(count) for \(recovery.dataDirectory), not saved at \(when)"
            + (recovery.reason.map { " (\($0))" } ?? "") + ":\n"
        for (n, change) in recovery.changes.enumerated() { text += "  \(n + 1). \(Recovery.describe(change))\n" }
        text += "crmtop recover --apply stores them; crmtop recover --discard removes the file\n"
        let changes = try recovery.changes.map { change in
            JSONOutput.array(try change.map { try MutationCodec.json($0, zone: zone) })
        }
        global.report(json: .object([
            .init("file", .string(file.url.path)), .init("data", .string(recovery.dataDirectory)),
            .init("written", .string(when)), .init("reason", recovery.reason.map(JSONOutput.string) ?? .null),
            .init("changes", .array(changes)),
        ]), text: text)
    }
}
