import Foundation
import Testing

/// Clicks and the wheel through a real terminal: tmux passes what `send-keys -l` types
/// to crmtop as if the terminal had reported the mouse, in the form its TERM promises.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct MouseEndToEndTests {
    let at = "2026-11-23T10:00:00Z"

    /// Mouse reports as terminals send them, for a 0-based cell.
    enum Report {
        /// SGR (xterm's mode 1006): `ESC [ < button ; column ; row M`, `m` on release.
        case sgr
        /// X10: `ESC [ M` and three bytes, each value plus 32 (positions 1-based).
        case x10

        func press(button: Int, x: Int, y: Int) -> String {
            switch self {
            case .sgr: "\u{1B}[<\(button);\(x + 1);\(y + 1)M"
            case .x10: "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + x)))
                + String(UnicodeScalar(UInt8(33 + y)))
            }
        }

        func release(x: Int, y: Int) -> String {
            switch self {
            case .sgr: "\u{1B}[<0;\(x + 1);\(y + 1)m"
            case .x10: "\u{1B}[M#" + String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
            }
        }
    }

    /// A config folder with no config.json, so the person running the tests keeps theirs out.
    func cleanConfig() throws -> URL { try temporaryDirectory() }

    @Test(arguments: [("xterm-256color", Report.sgr), ("screen", Report.x10)])
    func aClickSelectsTheRowAndTheWheelScrolls(term: String, report: Report) throws {
        let config = try cleanConfig()
        defer { try? FileManager.default.removeItem(at: config) }
        let t = Tmux()
        defer { t.close() }
        t.start(["--demo", "--at", at], width: 120, height: 40, term: term,
                environment: ["XDG_CONFIG_HOME": config.path])
        #expect(t.waitFor("Leaderboard"), "dashboard did not draw:\n\(t.screen())")
        #expect(t.query("#{mouse_standard_flag}") == "1", "crmtop did not ask for the mouse")

        // The sixth reminder: row 8 (title row, headings, then the list from row 3).
        let before = t.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let title = String(before[8].dropFirst(21).prefix(24)).trimmingCharacters(in: .whitespaces)
        #expect(!title.isEmpty && !before[3].contains(title))
        t.tmux(["send-keys", "-t", t.session, "-l", report.press(button: 0, x: 30, y: 8)])
        t.tmux(["send-keys", "-t", t.session, "-l", report.release(x: 30, y: 8)])
        t.send("Enter")
        let detailsShow = { (text: String) in
            t.screen().split(separator: "\n").contains { $0.contains("│ title ") && $0.contains(text) }
        }
        #expect(t.wait { detailsShow(title) }, "details of the clicked row, \(title):\n\(t.screen())")
        t.send("Escape")
        #expect(t.wait { !t.screen().contains("│ title ") })

        // The wheel over the cases pane scrolls it by three rows.
        let lines = t.screen().split(separator: "\n").map(String.init)
        let casesTitle = try #require(lines.firstIndex { $0.hasPrefix(" Cases & feedback") })
        // "1–14/22": how many rows the pane shows depends on what the others need.
        let shown = try #require(lines[casesTitle].firstMatch(of: /1–(\d+)\/22/).flatMap { Int($0.1) })
        t.tmux(["send-keys", "-t", t.session, "-l", report.press(button: 65, x: 40, y: casesTitle + 4)])
        #expect(t.waitFor("4–\(shown + 3)/22"), "\(t.screen())")

        // A press, its release and a key can arrive in one read, as on a busy machine:
        // the click still counts, before the key.
        let screen = t.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let other = String(screen[10].dropFirst(21).prefix(24)).trimmingCharacters(in: .whitespaces)
        t.tmux(["send-keys", "-t", t.session, "-l",
                report.press(button: 0, x: 30, y: 10) + report.release(x: 30, y: 10) + "\r"])
        #expect(t.wait { detailsShow(other) }, "details of the row clicked with Enter in the same read, \(other):\n\(t.screen())")
        t.send("Escape")

        t.send("q")
        #expect(t.waitForExit() == 0)
        #expect(t.query("#{mouse_standard_flag}") == "0", "the mouse was not handed back")
    }

    @Test func theMouseStaysWithTheTerminalWhenTurnedOffAndOnTheWall() throws {
        let config = try cleanConfig()
        defer { try? FileManager.default.removeItem(at: config) }
        let file = config.appendingPathComponent("crmtop/config.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"mouse": false}"#.utf8).write(to: file)
        let empty = try cleanConfig()
        defer { try? FileManager.default.removeItem(at: empty) }

        for (args, home) in [(["--demo"], config), (["--demo", "--no-mouse"], empty), (["wall", "--demo"], empty)] {
            let t = Tmux()
            defer { t.close() }
            t.start(args + ["--at", at], environment: ["XDG_CONFIG_HOME": home.path])
            #expect(t.waitFor(args.contains("wall") ? "updated" : "Leaderboard"), "\(args):\n\(t.screen())")
            #expect(t.query("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}") == "000", "\(args)")
            t.send("q")
            #expect(t.waitForExit() == 0)
        }
    }

    @Test func reboundKeysAndThemesWorkLive() throws {
        let config = try cleanConfig()
        defer { try? FileManager.default.removeItem(at: config) }
        let file = config.appendingPathComponent("crmtop/config.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"theme": "light", "keys": {"quit": "Q"}}"#.utf8).write(to: file)
        let t = Tmux()
        defer { t.close() }
        t.start(["--demo", "--at", at], environment: ["XDG_CONFIG_HOME": config.path])
        #expect(t.waitFor("Q quit"), "the footer shows the rebound key:\n\(t.screen())")
        t.send("T")
        #expect(t.waitFor("Theme: monochrome"), "light is followed by monochrome:\n\(t.screen())")
        // `T` after `q` shows the next theme only if `q` left the dashboard running.
        func themeLine() -> String? { t.screen().split(separator: "\n").first { $0.contains("Theme: ") }.map(String.init) }
        let shown = themeLine()
        t.send("q", "T")
        #expect(t.wait { themeLine().map { $0 != shown } ?? false }, "\(t.screen())")
        #expect(!t.isDead, "q no longer quits")
        t.send("Q")
        #expect(t.waitForExit() == 0)
    }
}
