import CNcursesw
import CTerminalGuard
import TerminalUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal for people, on ncursesw.
///
/// ncurses is not thread-safe. The class is deliberately not `Sendable`, so the
/// compiler keeps every call in the isolation domain that opened it.
///
/// When `readEvent` returns `.signal(n)`, the caller should save what it must,
/// call `shutdown()` and exit with status `128 + n`.
public final class CursesTerminal: TerminalBackend {
    /// Whether the locale's codeset is UTF-8. When false, non-ASCII text is drawn
    /// as `?`, so callers should pick ASCII borders and marks.
    public let isUTF8: Bool
    /// Colours in use: 0 when the terminal has none or `NO_COLOR` is set, and
    /// styles then keep only their attributes (pick a monochrome theme).
    public let colorCount: Int
    public internal(set) var size: Size

    var screen: OpaquePointer?
    let window: UnsafeMutablePointer<WINDOW>
    var styles: StyleResolver
    /// What the screen shows now; nil forces the next frame to draw every cell.
    var lastPresented: CellBuffer?

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, isUTF8: Bool,
                 colors: Int, pairs: Int, defaultColorsWork: Bool) {
        self.screen = screen
        self.window = window
        self.isUTF8 = isUTF8
        colorCount = colors
        styles = StyleResolver(colors: colors, pairs: pairs, defaultColorsWork: defaultColorsWork)
        size = Size(width: Int(cn_getmaxx(window)), height: Int(cn_getmaxy(window)))
    }

    /// Starts curses on the controlling terminal. Throws, leaving the screen untouched,
    /// when stdin or stdout is not a terminal or `TERM` is unset, unknown or too limited.
    /// With `mouse`, clicks and the wheel arrive as `.mouse` events where the terminal
    /// reports them; without it the terminal keeps the mouse for selecting text.
    public static func open(mouse: Bool = false) throws -> CursesTerminal {
        guard ctg_curses_active() == 0 else { throw TerminalOpenError.alreadyOpen }
        guard isatty(STDIN_FILENO) == 1 else { throw TerminalOpenError.inputNotATerminal }
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalOpenError.outputNotATerminal }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalOpenError.termNotSet
        }

        // Without the locale, ncursesw treats every byte above 127 as a separate glyph.
        setlocale(LC_ALL, "")
        let isUTF8 = cn_codeset_is_utf8() != 0
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false

        // Before newterm, so ncurses sees our handlers and does not install its own
        // SIGINT/SIGTERM ones (which call exit without letting the app save).
        guard ctg_install() == 0 else { throw TerminalOpenError.signalSetupFailed(errno) }
        // initscr would print an error and exit the process on a bad TERM.
        guard let screen = newterm(nil, cn_stdout(), cn_stdin()), let window = cn_stdscr() else {
            ctg_uninstall()
            throw TerminalOpenError.unknownTerminal(term)
        }
        guard cn_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            ctg_uninstall()
            throw TerminalOpenError.unknownTerminal(term)
        }
        ctg_set_curses_active(1)
        // Anything written to stderr now would land on the screen; it is shown after shutdown.
        _ = ctg_capture_stderr()

        // cbreak rather than raw: Ctrl-Z and Ctrl-\ keep working, Ctrl-C becomes SIGINT.
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)
        curs_set(0)
        disableFlowControl()
        // The default second makes Esc feel dead; a user's own ESCDELAY wins.
        if getenv("ESCDELAY") == nil { set_escdelay(25) }

        if mouse { enableMouse() }

        var colors = 0, pairs = 0, defaultColorsWork = false
        if !noColor && has_colors() && start_color() == cn_OK() {
            // Keeps the terminal's own background instead of painting a black box.
            defaultColorsWork = use_default_colors() == cn_OK()
            colors = Int(cn_COLORS())
            pairs = Int(cn_COLOR_PAIRS())
        }
        return CursesTerminal(screen: screen, window: window, isUTF8: isUTF8, colors: colors,
                              pairs: pairs, defaultColorsWork: defaultColorsWork)
    }

    /// Ctrl-S and Ctrl-Q are keys here (a form's Ctrl-S moves a time to working hours), not
    /// XOFF and XON: with the terminal's flow control on, one Ctrl-S stops all output until
    /// Ctrl-Q, and a wall display freezes. cbreak leaves it on; ncurses records the mode
    /// without it as the program's, and endwin puts the user's own back.
    private static func disableFlowControl() {
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
        mode.c_iflag &= ~tcflag_t(IXON | IXOFF)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &mode) == 0 else { return }
        def_prog_mode()
    }

    deinit { shutdown() }

    public func setPalette(_ palette: Palette) {
        styles.setPalette(palette)
        lastPresented = nil
    }

    public func bell() {
        guard screen != nil else { return }
        beep()
    }

    public func shutdown() {
        guard let screen else { return }
        self.screen = nil
        lastPresented = nil
        curs_set(1)
        endwin()
        ctg_set_curses_active(0)
        ctg_release_stderr()
        delscreen(screen)
        ctg_uninstall()
    }
}
