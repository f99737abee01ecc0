import Foundation

/// Runs a program and waits for it with `posix_spawn` and `waitpid`. Foundation's
/// `Process` can miss the exit of a child whose own child (the tmux server) lives on,
/// and then waits forever.
enum Subprocess {
    /// A started program whose output (stdout and stderr together) is read at the end.
    struct Child {
        let pid: pid_t
        let output: Int32

        func kill(_ signal: Int32) { Foundation.kill(pid, signal) }

        /// Reads the output to its end, then reaps the child.
        func wait() -> (status: Int32, output: String) {
            let result = waitForBytes()
            return (result.status, String(decoding: result.output, as: UTF8.self))
        }

        /// The output exactly as written, for tests that look at every byte. A terminal's
        /// read ends with EIO once the child and its children have closed it.
        func waitForBytes() -> (status: Int32, output: [UInt8]) {
            var output: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(self.output, &buffer, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                output += buffer[..<n]
            }
            close(self.output)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            return (code, output)
        }
    }

    @discardableResult
    static func run(_ arguments: [String], capture: Bool = true, environment changes: [String: String?] = [:],
                    executable: String? = nil) -> (status: Int32, output: String) {
        switch start(arguments, capture: capture, environment: changes, executable: executable) {
        case .success(let child): child.wait()
        case .failure(let message): (-1, message.text)
        }
    }

    struct Failure: Error { let text: String }

    private static let spawning = NSLock()

    /// Where the child's stdout and stderr go: a pipe read by `Child.wait`, nowhere, or a
    /// pseudo-terminal whose other side `Child.wait` reads, so the child's `isatty` says yes.
    enum Output { case pipe, discard, terminal }

    static func start(_ arguments: [String], capture: Bool = true, environment changes: [String: String?] = [:],
                      executable: String? = nil) -> Result<Child, Failure> {
        start(arguments, output: capture ? .pipe : .discard, environment: changes, executable: executable)
    }

    static func start(_ arguments: [String], output: Output, environment changes: [String: String?] = [:],
                      executable: String? = nil) -> Result<Child, Failure> {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in changes { env[key] = value }
        // Suites run in parallel: a program another thread starts meanwhile (a tmux server
        // that lives on) must not inherit this pipe's write end, or reading the pipe would
        // never see its end. So the ends are close-on-exec, and set so under a lock that
        // every start takes.
        spawning.lock()
        defer { spawning.unlock() }
        var fds: [Int32] = [0, 0]
        if output == .terminal {
            guard let ends = PseudoTerminal.open() else { return .failure(Failure(text: "cannot open a pseudo-terminal")) }
            fds = [ends.controller, ends.terminal]
        } else {
            guard pipe(&fds) == 0 else { return .failure(Failure(text: "pipe failed")) }
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if output != .discard {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The test runner's threads block signals; children must not inherit that, or a
        // SIGTERM sent to the program under test would never arrive.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = executable.map { posix_spawn(&pid, $0, &actions, &attributes, argv, envp) }
            ?? posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            return .failure(Failure(text: "cannot start \(arguments[0]): \(String(cString: strerror(rc)))"))
        }
        return .success(Child(pid: pid, output: fds[0]))
    }
}
