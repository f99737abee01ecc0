import Foundation

/// A pseudo-terminal pair for a child to write to as if to a person's terminal.
enum PseudoTerminal {
    /// `controller` is read by the test; `terminal` becomes the child's stdout and stderr.
    static func open() -> (controller: Int32, terminal: Int32)? {
        var controller: Int32 = -1, terminal: Int32 = -1
        guard openpty(&controller, &terminal, nil, nil, nil) == 0 else { return nil }
        // The terminal's own output processing would turn each "\n" into "\r\n"; without
        // it the test reads exactly the bytes the program wrote.
        var settings = termios()
        tcgetattr(terminal, &settings)
        settings.c_oflag &= ~tcflag_t(OPOST)
        tcsetattr(terminal, TCSANOW, &settings)
        return (controller, terminal)
    }
}
