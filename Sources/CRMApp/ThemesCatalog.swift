import Foundation

/// A theme file `--theme NAME` can find, and what came of reading it.
public struct ThemeEntry: Sendable {
    public enum Origin: String, Sendable {
        /// In the user's own theme folder.
        case user
        /// Installed with crmtop, in a themes folder.
        case shipped
        /// Inside the crmtop binary itself, where no folder has one of that name.
        case builtIn = "built in"
        /// Named by its path.
        case file
    }

    /// What `--theme` takes: the file name without `.json`.
    public var name: String
    public var url: URL
    public var origin: Origin
    /// Whether a user theme of the same name hides this shipped one.
    public var overrides: Bool
    public var theme: Result<Theme, ThemeError>
}

extension ThemeLoader {
    /// Every theme name, once, as `--theme NAME` resolves it, sorted by name. A broken
    /// file is listed too, with its error, so people learn why it is never chosen.
    public static func catalog(environment: [String: String]) -> [ThemeEntry] {
        let user = userDirectory(environment)
        var seen: [String: ThemeEntry] = [:]
        for dir in searchDirectories(environment) {
            let origin: ThemeEntry.Origin = dir == user ? .user : .shipped
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".json") {
                let name = String(file.dropLast(".json".count))
                // Search order decides, as it does for `locate`; a later folder only
                // tells us that the earlier file hides another.
                if seen[name] != nil {
                    if origin == .shipped && seen[name]?.origin == .user { seen[name]?.overrides = true }
                    continue
                }
                let url = dir.appendingPathComponent(file)
                seen[name] = ThemeEntry(name: name, url: url, origin: origin, overrides: false,
                                        theme: Result { try load(url) }.mapError(themeError(url)))
            }
        }
        for file in BuiltInThemes.files {
            if seen[file.name] != nil {
                if seen[file.name]?.origin == .user { seen[file.name]?.overrides = true }
                continue
            }
            seen[file.name] = ThemeEntry(name: file.name, url: builtInURL(file.name), origin: .builtIn, overrides: false,
                                         theme: Result { try builtIn(file.name)! }.mapError(themeError(builtInURL(file.name))))
        }
        return seen.values.sorted { $0.name < $1.name }
    }

    /// What `--theme NAME|PATH` would use, or nil when nothing by that name exists.
    public static func entry(_ name: String, environment: [String: String]) -> ThemeEntry? {
        guard isPath(name) else { return catalog(environment: environment).first { $0.name == name } }
        let url = URL(fileURLWithPath: name)
        return ThemeEntry(name: url.deletingPathExtension().lastPathComponent, url: url, origin: .file,
                          overrides: false, theme: Result { try load(url) }.mapError(themeError(url)))
    }

    private static func themeError(_ url: URL) -> (any Error) -> ThemeError {
        { error in
            error as? ThemeError ?? ThemeError(file: url.path, position: nil, field: "", message: "\(error)")
        }
    }
}
