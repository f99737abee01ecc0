import Foundation
import Testing

/// The form's arrow keys as a real terminal sends them: in a text field they move the cursor,
/// on a choice field they step through the choices.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct FormKeysEndToEndTests {
    let at = "2026-11-23T10:00:00Z"

    @Test func arrowsEditTextAndStepThroughTheRepeatChoices() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(runCrmtop(["demo", dir.path, "--at", at]) == 0)
        let args = ["--data", dir.path, "--user", "maria", "--at", at]
        let tmux = Tmux()
        defer { tmux.close() }
        tmux.start(args)
        #expect(tmux.waitFor("Leaderboard"))
        tmux.send("n")
        #expect(tmux.waitFor("New reminder"), "\(tmux.screen())")
        tmux.send("-l", "stand-up notes")
        // Ctrl-A and Ctrl-E: this tmux sends Home and End as its own terminal type does.
        tmux.send("C-a")
        tmux.send("-l", "Team ")
        tmux.send("C-e", "Left", "Left", "Left", "Left", "Left", "Left")
        tmux.send("-l", "X")
        #expect(tmux.waitFor("Team stand-upX notes"), "\(tmux.screen())")
        tmux.send("Tab", "Tab")
        tmux.send("-l", "+5m")
        tmux.send("Tab", "Right", "Right", "Right")
        #expect(tmux.waitFor("Repeat     weekly"), "\(tmux.screen())")
        tmux.send("Left")
        #expect(tmux.waitFor("Repeat     weekdays"), "\(tmux.screen())")
        tmux.send("Enter")
        #expect(tmux.waitFor("Added R-"), "\(tmux.screen())")
        tmux.send("Enter")
        #expect(tmux.waitFor("repeats"), "\(tmux.screen())")
        let line = tmux.screen().split(separator: "\n").first { $0.contains("repeats") }
        #expect(line?.contains("weekdays") == true, "\(tmux.screen())")
        tmux.send("Escape")
        tmux.send("q")
        #expect(tmux.waitForExit() == 0)
        let saved = try String(contentsOf: dir.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        #expect(saved.contains("Team stand-upX notes") && saved.contains("weekdays"))
    }
}
