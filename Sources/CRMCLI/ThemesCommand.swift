import ArgumentParser
import CRMApp
import CRMStore
import Foundation

struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes --theme can use, each with a sample line drawn in it.",
        discussion: """
            Your own themes go in $XDG_CONFIG_HOME/crmtop/themes (else ~/.config/crmtop/themes) \
            and win over shipped ones of the same name. With --theme, shows only that theme \
            (a name or a file), which checks a theme file before you use it.
            Example: crmtop themes && crmtop --demo --theme solarized-dark
            """
    )

    @OptionGroup var global: GlobalOptions

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Option(help: "Draw the samples in colour: auto (on a terminal; attributes only under NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let console = Console.current
        let environment = console.environment
        let entries: [ThemeEntry]
        if let name = global.theme {
            guard let entry = ThemeLoader.entry(name, environment: environment) else {
                throw CLIError("theme: \(ThemeLoader.notFound(name, environment: environment))")
            }
            entries = [entry]
        } else {
            entries = ThemeLoader.catalog(environment: environment)
        }
        let usable = entries.compactMap { entry in (try? entry.theme.get()).map { (entry, $0) } }
        if global.json {
            let list = usable.map { entry, theme in
                JSONOutput.object([
                    .init("name", .string(entry.name)),
                    .init("path", entry.origin == .builtIn ? .null : .string(entry.url.path)),
                    .init("description", .string(theme.description)),
                    .init("missing_roles", .array(ThemeLoader.missingRoles(theme.palette).map(JSONOutput.string))),
                ])
            }
            console.json(.array(list))
        } else {
            let depth = depth(environment)
            // The one the screens start with. A broken config.json is the screens' to
            // report; the list is still worth showing.
            let configured = try? UserConfig.load(path: global.config, environment: environment).theme
            let fallback = configured ?? ThemeLoader.defaultName(environment)
            for (entry, theme) in usable {
                describe(entry, theme, depth: depth, isDefault: entry.name == fallback, on: console)
            }
        }
        let broken = entries.compactMap { entry -> ThemeError? in
            if case .failure(let error) = entry.theme { return error }
            return nil
        }
        for error in broken { console.error("crmtop: theme: \(error)\n") }
        if !broken.isEmpty { throw ExitCode(1) }
    }

    /// The name, path and description come from a theme file and are sanitised; the sample
    /// line's colours are crmtop's own escape codes around its own text, written as they are.
    private func describe(_ entry: ThemeEntry, _ theme: Theme, depth: ColorDepth?, isDefault: Bool, on console: Console) {
        var origin = entry.origin.rawValue
        if entry.overrides { origin += ", replaces the shipped one" }
        if isDefault && entry.origin != .file { origin += ", used without --theme" }
        var lines = [entry.origin == .builtIn ? "\(entry.name) (\(origin))" : "\(entry.name) (\(origin)): \(entry.url.path)"]
        if !theme.description.isEmpty { lines.append("  " + theme.description) }
        let missing = ThemeLoader.missingRoles(theme.palette)
        if !missing.isEmpty { lines.append("  no style for \(missing.joined(separator: ", ")) (drawn plain)") }
        if let depth {
            console.write(lines.joined(separator: "\n") + "\n")
            console.writeExact("  " + ThemePreview.colored(theme.palette, depth: depth) + "\n\n")
        } else {
            lines += ThemePreview.described(theme.palette).map { "  " + $0 }
            console.write(lines.joined(separator: "\n") + "\n\n")
        }
    }

    /// nil: plain text. Explicit `--color always` outranks `NO_COLOR`, as no-color.org asks.
    private func depth(_ environment: [String: String]) -> ColorDepth? {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        switch color {
        case .never:
            return nil
        case .always:
            return ColorDepth.detect(environment)
        case .auto:
            let term = environment["TERM"] ?? ""
            guard isatty(STDOUT_FILENO) == 1, !term.isEmpty, term != "dumb" else { return nil }
            return noColor ? .attributesOnly : ColorDepth.detect(environment)
        }
    }
}
