import ArgumentParser
import CRMCore
import CRMStore
import CursesBackend
import Foundation

struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "The headless notifier: runs the notify command for due reminders, SLA warnings, breaches and escalations.",
        // One paragraph a line: the help reflows each to the terminal's width, so a break
        // inside one would show as a ragged short line.
        discussion: """
            Runs the command set as "notify.command" in settings.json for each event, with the \
            event's fields in CRMTOP_* environment variables and as one JSON object on standard \
            input; the command's output goes to notify.log in the data directory. What was sent \
            is kept in notifications.json, so a restart sends nothing twice.

            Runs until stopped (SIGTERM, SIGINT, SIGHUP), waking each second; with --once it \
            sends what is due and exits, for cron. Prints a line for each message sent or failed \
            (with --json, one JSON object per line: result, event, id, subjects, recipients, \
            attempt, reason). With --once, any failed send makes the exit status 1 and is counted \
            on standard error ("N of M notifications failed"; with --json also a last object: \
            result "failures", failed, of).

            While it runs, dashboards leave the notifying to it. A second notifier on the same \
            directory waits and takes over when the first stops.

            Example: crmtop notify --data /srv/crmtop
            Example: crmtop notify --once --data /srv/crmtop

            Change the settings with crmtop notify set (command, events, repeat, alerts before, digests).
            """,
        subcommands: [NotifySetCommand.self]
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Send what is due now and exit (for cron).")
    var once = false

    func run() throws {
        let console = Console.current
        let session = try Session.open(global)
        defer { session.close() }
        let store = session.store
        if session.data.settings.notify.command == nil {
            console.error("crmtop: no notify command in \(store.location)/settings.json (\"notify\": {\"command\": …}); "
                + (once ? "nothing to send\n" : "waiting for one\n"))
        }
        guard SignalFlags.install() else { throw CLIError("cannot install the signal handlers") }
        defer { SignalFlags.uninstall() }
        let lease = try takeOver(store, console: console)
        guard let lease else { return }
        defer { withExtendedLifetime(lease) {} }

        let notifier = Notifier(store: session.store)
        let time: any TimeSource = session.pinned.map { ShiftedTime(startingAt: $0) } ?? SystemTime()
        var lastProblem: String?
        while true {
            // With --once and --at, exactly the moment given.
            let now = once ? session.now : Date(timeIntervalSince1970: time.now().timeIntervalSince1970.rounded(.down))
            let report = notifier.pass(at: now)
            for message in report.sent { say("sent", message, reason: nil, console: console) }
            for failure in report.failed { say("failed", failure.message, reason: failure.reason, console: console) }
            // Once per problem, not every second while it lasts.
            if let problem = report.problem, problem != lastProblem { console.error("crmtop: \(problem)\n") }
            lastProblem = report.problem
            if once {
                let failed = report.failed.count
                if failed > 0 { sayFailures(failed, of: failed + report.sent.count, console: console) }
                if report.problem != nil || failed > 0 { throw ExitCode(1) }
                return
            }
            // A signal cuts the sleep short.
            let fraction = time.now().timeIntervalSince1970.truncatingRemainder(dividingBy: 1)
            usleep(UInt32((1 - fraction) * 1_000_000) + 2000)
            let signal = SignalFlags.take()
            if signal != 0 { throw ExitCode(128 + signal) }
        }
    }

    /// The notifier's lease; nil when the run should end without sending (another notifier
    /// holds it and this is a single pass, or a signal came while waiting).
    private func takeOver(_ store: any Store, console: Console) throws -> (any NotifierLease)? {
        if let lease = try store.notifierLease(wait: false) { return lease }
        if once {
            console.error("crmtop: another notifier is running for \(store.location); it sends what is due\n")
            return nil
        }
        console.error("crmtop: another notifier is running for \(store.location); waiting to take over\n")
        while true {
            if let lease = try store.notifierLease(wait: true) { return lease }
            let signal = SignalFlags.take()
            if signal != 0 { throw ExitCode(128 + signal) }
        }
    }

    /// How many sends of a single pass failed: on standard error, and with --json as a last
    /// object on standard output, for whoever runs it from cron.
    private func sayFailures(_ failed: Int, of tried: Int, console: Console) {
        console.error("crmtop: \(failed) of \(tried) notifications failed; each is tried again after its backoff "
            + "(see notify.log)\n")
        guard global.json else { return }
        let line = JSONOutput.object([
            .init("result", .string("failures")), .init("failed", .int(failed)), .init("of", .int(tried)),
        ])
        console.write(String(decoding: JSONWriter.compact(line), as: UTF8.self) + "\n")
    }

    /// A line per message; with --json, a JSON object per line (JSON Lines), as it happens.
    private func say(_ result: String, _ message: NotificationMessage, reason: String?, console: Console) {
        guard global.json else {
            console.write("\(result) \(message.summary)" + (reason.map { ": " + $0 } ?? "") + "\n")
            return
        }
        let line = JSONOutput.object([
            .init("result", .string(result)),
            .init("event", .string(message.isDigest ? "digest" : message.events[0].kind.rawValue)),
            .init("id", .string(message.id)),
            .init("subjects", .array(message.subjects.map(JSONOutput.string))),
            .init("recipients", .array(message.recipients.map(JSONOutput.string))),
            .init("attempt", .int(message.attempt)),
            .init("reason", reason.map(JSONOutput.string) ?? .null),
        ])
        console.writeExact(String(decoding: JSONWriter.compact(line), as: UTF8.self) + "\n")
    }
}
