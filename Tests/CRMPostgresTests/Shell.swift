#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Runs `/bin/sh -c` with posix_spawn and waitpid. Foundation's `Process.waitUntilExit` was
/// seen to wait for ever on a child that had exited when called from Swift Testing's pool,
/// and a pipe would be held open by anything the command leaves running (a server), so the
/// output goes to a file that is read once the shell has exited.
enum Shell {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    @discardableResult
    static func run(_ command: String) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-sh-\(UUID().uuidString)").path
        defer { unlink(output) }
        let pid = try spawn("exec </dev/null >'\(output)' 2>&1; \(command)")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited && code == 0 else { throw Failure("\(command): exit status \(status): \(text)") }
        return text
    }

    /// Starts the command without waiting for it: it outlives nothing but is never waited for.
    static func start(_ command: String) throws {
        _ = try spawn("exec </dev/null >/dev/null 2>&1; \(command)")
    }

    private static func spawn(_ command: String) throws -> pid_t {
        var pid: pid_t = 0
        let args = ["/bin/sh", "-c", command]
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        let result = posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ)
        guard result == 0 else { throw Failure("posix_spawn: \(String(cString: strerror(result)))") }
        return pid
    }
}
