import Foundation
import Testing

func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// Runs the binary to completion without a terminal (to prepare data).
func runCrmtop(_ args: [String]) -> Int32 {
    Subprocess.run([Tmux.binary.path] + args, capture: false, executable: Tmux.binary.path).status
}

@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct DashboardEndToEndTests {
    let at = "2026-11-23T10:00:00Z"

    @Test func acknowledgeSurvivesARestart() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(runCrmtop(["demo", dir.path, "--at", at]) == 0)
        let args = ["--data", dir.path, "--user", "maria", "--at", at]

        let first = Tmux()
        defer { first.close() }
        first.start(args)
        #expect(first.waitFor("Leaderboard"), "dashboard did not draw:\n\(first.screen())")
        #expect(first.alternateScreenOn)
        first.send("a")
        #expect(first.waitFor("Acknowledged: "), "\(first.screen())")
        let message = try #require(first.screen().split(separator: "\n").first { $0.contains("Acknowledged: ") })
        // The footer may cut a long title; a distinctive start is enough to find the row again.
        let selectedTitle = String(message.split(separator: ":", maxSplits: 1)[1]
            .trimmingCharacters(in: .whitespaces).prefix(20))
        first.send("q")
        #expect(first.waitForExit() == 0)
        #expect(!first.alternateScreenOn)

        // Stored, as another program reads it: the reminder with that title is maria's acknowledged one.
        let listed = Subprocess.run([Tmux.binary.path, "reminder", "list", "--json"] + args, executable: Tmux.binary.path)
        let reminders = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        let stored = try #require(reminders.first { ($0["title"] as? String)?.hasPrefix(selectedTitle) == true })
        #expect((stored["acknowledged_by"] as? [String: Any])?["maria"] != nil, "\(stored)")

        let second = Tmux()
        defer { second.close() }
        second.start(args)
        #expect(second.waitFor("Leaderboard"))
        let line = second.screen().split(separator: "\n").first { $0.contains(selectedTitle) }
        #expect(line?.contains("✓") == true, "after restart: \(line ?? "not found")")
        second.send("q")
    }

    @Test func aReminderMadeWithNIsAcknowledgedAndStaysSo() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(runCrmtop(["demo", dir.path, "--at", at]) == 0)
        let args = ["--data", dir.path, "--user", "maria", "--at", at]
        let first = Tmux()
        defer { first.close() }
        first.start(args)
        #expect(first.waitFor("Leaderboard"))
        first.send("n")
        #expect(first.waitFor("New reminder"), "\(first.screen())")
        first.send("-l", "Call the Zeta buyers")
        first.send("Tab", "Tab")
        first.send("-l", "+5m")
        first.send("Enter")
        #expect(first.waitFor("Added R-"), "\(first.screen())")
        // The new reminder is selected: acknowledge it.
        first.send("a")
        #expect(first.waitFor("Acknowledged: Call the Zeta buyers"), "\(first.screen())")
        first.send("q")
        #expect(first.waitForExit() == 0)

        let second = Tmux()
        defer { second.close() }
        second.start(args)
        #expect(second.waitFor("Call the Zeta buyers"), "\(second.screen())")
        let line = second.screen().split(separator: "\n").first { $0.contains("Call the Zeta buyers") }
        #expect(line?.contains("✓") == true, "after restart: \(line ?? "not found")")
        second.send("q")
        #expect(second.waitForExit() == 0)
    }

    @Test func aCaseIsPausedAndResolvedFromTheKeyboard() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(runCrmtop(["demo", dir.path, "--at", at]) == 0)
        let t = Tmux()
        defer { t.close() }
        t.start(["--data", dir.path, "--user", "priya", "--at", at])
        #expect(t.waitFor("Leaderboard"))
        t.send("Tab")
        t.send("p")
        #expect(t.waitFor(" paused: "), "\(t.screen())")
        let message = try #require(t.screen().split(separator: "\n").first { $0.contains(" paused: ") })
        let id = String(message.split(separator: " ").first { $0.hasPrefix("C-") } ?? "")
        t.send("x")
        #expect(t.waitFor("Resolve \(id)"), "\(t.screen())")
        t.send("y")
        #expect(t.waitFor("\(id) resolved"), "\(t.screen())")
        t.send("q")
        #expect(t.waitForExit() == 0)
        // Read back through crmtop itself: the change may still sit in the journal.
        let shown = Subprocess.run([Tmux.binary.path, "case", "show", id, "--data", dir.path, "--json"],
                                   executable: Tmux.binary.path)
        #expect(shown.status == 0, "\(shown.output)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
        #expect(record["status"] as? String == "resolved")
        let actions = (record["history"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
        #expect(actions.contains("paused") && actions.contains("resolved"), "\(actions)")
    }

    @Test(arguments: [(Int32(11), "SEGV"), (Int32(6), "ABRT")])
    func aCrashRestoresTheTerminal(number: Int32, name: String) {
        let t = Tmux()
        defer { t.close() }
        // A wall display must not wait for a key after a crash report.
        t.start(["--demo", "--at", at], environment: ["SWIFT_BACKTRACE": "enable=no"])
        #expect(t.waitFor("Leaderboard"))
        kill(t.pid, number)
        #expect(t.waitForExit() == 128 + number, "SIG\(name)")
        #expect(!t.alternateScreenOn, "SIG\(name) left the alternate screen on")
    }

    @Test(arguments: [(Int32(15), "TERM"), (Int32(1), "HUP"), (Int32(2), "INT")])
    func signalsRestoreTheTerminal(number: Int32, name: String) throws {
        let t = Tmux()
        defer { t.close() }
        t.start(["--demo", "--at", at])
        #expect(t.waitFor("Leaderboard"), "\(t.screen())")
        #expect(t.alternateScreenOn)
        kill(t.pid, number)
        #expect(t.waitForExit() == 128 + number,
                "SIG\(name) did not end crmtop as expected: dead=\(t.query("#{pane_dead}")) \(Subprocess.run(["ps", "-eo", "pid,ppid,stat,cmd"]).output)")
        #expect(!t.alternateScreenOn, "SIG\(name) left the alternate screen on")
    }

    @Test func ctrlCQuitsAndRestores() {
        let t = Tmux()
        defer { t.close() }
        t.start(["--demo", "--at", at])
        #expect(t.waitFor("Leaderboard"))
        t.send("C-c")
        #expect(t.waitForExit() == 130)
        #expect(!t.alternateScreenOn)
    }

    @Test func resizingRedrawsAndTinySizesDoNotCrash() {
        let t = Tmux()
        defer { t.close() }
        t.start(["--demo", "--at", at], width: 160, height: 40)
        #expect(t.waitFor("Leaderboard"))
        t.tmux(["resize-window", "-t", t.session, "-x", "30", "-y", "8"])
        #expect(t.waitFor("terminal too small"), "\(t.screen())")
        t.tmux(["resize-window", "-t", t.session, "-x", "1", "-y", "1"])
        // One cell: the first letter of "terminal too small", drawn for this size.
        #expect(t.wait { t.screen().trimmingCharacters(in: .whitespacesAndNewlines) == "t" }, "\(t.screen())")
        t.tmux(["resize-window", "-t", t.session, "-x", "80", "-y", "24"])
        #expect(t.waitFor("Leaderboard"), "\(t.screen())")
        #expect(!t.isDead)
        t.send("q")
        #expect(t.waitForExit() == 0, "dead=\(t.query("#{pane_dead}"))\n\(t.screen())")
    }
}
