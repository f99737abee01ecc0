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
        var entries = ThemeLoader.catalog(environment: environment).compactMap { entry in
            (try? entry.theme.get()).map { Entry(name: entry.name, palette: $0.palette) }
        }
        let label = ThemeLoader.isPath(wanted) ? URL(fileURLWithPath: wanted).lastPathComponent : wanted
        if let index = entries.firstIndex(where: { $0.name == wanted && $0.palette == first }) {
            return ThemeCycle(entries: entries, current: index)
        }
        entries.insert(Entry(name: label, palette: first), at: 0)
        return ThemeCycle(entries: entries, current: 0)
    }
}
