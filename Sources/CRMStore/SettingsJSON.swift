import CRMCore
import Foundation

/// Settings entries in the shape settings.json gives them, so that `--json` output reads like
/// the file people edit. Refuses what a save would refuse, with the same message.
public enum SettingsJSON {
    public static func calendar(_ c: BusinessCalendar) throws(SaveError) -> JSONOutput {
        try settingsEntry { () throws(FieldError) in try SettingsCodec.encodeCalendar(c) }
    }

    public static func policy(_ p: SLAPolicy) throws(SaveError) -> JSONOutput {
        try settingsEntry { () throws(FieldError) in try SettingsCodec.encodePolicy(p) }
    }

    public static func escalation(_ e: EscalationLevel) throws(SaveError) -> JSONOutput {
        try settingsEntry { () throws(FieldError) in try SettingsCodec.encodeEscalation(e) }
    }

    public static func routing(_ r: CaseRouting) -> JSONOutput { RoutingCodec.encode(r) }

    public static func leaderboard(_ l: LeaderboardSettings) throws(SaveError) -> JSONOutput {
        try settingsEntry { () throws(FieldError) in try SettingsCodec.encodeLeaderboard(l) }
    }

    /// The whole `notify` section, defaults included, as settings.json would hold it.
    public static func notify(_ n: NotifySettings) throws(SaveError) -> JSONOutput {
        try settingsEntry { () throws(FieldError) in try NotifySettingsCodec.encode(n) ?? .object([.init("command", .null)]) }
    }

    private static func settingsEntry(_ encode: () throws(FieldError) -> JSONOutput) throws(SaveError) -> JSONOutput {
        do {
            return try encode()
        } catch {
            throw SaveError(file: DataStore.Collection.settings.fileName, path: error.path, message: error.message)
        }
    }
}
