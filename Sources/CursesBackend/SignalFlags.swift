import CTerminalGuard

/// The flag-only signal handlers (INT, TERM, HUP, QUIT) for loops that run without a
/// terminal, such as the headless notifier: a blocking call returns early when one arrives,
/// and the loop asks which it was.
public enum SignalFlags {
    /// False when the handlers could not be installed.
    public static func install() -> Bool { ctg_install() == 0 }

    public static func uninstall() { ctg_uninstall() }

    /// The termination signal that arrived since the last call, or 0.
    public static func take() -> Int32 { ctg_take_signal() }
}
