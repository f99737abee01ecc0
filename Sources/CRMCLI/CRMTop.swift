import ArgumentParser
import Foundation

public struct CRMTop: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "crmtop",
        abstract: "A live terminal dashboard of reminders, SLA countdowns and a KPI leaderboard.",
        discussion: """
            With no subcommand, opens the dashboard. Try it with the built-in demo data:
              crmtop --demo
            """,
        version: CRMTop.version,
        subcommands: [
            DashCommand.self, WallCommand.self, SnapshotCommand.self, DemoCommand.self,
            ReminderCommand.self,
            CaseCommand.self, InfluencerCommand.self, CalendarCommand.self, SLACommand.self,
            EscalationCommand.self, RoutingCommand.self,
            PersonCommand.self, KPICommand.self, LogCommand.self, LeaderboardCommand.self, ContestCommand.self,
            CalendarSyncCommand.self, SyncCommand.self, ImportCommand.self, ExportCommand.self, CheckCommand.self,
            RecoverCommand.self, NotifyCommand.self, StoreCommand.self, ThemesCommand.self, CompletionsCommand.self,
            BenchCommand.self,
        ],
        defaultSubcommand: DashCommand.self
    )

    public static let version = "0.1.0"

    public init() {}

    /// Runs a command line and returns the exit code. Usage errors exit 2, as the
    /// command-line contract promises (the parser's own default would be 64).
    public static func run(arguments: [String]) -> Int32 {
        let console = Console.current
        let arguments = GlobalOptions.movingLeadingOptions(arguments)
        do {
            var command = try parseAsRoot(arguments)
            try Session.$mayStartDataSet.withValue(command is StartsDataSet) { try command.run() }
            return 0
        } catch let error as CLIError {
            console.error("crmtop: \(error.message)\n")
            return error.code
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = exitCode(for: error).rawValue
            // A refused line, or help asked of a command that does not exist (which the
            // parser would answer with the default command's help).
            if code == ExitCode.validationFailure.rawValue || code == 0,
               let unknown = CommandSuggestion.diagnose(arguments) {
                console.error("crmtop: \(unknown)\n")
                return 2
            }
            let message = fullMessage(for: error)
            if code == 0 {
                console.write(message + "\n")
                return 0
            }
            console.error(message + "\n")
            return code == ExitCode.validationFailure.rawValue ? 2 : code
        }
    }
}
