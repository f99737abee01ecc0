import Foundation
import Testing

/// A wall runs for weeks while people attach to its tmux session, leave it, and change
/// the window's size. A real tmux client attaches from a second tmux server, which gives
/// it a terminal of its own.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct WallTerminalTests {
    let at = "2026-11-23T10:00:00Z"

    @Test func detachReattachAndResizeKeepTheWallRunningAndLaidOut() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(runCrmtop(["demo", dir.path, "--at", at]) == 0)
        let wall = Tmux()
        defer { wall.close() }
        wall.start(["wall", "--data", dir.path, "--at", at], width: 200, height: 50)
        try expectLaidOut(wall, dir)
        let pid = wall.pid
        #expect(pid > 0)

        // Someone attaches from a smaller terminal: the window follows the client's size.
        let viewer = Tmux()
        defer { viewer.close() }
        attach(viewer, to: wall, width: 120, height: 40, name: "first")
        #expect(wall.wait { wall.query("#{session_attached}") == "1" && windowSize(wall) != (200, 50) },
                "\(windowSize(wall))")
        try expectLaidOut(wall, dir)
        #expect(viewer.wait { clientScreen(viewer, "first").contains("REMINDERS DUE") }, "\(clientScreen(viewer, "first"))")

        // They detach; the wall carries on without a client, and follows a resize meanwhile.
        wall.tmux(["detach-client", "-s", wall.session])
        #expect(wall.wait { wall.query("#{session_attached}") == "0" })
        wall.tmux(["resize-window", "-t", wall.session, "-x", "200", "-y", "50"])
        try expectLaidOut(wall, dir)
        #expect(isRunning(pid))

        // Someone attaches again and the window is made small: the client shows the wall as drawn.
        attach(viewer, to: wall, width: 110, height: 32, name: "second")
        #expect(wall.wait { wall.query("#{session_attached}") == "1" })
        wall.tmux(["resize-window", "-t", wall.session, "-x", "100", "-y", "30"])
        try expectLaidOut(wall, dir)
        // What the client shows is what the wall drew (compared at the same moment: the
        // panes take turns on a screen this small).
        var shown: [String] = [], drawn: [String] = []
        #expect(viewer.wait {
            drawn = Array(lines(wall.screen()).prefix(30))
            shown = lines(clientScreen(viewer, "second")).prefix(30).map { trimmed($0.prefix(100)) }
            return shown == drawn
        }, "client:\n\(shown.joined(separator: "\n"))\nwall:\n\(drawn.joined(separator: "\n"))")
        #expect(wall.pid == pid && isRunning(pid))
        #expect(!wall.isDead)

        wall.send("q")
        #expect(wall.waitForExit() == 0)
        #expect(!wall.alternateScreenOn)
    }

    /// When its terminal goes away for good the kernel hangs up on it: it must end, not
    /// spin on a terminal nobody reads.
    @Test func closingItsTerminalEndsTheWall() throws {
        let wall = Tmux()
        defer { wall.close() }
        wall.start(["wall", "--demo", "--at", at], width: 120, height: 40)
        #expect(wall.waitFor("REMINDERS DUE"), "\(wall.screen())")
        let pid = wall.pid
        #expect(pid > 0)
        wall.tmux(["kill-session", "-t", wall.session])
        #expect(wall.wait { !isRunning(pid) }, "crmtop \(pid) still runs after its terminal closed")
    }

    /// The screen once it shows the wall at the window's current size. Rows that do not
    /// depend on the moment (the labels under the big digits, the footer) must match a
    /// snapshot at that size, and each appears once: nothing of an earlier layout is left.
    func expectLaidOut(_ wall: Tmux, _ dir: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (width, height) = windowSize(wall)
        let snapshot = Subprocess.run([Tmux.binary.path, "snapshot", "--wall", "--data", dir.path, "--at", at,
                                       "--size", "\(width)x\(height)"], executable: Tmux.binary.path)
        #expect(snapshot.status == 0, sourceLocation: sourceLocation)
        let expected = self.lines(snapshot.output)
        let labels = try #require(expected.firstIndex { $0.contains("REMINDERS DUE") }, sourceLocation: sourceLocation)
        let footer = height - 1
        var screen: [String] = []
        let laidOut = wall.wait {
            screen = lines(wall.screen())
            guard screen.count >= height else { return false }
            return screen[labels] == expected[labels]
                && screen.filter { $0.contains("REMINDERS DUE") }.count == 1
                && screen[0].hasPrefix(" crmtop") && screen[0].contains("updated ")
                && footerMatches(screen[footer], expected[footer])
        }
        #expect(laidOut, "at \(width)x\(height):\n\(screen.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// Small screens show which pane is on, and that moves on with time; the rest is fixed.
    func footerMatches(_ line: String, _ expected: String) -> Bool {
        guard expected.contains("every 15s") else { return line == expected }
        return line.contains("every 15s") && line.hasSuffix("q quit")
    }

    func windowSize(_ t: Tmux) -> (Int, Int) {
        let parts = t.query("#{window_width}x#{window_height}").split(separator: "x").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (0, 0)
    }

    /// Attaches a tmux client to `wall`'s session from a pane of `viewer`'s server, sized
    /// `width`×`height`.
    func attach(_ viewer: Tmux, to wall: Tmux, width: Int, height: Int, name: String) {
        // The client refuses to start inside another tmux unless TMUX is cleared.
        let command = "TMUX= exec tmux -L \(wall.socket) attach-session -t \(wall.session)"
        viewer.tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                     "sh", "-c", command], capture: false)
    }

    /// What the attached client shows, as the viewer's pane holds it.
    func clientScreen(_ viewer: Tmux, _ name: String) -> String {
        viewer.tmux(["capture-pane", "-p", "-t", name]).output
    }

    func isRunning(_ pid: Int32) -> Bool {
        // A zombie waiting for its parent has ended too.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].hasPrefix(") Z")
    }

    /// The rows of a screen without trailing blanks, which capture-pane does not keep.
    func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(trimmed)
    }

    func trimmed(_ line: Substring) -> String {
        String(line.reversed().drop { $0 == " " }.reversed())
    }
}
