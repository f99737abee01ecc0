/// `T`: the next theme, at once. Not saved: the config file's `"theme"` (or `--theme`)
/// chooses the one a screen starts with.
public enum ThemeKeys {
    /// At start: says which roles the theme in use has no style for, if any.
    public static func noteMissingRoles(_ state: inout AppState) {
        guard let entry = state.themes.currentEntry,
              let note = ThemeLoader.missingRolesNote(theme: entry.name, entry.palette) else { return }
        ReminderActions.note(&state, note)
    }

    static func next(_ state: inout AppState) -> [Effect] {
        let count = state.themes.entries.count
        guard count > 1, let entry = state.themes.advance() else {
            ReminderActions.note(&state, "No other themes to try (crmtop themes lists them)")
            return []
        }
        let missing = ThemeLoader.missingRolesNote(theme: entry.name, entry.palette).map { "; " + $0 } ?? ""
        ReminderActions.note(&state, "Theme: \(entry.name) (\(state.themes.current + 1) of \(count); "
                             + "\"theme\" in config.json keeps one)\(missing)")
        return [.setPalette(entry.palette)]
    }
}
