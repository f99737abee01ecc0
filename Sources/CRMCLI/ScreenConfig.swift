import CRMApp
import CRMStore
import Foundation

/// What a live screen takes from the person's config file and the command line:
/// `--theme` wins over the file's `"theme"`, which wins over the default.
struct ScreenConfig {
    var user: UserConfig
    var themes: ThemeCycle

    /// Read only by the screens, so a broken config file never stops the other commands.
    static func load(_ global: GlobalOptions, environment: [String: String]) throws -> ScreenConfig {
        let user: UserConfig
        do {
            user = try UserConfig.load(path: global.config, environment: environment)
        } catch {
            throw CLIError("config: \(error)")
        }
        do {
            return ScreenConfig(user: user, themes: try ThemeCycle.starting(with: global.theme ?? user.theme,
                                                                           environment: environment))
        } catch {
            // A theme the config file names is a mistake in that file: say where.
            guard global.theme == nil, let position = user.themePosition,
                  let file = global.config ?? UserConfig.defaultURL(environment: environment)?.path else {
                throw CLIError("theme: \(error)")
            }
            throw CLIError("config: " + LoadError(file: file, path: "theme", line: position.line,
                                                  column: position.column, message: "\(error)").description)
        }
    }
}
