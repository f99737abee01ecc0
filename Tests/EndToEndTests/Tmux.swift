import Foundation

/// Drives the real `crmtop` binary in a real terminal: a private tmux server per test.
final class Tmux {
    let socket = "crmtop-e2e-\(UUID().uuidString.prefix(8))"
    let session = "t"

    /// The binary built next to the test bundle.
    static var binary: URL { built("crmtop") }

    /// A program of this package, built next to the test bundle.
    static func built(_ name: String) -> URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return exe.deletingLastPathComponent().appendingPathComponent(name)
    }

    static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `capture` must stay off for commands that may start the server: the server would
    /// inherit the pipe and reading it would never end.
    @discardableResult
    func tmux(_ args: [String], capture: Bool = true) -> (status: Int32, output: String) {
        Subprocess.run(["tmux", "-L", socket] + args, capture: capture,
                       environment: ["LANG": "C.UTF-8", "TMUX": nil])
    }

    /// Starts `arguments` as the only pane; the pane stays after the program exits so
    /// its exit status and the terminal's state can be inspected.
    /// `environment` adds to or replaces the pane's `LANG`, `TERM` and (empty) `NO_COLOR`;
    /// `launcher` runs the binary (e.g. `setpriv` to run it as another user); `afterwards` is
    /// a shell command run in the pane once the program has exited.
    func start(_ arguments: [String], width: Int = 120, height: Int = 40, term: String = "xterm-256color",
               environment: [String: String] = [:], launcher: [String] = [], afterwards: String? = nil) {
        // The shell records the exit status in a file: tmux's own record of it is not
        // reliable when the machine is busy.
        // Ctrl-C reaches the whole foreground group, so the shell ignores it to live on
        // and write the status.
        // Exported by the shell: tmux gives every pane its `default-terminal` as TERM,
        // whatever `new-session -e` asks for.
        let variables = ["LANG": "C.UTF-8", "TERM": term, "NO_COLOR": ""].merging(environment) { $1 }
        let exports = variables.sorted { $0.key < $1.key }.map { "export \($0.key)=\(shellQuote($0.value)); " }
        let command = "trap '' INT QUIT; " + exports.joined()
            + (launcher + [Self.binary.path] + arguments).map(shellQuote).joined(separator: " ")
            + "; echo $? > " + shellQuote(statusFile.path) + (afterwards.map { "; " + $0 } ?? "")
        tmux(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
              "sh", "-c", command], capture: false)
        tmux(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    func send(_ keys: String...) { tmux(["send-keys", "-t", session] + keys) }

    func screen() -> String { tmux(["capture-pane", "-p", "-t", session]).output }

    /// The screen with the escape codes tmux would use to draw it again.
    func styledScreen() -> String { tmux(["capture-pane", "-e", "-p", "-t", session]).output }

    func query(_ format: String) -> String {
        tmux(["display-message", "-p", "-t", session, format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    let statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-e2e-\(UUID().uuidString)")

    /// crmtop's pid: the only child of the pane's shell.
    var pid: Int32 {
        let shell = query("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return Int32(children.split(separator: " ").first ?? "") ?? 0
    }

    var isDead: Bool { query("#{pane_dead}") == "1" }

    var exitStatus: Int32? {
        (try? String(contentsOf: statusFile, encoding: .utf8)).flatMap {
            Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
    var alternateScreenOn: Bool { query("#{alternate_on}") == "1" }

    /// Polls until `condition` holds; false if it never does (see `eventually`).
    func wait(until condition: () -> Bool) -> Bool {
        eventually(condition)
    }

    /// The program's exit status once tmux has collected it (the pane can read as dead
    /// a moment before its status is known).
    func waitForExit() -> Int32? {
        _ = wait { exitStatus != nil }
        return exitStatus
    }

    func waitFor(_ text: String) -> Bool {
        wait { screen().contains(text) }
    }

    func close() {
        tmux(["kill-server"])
        try? FileManager.default.removeItem(at: statusFile)
    }

    private func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
