#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CRMCore
import Foundation

/// Gets an account's password at the moment of a sync, from where the account says it is.
/// Nothing here keeps it: it goes into the login of one run's exchanges and nowhere else.
public enum AccountPassword {
    /// How long a password command may take: long enough to type a passphrase into a
    /// pinentry prompt, short enough that a hung command does not hang a sync for good.
    public static let commandTimeout: TimeInterval = 120

    public static func read(_ account: CalendarAccount) throws(AccountPasswordError) -> String {
        switch account.password {
        case .command(let command): try fromCommand(command, account: account.name)
        case .file(let path): try fromFile(path, account: account.name)
        }
    }

    /// The first line of the file, which must be a regular file of this user's that nobody
    /// else may read: a password in a group- or world-readable file is not a secret.
    public static func fromFile(_ path: String, account: String) throws(AccountPasswordError) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        var info = stat()
        guard lstat(expanded, &info) == 0 else {
            throw AccountPasswordError(account: account, problem: "cannot read the password file \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw AccountPasswordError(account: account, problem: "the password file \(path) is not a regular file")
        }
        guard info.st_uid == geteuid() else {
            throw AccountPasswordError(account: account, problem: "the password file \(path) belongs to someone else")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw AccountPasswordError(
                account: account,
                problem: "the password file \(path) may be read by others (mode \(String(mode, radix: 8))): "
                    + "make it yours only with chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw AccountPasswordError(account: account, problem: "cannot read the password file \(path)")
        }
        return try firstLine(data, account: account, from: "the password file \(path)")
    }

    /// The first line the command prints. Its errors and prompts go to the terminal as they
    /// come (pass and gpg ask there); its output is never shown.
    public static func fromCommand(_ command: String, account: String,
                                   timeout: TimeInterval = commandTimeout) throws(AccountPasswordError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw AccountPasswordError(account: account, problem: "cannot start the password command: \(error.localizedDescription)")
        }
        let collected = Collected()
        let reader = Thread { collected.set(output.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(timeout))
        while process.isRunning && clock.now < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw AccountPasswordError(account: account,
                                       problem: "the password command gave no answer within \(Int(timeout)) seconds")
        }
        process.waitUntilExit()
        let data = collected.wait()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw AccountPasswordError(account: account,
                                       problem: "the password command failed (exit status \(process.terminationStatus))")
        }
        return try firstLine(data, account: account, from: "the password command")
    }

    private static func firstLine(_ data: Data, account: String, from source: String) throws(AccountPasswordError) -> String {
        let text = String(decoding: data, as: UTF8.self)
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let password = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        guard !password.isEmpty else { throw AccountPasswordError(account: account, problem: "\(source) gave an empty password") }
        return password
    }
}

public struct AccountPasswordError: Error, Equatable, CustomStringConvertible {
    public var account: String
    public var problem: String
    public var description: String { "calendar account \(account): \(problem)" }
}

/// The command's whole output, handed from the thread that reads it.
private final class Collected: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ data: Data) {
        self.data = data
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
