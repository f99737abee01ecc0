#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CRMCore
import Foundation

/// Runs the configured notify command for one message: `/bin/sh -c COMMAND`, the message's
/// fields in the environment, its JSON on standard input, standard output and error through a
/// pipe to the notifier's log, never to a screen. A command that outlives its timeout is
/// stopped, with everything it started (it runs in a process group of its own).
struct NotifyProcess {
    /// How much of one command's output the log keeps; the rest is read and dropped, so a
    /// chatty command can neither fill the disk nor block on a full pipe.
    static let outputLimit = 64 << 10

    struct Outcome: Equatable {
        /// Nil when the command succeeded (exit status 0); otherwise why not, for the log.
        var failure: String?
        /// Output past `outputLimit`, read and not kept.
        var droppedBytes = 0
    }

    var commandLine: String
    var timeout: TimeInterval

    func run(environment: [String: String], input: [UInt8], log: NotifyLog) -> Outcome {
        guard let stdin = Self.inputFile(input) else {
            return Outcome(failure: "cannot make a file for its input: \(Self.errorText())")
        }
        defer { close(stdin) }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return Outcome(failure: "cannot make a pipe for its output: \(Self.errorText())") }
        // Close-on-exec, so no other program started meanwhile holds the pipe; the command's
        // own copies are made by dup2, which clears it.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
        defer { close(ends[0]) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 2)

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
        // Only the command holds the write end now: the pipe ends when it and what it started do.
        close(ends[1])
        guard spawned == 0 else { return Outcome(failure: "cannot start /bin/sh: \(String(cString: strerror(spawned)))") }
        var output = CommandOutput(fd: ends[0], log: log)
        let failure = Self.wait(for: pid, timeout: timeout, output: &output)
        return Outcome(failure: failure, droppedBytes: output.dropped)
    }

    /// Waits for the command, taking its output as it comes; stops its whole group when time
    /// is up. The time is the monotonic clock's: setting the system clock neither stops a
    /// command early nor lets one run on.
    private static func wait(for pid: pid_t, timeout: TimeInterval, output: inout CommandOutput) -> String? {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(timeout))
        var status: Int32 = 0
        var stoppedAt: ContinuousClock.Instant?
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { return "lost track of the command: \(errorText())" }
            let now = clock.now
            if stoppedAt == nil, now >= deadline {
                kill(-pid, SIGTERM)
                stoppedAt = now
            } else if let stoppedAt, now >= stoppedAt.advanced(by: .seconds(2)) {
                kill(-pid, SIGKILL)
            }
            output.take(waitingUpTo: 5)
        }
        // What it wrote before it ended is still in the pipe. Anything it left running and
        // writing on finds the pipe closed: the log is for the command, not what outlives it.
        output.takeWhatIsThere()
        if stoppedAt != nil { return "stopped after \(DurationText.format(timeout)), the timeout" }
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
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
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

/// A command's output on its way to the log, read as it comes: the first
/// `NotifyProcess.outputLimit` bytes kept, the rest counted and dropped.
private struct CommandOutput {
    let fd: Int32
    let log: NotifyLog
    private(set) var kept = 0, dropped = 0
    /// False once every writer has closed its end.
    private var open = true
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    init(fd: Int32, log: NotifyLog) {
        self.fd = fd
        self.log = log
    }

    /// Waits for output up to `milliseconds` and takes it.
    mutating func take(waitingUpTo milliseconds: Int32) {
        guard open else {
            usleep(UInt32(milliseconds) * 1000)
            return
        }
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if poll(&ready, 1, milliseconds) > 0 { takeWhatIsThere() }
    }

    /// Reads what the pipe holds, without waiting. A pipe holds 64 KiB, so a few reads empty
    /// it; stopping after them keeps a command that writes without end from holding up the
    /// watch on its time.
    mutating func takeWhatIsThere() {
        var reads = 0
        while open && reads < 16 {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EAGAIN { return }
            guard n > 0 else {
                open = false
                return
            }
            reads += 1
            let kept = min(n, NotifyProcess.outputLimit - self.kept)
            if kept > 0 { log.append(output: buffer[..<kept]) }
            self.kept += kept
            dropped += n - kept
        }
    }
}
