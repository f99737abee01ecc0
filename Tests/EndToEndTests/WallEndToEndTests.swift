import CRMStore
import Foundation
import Testing

@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct WallEndToEndTests {
    let at = "2026-11-23T10:00:00Z"

    @Test func keysThatWouldChangeDataDoNothingAndQQuits() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(runCrmtop(["demo", dir.path, "--at", at]) == 0)
        let before = try DataStore(directory: dir).load()
        let t = Tmux()
        defer { t.close() }
        t.start(["wall", "--data", dir.path, "--at", at, "--title", "Support floor"], width: 80, height: 24)
        #expect(t.waitFor("REMINDERS DUE"), "\(t.screen())")
        #expect(t.screen().contains("Support floor"))
        // Keys are read in order, so once `q` has ended the wall, the keys before it were
        // all answered, and whatever they did is on disk.
        t.send("a", "n", "d", "Enter", "q")
        #expect(t.waitForExit() == 0)
        #expect(!t.alternateScreenOn)
        // Read through the store, journal and all: the wall stored nothing.
        #expect(try DataStore(directory: dir).load() == before)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("journal.jsonl").path))
    }

    @Test func changesFromOtherProcessesAppearAndABrokenFileShowsABanner() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(runCrmtop(["demo", dir.path, "--at", at]) == 0)
        let t = Tmux()
        defer { t.close() }
        t.start(["wall", "--data", dir.path, "--at", at], width: 200, height: 50)
        #expect(t.waitFor("REMINDERS DUE"), "\(t.screen())")
        // Another process adds a reminder that is due now: the wall shows it within two seconds.
        #expect(runCrmtop(["reminder", "add", "Zebra call from the wall test", "--due", at, "--priority", "high",
                           "--data", dir.path, "--user", "maria", "--at", at]) == 0)
        #expect(t.waitFor("Zebra call"), "\(t.screen())")
        // A broken file: the last good data stays, under a banner.
        let file = dir.appendingPathComponent("people.json")
        let good = try Data(contentsOf: file)
        try Data("{\"version\": 2, \"people\": [".utf8).write(to: file)
        #expect(t.waitFor("NOT UPDATING"), "\(t.screen())")
        #expect(t.screen().contains("Zebra call"))
        // Repaired: the banner goes by itself.
        try good.write(to: file)
        #expect(t.wait { !t.screen().contains("NOT UPDATING") }, "\(t.screen())")
        t.send("q")
        #expect(t.waitForExit() == 0)
    }

    /// Someone logs the calls that reach their daily goal: a running wall cheers at once.
    @Test func loggingAnActivityThatReachesAGoalShowsTheBanner() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(runCrmtop(["demo", dir.path, "--at", at]) == 0)
        let t = Tmux()
        defer { t.close() }
        t.start(["wall", "--data", dir.path, "--at", at], width: 160, height: 48)
        #expect(t.waitFor("REMINDERS DUE"), "\(t.screen())")
        #expect(!t.screen().contains("★"))
        #expect(runCrmtop(["log", "calls", "--count", "8", "--person", "jonas", "--data", dir.path,
                           "--user", "jonas", "--at", at]) == 0)
        #expect(t.waitFor("Jonas Weber reached today's Calls goal: 10 of 10"), "\(t.screen())")
        #expect(t.screen().contains("★ "), "\(t.screen())")
        t.send("q")
        #expect(t.waitForExit() == 0)
    }

    @Test func lockedIgnoresQAndSIGHUPEndsItCleanly() {
        let t = Tmux()
        defer { t.close() }
        t.start(["wall", "--demo", "--at", at, "--locked"], width: 160, height: 48)
        #expect(t.waitFor("Leaderboard"), "\(t.screen())")
        t.send("q")
        // Redrawn at the new size after the `q` was sent; the exit status then says which of
        // `q` and SIGHUP ended it.
        t.tmux(["resize-window", "-t", t.session, "-x", "80", "-y", "24"])
        #expect(t.waitFor("every 15s"), "\(t.screen())")
        #expect(!t.isDead)
        kill(t.pid, SIGHUP)
        #expect(t.waitForExit() == 128 + SIGHUP)
        #expect(!t.alternateScreenOn)
    }
}
