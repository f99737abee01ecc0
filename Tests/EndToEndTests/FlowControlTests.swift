import Foundation
import Testing

/// Ctrl-S is a key, never the terminal's XOFF: no single key may freeze a dashboard or a wall.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct FlowControlTests {
    let at = "2026-11-23T10:00:00Z"

    /// Whether the pane's terminal has software flow control (XON/XOFF on output) on now.
    func flowControl(_ t: Tmux) -> Bool {
        let fd = open(t.query("#{pane_tty}"), O_RDWR | O_NOCTTY | O_NONBLOCK)
        defer { if fd >= 0 { close(fd) } }
        var mode = termios()
        return fd >= 0 && tcgetattr(fd, &mode) == 0 && mode.c_iflag & tcflag_t(IXON) != 0
    }

    /// Starts crmtop in a pane whose shell records the terminal's settings after it exits.
    func start(_ t: Tmux, _ arguments: [String], modesFile: URL, width: Int = 120, height: Int = 40) {
        t.start(arguments, width: width, height: height, afterwards: "stty -a > '\(modesFile.path)'")
    }

    func flowControlWasRestored(_ modesFile: URL) -> Bool {
        let modes = (try? String(contentsOf: modesFile, encoding: .utf8)) ?? ""
        return modes.split(whereSeparator: { " ;\n".contains($0) }).contains("ixon")
    }

    @Test func ctrlSInTheNewReminderFormLeavesTheDashboardAnswering() throws {
        let t = Tmux()
        let modes = t.statusFile.appendingPathExtension("modes")
        defer { t.close(); try? FileManager.default.removeItem(at: modes) }
        start(t, ["--demo", "--at", at, "--user", "maria"], modesFile: modes)
        #expect(t.waitFor("Leaderboard"), "\(t.screen())")
        #expect(!flowControl(t), "flow control is on while crmtop runs")
        t.send("n")
        #expect(t.waitFor("New reminder"), "\(t.screen())")
        t.send("C-s")
        t.send("Escape")
        t.send("?")
        #expect(t.waitFor("show or hide this help"), "the screen stopped after Ctrl-S:\n\(t.screen())")
        t.send("Escape")
        t.send("q")
        #expect(t.waitForExit() == 0)
        #expect(t.wait { flowControlWasRestored(modes) }, "the user's flow control was not put back")
    }

    @Test func ctrlSDoesNotFreezeALockedWall() throws {
        let t = Tmux()
        let modes = t.statusFile.appendingPathExtension("modes")
        defer { t.close(); try? FileManager.default.removeItem(at: modes) }
        // At 80x24 the panes take turns, here every second; a frozen wall stays as it is.
        start(t, ["wall", "--demo", "--locked", "--rotate", "1"], modesFile: modes, width: 80, height: 24)
        #expect(t.waitFor("BREACHED"), "\(t.screen())")
        #expect(!flowControl(t))
        t.send("C-s")
        let first = t.screen()
        #expect(t.wait { t.screen() != first }, "the wall stopped after Ctrl-S:\n\(t.screen())")
        kill(t.pid, SIGHUP)
        #expect(t.waitForExit() == 128 + SIGHUP)
        #expect(t.wait { flowControlWasRestored(modes) })
    }
}
