/// Why the interactive terminal could not be started. Nothing on screen has
/// changed when this is thrown, so the message can simply be printed.
public enum TerminalOpenError: Error, Equatable, Sendable, CustomStringConvertible {
    case inputNotATerminal
    case outputNotATerminal
    case termNotSet
    /// No terminfo entry for this `TERM`, or one too limited for a full-screen view.
    case unknownTerminal(String)
    /// A second terminal was opened while one is still active.
    case alreadyOpen
    /// `sigaction` failed; carries `errno`.
    case signalSetupFailed(Int32)

    public var description: String {
        switch self {
        case .inputNotATerminal:
            "standard input is not a terminal; the interactive view needs one"
        case .outputNotATerminal:
            "standard output is not a terminal (redirected to a file or a pipe?); "
                + "the interactive view needs one"
        case .termNotSet:
            "TERM is not set, so the terminal type is unknown; set it, e.g. TERM=xterm-256color"
        case .unknownTerminal(let term):
            "the terminal type TERM=\(term) is unknown here or too limited for a full-screen view; "
                + "try TERM=xterm-256color"
        case .alreadyOpen:
            "the terminal is already open"
        case .signalSetupFailed(let code):
            "could not install signal handlers (errno \(code))"
        }
    }
}
