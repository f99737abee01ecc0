import ArgumentParser
import CRMCalDAV
import CRMCore
import CRMStore
import Foundation

/// `crmtop sync [NAME]`: reminders and calendars in step, both ways (see `CalendarSyncPass`).
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Keep reminders and the calendar accounts' calendars in step, both ways.",
        discussion: """
            A change on either side travels to the other; a deletion too, unless the other side changed the item \
            since, which brings it back. Changed on both sides, the calendar's version is taken and crmtop's is kept \
            in the reminder's history. Nothing is ever written over a change made on the server meanwhile: it waits \
            for the next sync. Without --once it syncs every minute until stopped.
            Example: crmtop sync work --once --dry-run
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Sync only this account (default: every account).")
    var name: String?

    @Flag(help: "Sync once and exit.")
    var once = false

    @Flag(help: "Say what would change on either side, and change nothing.")
    var dryRun = false

    func run() throws {
        while true {
            try syncEveryAccount()
            guard !once && !dryRun else { return }
            Thread.sleep(forTimeInterval: 60)
        }
    }

    private func syncEveryAccount() throws {
        var session = try Session.open(global)
        defer { session.close() }
        let accounts = session.data.settings.calendarAccounts
        guard !accounts.isEmpty else { throw CLIError("no calendar accounts; add one with crmtop calendar-sync add") }
        let chosen = try name.map { name in
            guard let account = accounts.first(where: { $0.name == name }) else {
                throw CLIError("no calendar account \(name)" + known(accounts.map(\.name), "calendar accounts"))
            }
            return [account]
        } ?? accounts
        var reports: [CalendarSyncPass.Report] = []
        var failures: [String] = []
        for account in chosen {
            do {
                reports.append(try CalendarSyncPass(account: account, dryRun: dryRun).run(&session))
            } catch let error as CLIError {
                failures.append(error.message)
            }
        }
        global.report(json: .array(reports.map(CalendarSyncText.record)),
                      text: reports.map { CalendarSyncText.summary($0, dryRun: dryRun) }.joined())
        for failure in failures { Console.current.error("crmtop: \(failure)\n") }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
