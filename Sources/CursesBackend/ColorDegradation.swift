import TerminalUI

/// The curses screen's own degradation, offered to code that writes escape sequences
/// itself (`crmtop themes`) and to tests that check a theme stays readable on small
/// palettes. One mapping for both, so a preview never promises what the screen won't show.
public enum ColorDegradation {
    /// The palette index a terminal with `colors` colours (8, 16 or 256) shows for
    /// `color`, or -1 for the terminal's own foreground or background.
    public static func index(of color: TermColor, colors: Int) -> Int {
        precondition(colors < 1 << 24, "direct-colour terminals number colours by RGB, not by index")
        return Int(ColorMapper(colors: colors).number(for: color))
    }
}
