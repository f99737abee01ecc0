import CRMStore
import Foundation
import TerminalUI

/// One person's preferences for the screens, from `config.json` in their config folder:
///
/// ```json
/// {
///   "theme": "solarized-dark",
///   "mouse": false,
///   "keys": { "quit": "Q", "down": ["j", "Down"], "cases": { "resolve": "X" } }
/// }
/// ```
///
/// Personal, unlike the data directory the team shares; only the dashboard and the
/// wall display read it.
public struct UserConfig: Equatable, Sendable {
    /// A theme name or path, used when `--theme` is not given.
    public var theme: String?
    /// Where `theme` was written, for an error when no such theme exists.
    public var themePosition: TextPosition?
    /// Clicks and the wheel on the dashboard (where the terminal reports them).
    public var mouse = true
    /// The key table with the person's own keys in place.
    public var keyBindings = KeyMap.bindings

    public init() {}

    public static let fileName = "config.json"

    /// `$XDG_CONFIG_HOME/crmtop/config.json`, else `~/.config/crmtop/config.json`.
    public static func defaultURL(environment: [String: String]) -> URL? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("crmtop/" + fileName)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".config/crmtop/" + fileName)
        }
        return nil
    }

    /// The file given (`--config`), which must exist, else the default one if there is one.
    public static func load(path: String?, environment: [String: String]) throws(LoadError) -> UserConfig {
        let url: URL
        if let path {
            url = URL(fileURLWithPath: path)
        } else {
            guard let found = defaultURL(environment: environment),
                  FileManager.default.fileExists(atPath: found.path) else { return UserConfig() }
            url = found
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LoadError(file: url.path, message: "cannot read the file")
        }
        return try parse([UInt8](data), file: url.path)
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(LoadError) -> UserConfig {
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(bytes)
        } catch {
            let at = TextPosition(of: error.offset, in: bytes)
            throw LoadError(file: file, line: at.line, column: at.column, message: error.message)
        }
        let fail = { (value: JSONValue, field: String, message: String) -> LoadError in
            LoadError(file: file, path: field, line: value.position.line, column: value.position.column,
                      message: message)
        }
        let root = document.root
        guard root.kind == .object else { throw fail(root, "", "a config file is a JSON object") }
        var config = UserConfig()
        for (key, value) in root.members {
            switch key.string ?? "" {
            case "theme":
                guard let name = value.string, !name.isEmpty else {
                    throw fail(value, "theme", "expected a theme name or a path to a theme file")
                }
                config.theme = name
                config.themePosition = value.position
            case "mouse":
                guard let on = value.bool else { throw fail(value, "mouse", "expected true or false") }
                config.mouse = on
            case "keys":
                var reader = KeyBindingsReader(fail: fail)
                config.keyBindings = try reader.read(value)
            case let other:
                throw fail(key, other, "unknown setting; a config file has theme, mouse and keys")
            }
        }
        return config
    }
}
