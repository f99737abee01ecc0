#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs the configured notify command for one message: `/bin/sh -c COMMAND`, the message's
/// fields in the environment, its JSON on standard input, standard output and error appended
/// to the notifier's log, never to a screen. A command that outlives its timeout is stopped,
/// with everything it started (it runs in a process group of its own).
struct NotifyProcess {
    var commandLine: String
    var timeout: TimeInterval

    /// Nil when the command succeeded (exit status 0); otherwise why not, for the log.
    func run(environment: [String: String], input: [UInt8], output: Int32) -> String? {
        guard let stdin = Self.inputFile(input) else { return "cannot make a file for its input: \(Self.errorText())" }
        defer { close(stdin) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        var merged = ProcessInfo.processInfo.environment
        for (name, value) in environment { merged[name] = value }
        let arguments: [String] = ["/bin/sh", "-c", commandLine]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = merged.sorted { $0.key < $1.key }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        guard spawned == 0 else { return "cannot start /bin/sh: \(String(cString: strerror(spawned)))" }
        return Self.wait(for: pid, timeout: timeout)
    }

    /// Waits for the command; stops its whole group when time is up.
    private static func wait(for pid: pid_t, timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var stoppedAt: Date?
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { return "lost track of the command: \(errorText())" }
            let now = Date()
            if stoppedAt == nil, now >= deadline {
                kill(-pid, SIGTERM)
                stoppedAt = now
            } else if let stoppedAt, now >= stoppedAt.addingTimeInterval(2) {
                kill(-pid, SIGKILL)
            }
            usleep(5_000)
        }
        if stoppedAt != nil { return "stopped after \(Int(timeout)) s, the timeout" }
        let signal = status & 0x7f
        if signal != 0 { return "killed by signal \(signal)" }
        let code = (status >> 8) & 0xff
        return code == 0 ? nil : "exit status \(code)"
    }

    /// The input in an unlinked temporary file: the command may read it or not, at its pace,
    /// and nothing can block or break a pipe.
    private static func inputFile(_ bytes: [UInt8]) -> Int32? {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/crmtop-notify-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        do throws(SaveError) {
            try AtomicFile.writeAll(fd, bytes, "the command's input")
        } catch {
            close(fd)
            return nil
        }
        lseek(fd, 0, SEEK_SET)
        return fd
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
