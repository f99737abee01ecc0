import Foundation
import Testing

/// A wall whose data is gone says so and keeps the last good data; it never shows a quiet day.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct WallHonestyTests {
    let at = "2026-11-23T10:00:00Z"

    func breachedCount(_ screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains("BREACHED") }.map(String.init)
    }

    @Test func aDataDirectoryMovedAwayShowsABannerAndTheLastDataUntilItIsBack() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let dir = parent.appendingPathComponent("team")
        let away = parent.appendingPathComponent("team.off")
        #expect(runCrmtop(["demo", dir.path, "--at", at]) == 0)
        let t = Tmux()
        defer { t.close() }
        t.start(["wall", "--data", dir.path, "--at", at], width: 200, height: 50)
        #expect(t.waitFor("REMINDERS DUE"), "\(t.screen())")
        let before = t.screen()
        #expect(!before.contains("No open cases."))

        try FileManager.default.moveItem(at: dir, to: away)
        #expect(t.waitFor("NOT UPDATING"), "\(t.screen())")
        let during = t.screen()
        #expect(during.contains("data directory is gone"), "\(during)")
        #expect(!during.contains("No open cases."), "\(during)")
        #expect(!during.contains("Nothing due"), "\(during)")
        // The clock keeps the data set's zone (demo data is Berlin time: 11:00, not 10:00 UTC).
        #expect(during.contains("11:00"), "\(during)")

        try FileManager.default.moveItem(at: away, to: dir)
        #expect(t.wait { !t.screen().contains("NOT UPDATING") }, "\(t.screen())")

        // A data file deleted under the wall is a banner too, not an empty board.
        let people = dir.appendingPathComponent("people.json")
        let saved = try Data(contentsOf: people)
        try FileManager.default.removeItem(at: people)
        #expect(t.waitFor("NOT UPDATING"), "\(t.screen())")
        #expect(t.screen().contains("people.json"), "\(t.screen())")
        try saved.write(to: people)
        #expect(t.wait { !t.screen().contains("NOT UPDATING") }, "\(t.screen())")
        t.send("q")
        #expect(t.waitForExit() == 0)
    }

    @Test func aWallOnADirectoryThatIsNotThereDoesNotStart() throws {
        let t = Tmux()
        defer { t.close() }
        t.start(["wall", "--data", "/nonexistent/crmtop-data", "--at", at])
        #expect(t.waitForExit() == 1)
    }
}
