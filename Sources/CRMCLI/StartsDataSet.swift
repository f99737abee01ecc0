import CRMStore
import Foundation

/// Commands that may start a new data set in a directory that does not exist yet: they add
/// something, and the directory is made with their first change. Every other command needs
/// the directory to be there: a listing of a directory that was moved away, or of a typo,
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

    /// Refuses a data directory that is not there, for commands that only read one.
    static func requireDirectory(_ store: DataStore) throws {
        guard !mayStartDataSet, !store.directoryExists else { return }
        let path = store.directory.path
        var info = stat()
        let what = stat(path, &info) == 0 ? "it is not a directory" : "it does not exist (moved, deleted, or a typo?)"
        throw CLIError("no data directory at \(path): \(what). Try crmtop --demo to look around, "
            + "crmtop demo DIR for a copy of the demo data, or crmtop reminder add … to start a data set there")
    }
}
