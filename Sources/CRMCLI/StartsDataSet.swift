import CRMStore
import Foundation

/// Commands that may start a new data set in a store that does not exist yet: they add
/// something, and the store is made with their first change. Every other command needs
/// the store to be there: a listing of a directory that was moved away, or of a typo,
/// must not say "No open cases." as if all were well.
protocol StartsDataSet {}

extension DashCommand: StartsDataSet {}
extension ReminderAdd: StartsDataSet {}
extension OpenCaseCommand: StartsDataSet {}
extension RoutingCommand.Set: StartsDataSet {}
extension InfluencerCommand.Add: StartsDataSet {}
extension CalendarCommand.Set: StartsDataSet {}
extension SLACommand.Set: StartsDataSet {}
extension EscalationCommand.Set: StartsDataSet {}
extension PersonCommand.Add: StartsDataSet {}
extension KPICommand.Add: StartsDataSet {}
extension LogCommand: StartsDataSet {}
extension ImportCommand: StartsDataSet {}
extension WallSetCommand: StartsDataSet {}
extension CalendarSyncCommand.Add: StartsDataSet {}

extension Session {
    /// Whether the command being run may start a new data set (see `StartsDataSet`).
    @TaskLocal static var mayStartDataSet = true

    /// Refuses a store that is not there, for commands that only read one.
    static func requireStore(_ store: any Store) throws {
        guard !mayStartDataSet, let missing = store.missing else { return }
        throw CLIError("\(missing). Try crmtop --demo to look around, "
            + "crmtop demo DIR for a copy of the demo data, or crmtop reminder add … to start a data set there")
    }
}
