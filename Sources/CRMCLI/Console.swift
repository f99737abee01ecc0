import Foundation

/// Where a command's output and its view of the environment come from. The real
/// process uses stdout, stderr and `ProcessInfo`; in-process tests capture both.
public final class Console: @unchecked Sendable {
    public private(set) var out = ""
    public private(set) var err = ""
    public let environment: [String: String]
    private let captures: Bool

    public init(environment: [String: String], capture: Bool) {
        self.environment = environment
        self.captures = capture
    }

    @TaskLocal public static var current = Console(environment: ProcessInfo.processInfo.environment, capture: false)

    public func write(_ text: String) {
        if captures { out += text } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    public func error(_ text: String) {
        if captures { err += text } else { FileHandle.standardError.write(Data(text.utf8)) }
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
