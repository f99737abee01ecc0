import ArgumentParser
import CRMCore
import Foundation

/// Options every command takes, before or after the subcommand name.
public struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory (default: $CRMTOP_DATA, $XDG_DATA_HOME/crmtop or ~/.local/share/crmtop).")
    public var data: String?

    @Flag(name: .long, help: "Use a fresh temporary copy of the built-in demo data; never touches your data.")
    public var demo = false

    @Option(name: .long, help: "Pin \"now\" (ISO 8601, e.g. 2026-11-23T10:00:00+01:00). A live screen starts there and runs on.")
    public var at: String?

    @Option(name: .long, help: "Who is using crmtop (default: $CRMTOP_USER, else $USER).")
    public var user: String?

    @Option(name: .long, help: "A theme name from themes/ or a path to a theme file.")
    public var theme: String?

    @Flag(name: .long, help: "Machine-readable output on commands that print data.")
    public var json = false

    @Option(name: .long, help: ArgumentHelp(
        "Your settings for the screens: theme, mouse, keys (default: $XDG_CONFIG_HOME/crmtop/config.json or ~/.config/crmtop/config.json).",
        valueName: "file"))
    public var config: String?

    public init() {}

    /// `--data`, else the environment's choice, else the XDG default.
    public func dataDirectory(_ env: [String: String]) -> URL {
        if let data { return URL(fileURLWithPath: data) }
        if let dir = env["CRMTOP_DATA"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("crmtop")
        }
        let home = env["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/crmtop")
    }

    /// The pinned moment, or nil to follow the system clock. Besides ISO 8601 it reads what
    /// the other time options read, counted from the system clock: a case action done an hour
    /// ago is `--at "1h ago"`, one at half past two today `--at 14:30`.
    public func pinnedTime(zone: TimeZone, clock: Date) throws -> Date? {
        guard let at else { return nil }
        guard let date = InputTime.parse(at, now: clock, zone: zone) else {
            throw CLIError("--at: cannot read \"\(at)\" as a time; use ISO 8601 like 2026-11-23T10:00:00+01:00, "
                + "or \(InputTime.momentExamples)", code: 2)
        }
        return date
    }

    /// `--user`, `$CRMTOP_USER`, then `$USER`; the demo falls back to its own manager
    /// rather than `$USER`, who is not in the demo data.
    public func resolvedUser(_ env: [String: String]) -> String {
        if let user, !user.isEmpty { return user }
        if let u = env["CRMTOP_USER"], !u.isEmpty { return u }
        if demo { return DemoData.defaultUser }
        return env["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "me"
    }

    /// Where `resolvedUser` found the name, for messages about it.
    func userSource(_ env: [String: String]) -> String {
        if let user, !user.isEmpty { return "--user" }
        if let u = env["CRMTOP_USER"], !u.isEmpty { return "$CRMTOP_USER" }
        if demo { return "the demo's user" }
        return env["USER"].flatMap { $0.isEmpty ? nil : $0 } != nil ? "$USER" : "the default user"
    }

    static let valued: Set<String> = ["--data", "--at", "--user", "--theme", "--config"]
    static let flags: Set<String> = ["--demo", "--json"]

    /// The parser reads a command's options only after its name, but the contract lets
    /// them stand before it too (`crmtop --data D reminder list`); such leading options
    /// are moved behind the command words.
    static func movingLeadingOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            let name = String(arg.split(separator: "=", maxSplits: 1).first ?? "")
            if flags.contains(arg) || (valued.contains(name) && arg.contains("=")) {
                leading.append(arg)
                i += 1
            } else if valued.contains(arg), i + 1 < arguments.count {
                leading += [arg, arguments[i + 1]]
                i += 2
            } else {
                break
            }
        }
        let rest = Array(arguments[i...])
        guard !leading.isEmpty, let first = rest.first, !first.hasPrefix("-") else { return arguments }
        if let terminator = rest.firstIndex(of: "--") {
            return Array(rest[..<terminator]) + leading + Array(rest[terminator...])
        }
        return rest + leading
    }
}
