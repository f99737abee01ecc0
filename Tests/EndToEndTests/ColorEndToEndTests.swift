import Foundation
import Testing

/// The colour codes in text as written by tmux: `31`, `38;5;214`, `48;2;0;43;54` …
/// Resets to the terminal's own colours (39, 49) are not colours.
func colorCodes(in text: String) -> [String] {
    var codes: [String] = []
    for match in text.matches(of: /\x1B\[([0-9;:]*)m/) {
        let params = match.1.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        var i = 0
        while i < params.count {
            let p = params[i]
            if (p == 38 || p == 48), i + 1 < params.count {
                let length = params[i + 1] == 5 ? 3 : 5
                codes.append(params[i..<min(params.count, i + length)].map(String.init).joined(separator: ";"))
                i += length
                continue
            }
            if (30...37).contains(p) || (40...47).contains(p) || (90...97).contains(p) || (100...107).contains(p) {
                codes.append(String(p))
            }
            i += 1
        }
    }
    return codes
}

@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct ColorEndToEndTests {
    let at = "2026-11-23T10:00:00Z"

    /// The styled screen once the dashboard has drawn.
    func dashboard(term: String, environment: [String: String] = [:], theme: String? = "default") -> String {
        let t = Tmux()
        defer { t.close() }
        t.start(["--demo", "--at", at] + (theme.map { ["--theme", $0] } ?? []), term: term, environment: environment)
        #expect(t.waitFor("Leaderboard"), "dashboard did not draw:\n\(t.screen())")
        let styled = t.styledScreen()
        t.send("q")
        #expect(t.waitForExit() == 0)
        return styled
    }

    @Test func twoHundredFiftySixColoursUseTheExtendedPalette() {
        let codes = colorCodes(in: dashboard(term: "xterm-256color"))
        #expect(codes.contains { $0.hasPrefix("38;5;") }, "\(Set(codes))")
    }

    @Test func eightColourTerminalsGetOnlyTheBasicEight() {
        let codes = colorCodes(in: dashboard(term: "screen"))
        #expect(!codes.isEmpty, "no colour at all")
        let basic = codes.allSatisfy { Int($0).map { (30...37).contains($0) || (40...47).contains($0) } ?? false }
        #expect(basic, "\(Set(codes))")
    }

    /// A colour theme chosen outright loses its colours too; without one, the monochrome
    /// theme steps in and its reverse video still marks the header and the selection.
    @Test(arguments: ["default", nil] as [String?])
    func noColorMeansNoColourCodes(theme: String?) {
        let styled = dashboard(term: "xterm-256color", environment: ["NO_COLOR": "1"], theme: theme)
        #expect(colorCodes(in: styled).isEmpty, "\(Set(colorCodes(in: styled)))")
        if theme == nil { #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m")) }
    }

    @Test func themesListingIsColouredOnATerminalAndPlainInAPipe() {
        let t = Tmux()
        defer { t.close() }
        t.start(["themes", "--theme", "default"], term: "xterm-256color")
        #expect(t.waitForExit() == 0)
        #expect(colorCodes(in: t.styledScreen()).contains("31"), "\(t.styledScreen())")

        let noColor = Tmux()
        defer { noColor.close() }
        noColor.start(["themes", "--theme", "default"], term: "xterm-256color", environment: ["NO_COLOR": "1"])
        #expect(noColor.waitForExit() == 0)
        #expect(colorCodes(in: noColor.styledScreen()).isEmpty, "\(noColor.styledScreen())")
        #expect(noColor.styledScreen().contains("\u{1B}[1m"))

        let piped = Subprocess.run([Tmux.binary.path, "themes", "--theme", "default"],
                                   environment: ["TERM": "xterm-256color", "NO_COLOR": nil],
                                   executable: Tmux.binary.path)
        #expect(piped.status == 0)
        #expect(!piped.output.contains("\u{1B}["))
        #expect(piped.output.contains("sla_breached"))
    }
}
