import Foundation
import Testing

@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct WallEndToEndTests {
    let at = "2026-11-23T10:00:00Z"

    @Test func keysThatWouldChangeDataDoNothingAndQQuits() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(runCrmtop(["demo", dir.path, "--at", at]) == 0)
        let before = try Data(contentsOf: dir.appendingPathComponent("reminders.json"))
        let t = Tmux()
        defer { t.close() }
        t.start(["wall", "--data", dir.path, "--at", at, "--title", "Support floor"], width: 80, height: 24)
        #expect(t.waitFor("REMINDERS DUE"), "\(t.screen())")
        #expect(t.screen().contains("Support floor"))
        t.send("a", "n", "d", "Enter")
        usleep(300_000)
        #expect(!t.isDead)
        #expect(!t.screen().contains("Acknowledged"))
        t.send("q")
        #expect(t.waitForExit() == 0)
        #expect(!t.alternateScreenOn)
        #expect(try Data(contentsOf: dir.appendingPathComponent("reminders.json")) == before)
    }

    @Test func lockedIgnoresQAndSIGHUPEndsItCleanly() {
        let t = Tmux()
        defer { t.close() }
        t.start(["wall", "--demo", "--at", at, "--locked"], width: 160, height: 48)
        #expect(t.waitFor("Leaderboard"), "\(t.screen())")
        t.send("q")
        usleep(300_000)
        #expect(!t.isDead)
        t.tmux(["resize-window", "-t", t.session, "-x", "80", "-y", "24"])
        #expect(t.waitFor("every 15s"), "\(t.screen())")
        kill(t.pid, SIGHUP)
        #expect(t.waitForExit() == 128 + SIGHUP)
        #expect(!t.alternateScreenOn)
    }
}
