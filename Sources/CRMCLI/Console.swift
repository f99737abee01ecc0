import CRMCore
import Foundation
import TerminalUI

/// Where a command's output and its view of the environment come from. The real
/// process uses stdout, stderr and `ProcessInfo`; in-process tests capture both.
///
/// Text for people goes through `write` and `error`, which sanitise it: titles, names and
/// messages that echo input come from data, and nothing in them may move the cursor, set
/// the window title or reorder a line on the terminal it is printed on. Formats for
/// programs (JSON, CSV, iCalendar, completion scripts) go through `writeExact`, or
/// `writeDocument` when a person may be reading them on a terminal.
public final class Console: @unchecked Sendable {
    public private(set) var out = ""
    public private(set) var err = ""
    public let environment: [String: String]
    /// Whether stdout is a terminal, where even a file format is read by a person.
    public let outputIsTerminal: Bool
    /// Whether stderr is a terminal, where a long command may show how far it is.
    public let errorIsTerminal: Bool
    /// Where a command without `--at` takes its moment from; tests pass a clock of their own.
    public let clock: any TimeSource
    private let captures: Bool

    /// `terminal` and `errorTerminal` say whether captured output and errors stand for a
    /// terminal's; the real ones ask `isatty`.
    public init(environment: [String: String], capture: Bool, terminal: Bool = false, errorTerminal: Bool = false,
                clock: any TimeSource = SystemTime()) {
        self.environment = environment
        self.clock = clock
        self.captures = capture
        self.outputIsTerminal = capture ? terminal : isatty(STDOUT_FILENO) == 1
        self.errorIsTerminal = capture ? errorTerminal : isatty(STDERR_FILENO) == 1
    }

    @TaskLocal public static var current = Console(environment: ProcessInfo.processInfo.environment, capture: false)

    /// Text for people, sanitised line by line.
    public func write(_ text: String) {
        writeExact(Self.readable(text))
    }

    /// Bytes for programs, exactly as given.
    public func writeExact(_ text: String) {
        if captures { out += text } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    /// A file format (CSV, iCalendar, JSON): exact to a pipe or file, sanitised on a terminal.
    public func writeDocument(_ text: String) {
        if outputIsTerminal { write(text) } else { writeExact(text) }
    }

    /// Messages for people on stderr, sanitised like `write`.
    public func error(_ text: String) {
        let text = Self.readable(text)
        if captures { err += text } else { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// How far a long command is, a line on stderr when it is a terminal; nothing at all into
    /// a file or a pipe, where it would only be noise in a log. Plain lines, not a line
    /// rewritten with carriage returns: nothing but text and line feeds reaches a terminal.
    public func progress(_ text: String) {
        guard errorIsTerminal else { return }
        error(text + "\n")
    }

    /// `text` with every line made safe by `Sanitizer.clean`, the dashboard's own rule; the
    /// line breaks stay (a CRLF counts as one), everything else a terminal would act on goes.
    static func readable(_ text: String) -> String {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) { return text }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            Sanitizer.clean(String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self))
        }.joined(separator: "\n")
    }
}

/// A refusal the user can act on: printed as `crmtop: MESSAGE` with exit code 1 (or 2 for usage).
public struct CLIError: Error, CustomStringConvertible {
    public var message: String
    public var code: Int32

    public init(_ message: String, code: Int32 = 1) {
        self.message = message
        self.code = code
    }

    public var description: String { message }
}
