/// `T`: the next theme, at once. Not saved: the config file's `"theme"` (or `--theme`)
/// chooses the one a screen starts with.
enum ThemeKeys {
    static func next(_ state: inout AppState) -> [Effect] {
        let count = state.themes.entries.count
        guard count > 1, let entry = state.themes.advance() else {
            ReminderActions.note(&state, "No other themes to try (crmtop themes lists them)")
            return []
        }
        ReminderActions.note(&state, "Theme: \(entry.name) (\(state.themes.current + 1) of \(count); "
                             + "\"theme\" in config.json keeps one)")
        return [.setPalette(entry.palette)]
    }
}
