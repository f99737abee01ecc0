public enum Key: Equatable, Hashable, Sendable {
    case char(Character)
    /// Ctrl plus a letter, lower-case (`.ctrl("c")`).
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
}

public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    /// The wait ended without input: its time ran out, or the descriptor it was also
    /// waiting on became readable.
    case idle
    /// A termination signal arrived (SIGINT, SIGTERM, SIGHUP, SIGQUIT).
    case signal(Int32)
    /// A click or a turn of the wheel, where the terminal reports them.
    case mouse(MouseEvent)
}

/// What the runtime needs from a terminal. ncurses implements it for people,
/// `InMemoryBackend` for tests.
public protocol TerminalBackend: AnyObject {
    var size: Size { get }
    func setPalette(_ palette: Palette)
    func present(_ buffer: CellBuffer)
    /// Waits at most `timeoutMilliseconds` for input, or until `descriptor` (when given) is
    /// readable; `.idle` when no input came. The caller reads the descriptor itself.
    func readEvent(timeoutMilliseconds: Int, wakingOn descriptor: Int32?) -> TerminalEvent
    func bell()
    /// Restores the terminal. Safe to call more than once.
    func shutdown()
}

extension TerminalBackend {
    /// Waits for input only.
    public func readEvent(timeoutMilliseconds: Int) -> TerminalEvent {
        readEvent(timeoutMilliseconds: timeoutMilliseconds, wakingOn: nil)
    }
}
