import Foundation
import TerminalUI

/// The themes `T` steps through on a live screen, and which one is on. Built once at
/// start, so trying themes never reads files while the screen runs.
public struct ThemeCycle: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var palette: Palette

        public init(name: String, palette: Palette) {
            self.name = name
            self.palette = palette
        }
    }

    public var entries: [Entry]
    public var current: Int

    public init(entries: [Entry] = [], current: Int = 0) {
        self.entries = entries
        self.current = current
    }

    public var currentEntry: Entry? { entries.indices.contains(current) ? entries[current] : nil }

    /// Moves on to the next theme, round to the first after the last.
    public mutating func advance() -> Entry? {
        guard !entries.isEmpty else { return nil }
        current = (current + 1) % entries.count
        return entries[current]
    }

    /// The theme `--theme` (or the config file) chose, `name` nil for the default, then
    /// every other theme that loads, by name: the person's own and the shipped ones.
    /// A broken theme file stays out of the cycle (`crmtop themes` says what is wrong).
    /// Throws when the chosen theme itself cannot be used.
    public static func starting(with name: String?, environment: [String: String]) throws -> ThemeCycle {
        let first = try ThemeLoader.palette(named: name, environment: environment)
        let wanted = name ?? ThemeLoader.defaultName(environment)
        let wantedPath = ThemeLoader.isPath(wanted) ? URL(fileURLWithPath: wanted).standardizedFileURL.path : nil
        var entries: [Entry] = []
        var current: Int?
        for entry in ThemeLoader.catalog(environment: environment) {
            guard let theme = try? entry.theme.get() else { continue }
            if wantedPath.map({ $0 == entry.url.standardizedFileURL.path }) ?? (entry.name == wanted) {
                current = entries.count
            }
            entries.append(Entry(name: entry.name, palette: theme.palette))
        }
        if let current { return ThemeCycle(entries: entries, current: current) }
        // A file outside the theme folders, or the built-in fallback when there are none.
        let label = wantedPath.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? wanted
        return ThemeCycle(entries: [Entry(name: label, palette: first)] + entries, current: 0)
    }
}
