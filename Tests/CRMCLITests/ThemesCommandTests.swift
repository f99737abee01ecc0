@testable import CRMCLI
import Foundation
import TerminalUI
import Testing

/// A user config folder holding `files` as themes, removed by the caller.
func userThemes(_ files: [String: String]) throws -> (env: [String: String], dir: URL) {
    let config = try temporaryDirectory()
    let dir = config.appendingPathComponent("crmtop/themes")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
    return (["XDG_CONFIG_HOME": config.path], config)
}

let shippedThemes = ["default", "high-contrast", "light", "monochrome", "solarized-dark", "solarized-light"]

@Suite struct ThemesCommandTests {
    struct Listed: Decodable, Equatable {
        var name: String
        var path: String
        var description: String
    }

    func listed(_ run: Run) throws -> [Listed] {
        try JSONDecoder().decode([Listed].self, from: Data(run.out.utf8))
    }

    @Test func jsonListsEveryShippedThemeWithItsFileAndDescription() throws {
        let run = crmtop("themes", "--json")
        #expect(run.code == 0, "\(run.err)")
        let themes = try listed(run)
        #expect(themes.map(\.name) == shippedThemes)
        for theme in themes {
            #expect(theme.path.hasSuffix("/themes/\(theme.name).json"))
            #expect(!theme.description.isEmpty)
        }
    }

    @Test func plainTextNamesEachSampleRolesStyle() {
        let run = crmtop("themes", "--color", "never")
        #expect(run.code == 0, "\(run.err)")
        #expect(!run.out.contains("\u{1B}"))
        for name in shippedThemes { #expect(run.out.contains("\(name) (shipped")) }
        #expect(run.out.contains("default (shipped, used without --theme): "))
        #expect(run.out.contains("sla_breached        -0:12:09        bright-red, bold, underline"))
        #expect(run.out.contains("sla_warning         0:40:00         #b58900, bold"))
    }

    @Test func colourSamplesFollowTheTerminalsDepth() {
        let wide = crmtop("themes", "--theme", "default", "--color", "always", env: ["TERM": "xterm-256color"])
        #expect(wide.out.contains("\u{1B}[1;38;5;214m0:40:00\u{1B}[0m"), "\(wide.out)")
        #expect(wide.out.contains("\u{1B}[1;4;91m-0:12:09"))

        let eight = crmtop("themes", "--theme", "default", "--color", "always", env: ["TERM": "screen"])
        #expect(eight.out.contains("\u{1B}[1;33m0:40:00"))
        #expect(eight.out.contains("\u{1B}[1;4;31m-0:12:09"))
        #expect(!eight.out.contains("38;5;"))

        let sixteen = crmtop("themes", "--theme", "solarized-dark", "--color", "always", env: ["TERM": "xterm"])
        #expect(sixteen.out.contains("\u{1B}[1;4;31m-0:12:09"), "\(sixteen.out)")

        let full = crmtop("themes", "--theme", "solarized-dark", "--color", "always",
                          env: ["TERM": "xterm-256color", "COLORTERM": "truecolor"])
        #expect(full.out.contains("\u{1B}[1;4;38;2;220;50;47m-0:12:09"))
    }

    @Test func aUserThemeReplacesTheShippedOneOfTheSameName() throws {
        let (env, config) = try userThemes([
            "default.json": #"{"description": "Mine.", "roles": {"sla_breached": {"fg": "magenta"}}}"#,
            "ocean.json": #"{"description": "Blue.", "roles": {}}"#,
        ])
        defer { try? FileManager.default.removeItem(at: config) }
        let themes = try listed(crmtop("themes", "--json", env: env))
        #expect(themes.map(\.name) == (shippedThemes + ["ocean"]).sorted())
        let mine = try #require(themes.first { $0.name == "default" })
        #expect(mine.description == "Mine.")
        #expect(mine.path.hasPrefix(config.path))

        let text = crmtop("themes", "--color", "never", env: env)
        #expect(text.out.contains("default (user, replaces the shipped one, used without --theme): "))
        #expect(text.out.contains("sla_breached        -0:12:09        magenta"))
    }

    @Test func aBrokenThemeIsReportedAndTheRestStillListed() throws {
        let (env, config) = try userThemes(["broken.json": "{\n  \"roles\": {\n    \"sla\": {}\n  }\n}\n"])
        defer { try? FileManager.default.removeItem(at: config) }
        let run = crmtop("themes", "--json", env: env)
        #expect(run.code == 1)
        #expect(run.err.contains("broken.json:3:5: roles.sla: unknown role"), "\(run.err)")
        #expect(try listed(run).map(\.name) == shippedThemes)
    }

    @Test func oneThemeByNameOrFile() throws {
        let (_, config) = try userThemes([:])
        defer { try? FileManager.default.removeItem(at: config) }
        let file = config.appendingPathComponent("try-me.json")
        try Data(#"{"description": "Trying.", "roles": {"header": {"attrs": ["reverse"]}}}"#.utf8).write(to: file)
        let run = crmtop("themes", "--theme", file.path, "--color", "never")
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.hasPrefix("try-me (file): \(file.path)\n  Trying.\n"))
        #expect(run.out.contains("header              crmtop 11:00    reverse"))

        let missing = crmtop("themes", "--theme", "no-such")
        #expect(missing.code == 1)
        #expect(missing.err.contains("crmtop: theme: no-such: no such theme"))
    }

    /// no-color.org: an explicit request on the command line outranks the variable.
    @Test func askingForColourOutranksNoColor() {
        let asked = crmtop("themes", "--theme", "default", "--color", "always",
                           env: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        #expect(asked.out.contains("38;5;214"))
    }
}

@Suite struct ColorDepthTests {
    @Test(arguments: [
        (["TERM": "xterm-256color"], ColorDepth.palette(256)),
        (["TERM": "xterm-256color", "COLORTERM": "truecolor"], .trueColor),
        (["TERM": "xterm", "COLORTERM": "24bit"], .trueColor),
        (["TERM": "xterm-direct"], .trueColor),
        (["TERM": "rxvt-unicode-256color"], .palette(256)),
        (["TERM": "xterm"], .palette(16)),
        (["TERM": "xterm-16color"], .palette(16)),
        (["TERM": "screen"], .palette(8)),
        (["TERM": "tmux"], .palette(8)),
        (["TERM": "linux"], .palette(8)),
    ] as [([String: String], ColorDepth)])
    func guessedFromTheEnvironment(environment: [String: String], depth: ColorDepth) {
        #expect(ColorDepth.detect(environment) == depth)
    }

    @Test func withoutColoursOnlyAttributesAreWritten() {
        let style = TextStyle(foreground: .indexed(9), background: .indexed(4), attributes: [.bold, .reverse])
        #expect(ThemePreview.escape(style, depth: .attributesOnly) == "\u{1B}[1;7m")
        #expect(ThemePreview.escape(style, depth: .palette(8)) == "\u{1B}[1;7;31;44m")
        #expect(ThemePreview.escape(TextStyle(), depth: .palette(256)) == "")
    }
}

@Suite struct SnapshotThemeTests {
    @Test func aBrokenThemeFileStopsSnapshotWithWhereAndWhy() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.json")
        try Data("{\n  \"roles\": {\n    \"sla_breached\": { \"fg\": \"blood\" }\n  }\n}\n".utf8).write(to: file)
        let run = crmtop("snapshot", "--demo", "--theme", file.path)
        #expect(run.code == 1)
        #expect(run.out.isEmpty)
        #expect(run.err == "crmtop: theme: \(file.path):3:29: roles.sla_breached.fg: not a colour; "
                + "use a name (red, bright-red, default …), 0–255 or #rrggbb\n")
    }

    @Test func aGoodThemeLeavesThePlainTextAlone() {
        let plain = crmtop("snapshot", "--demo", "--at", "2026-11-23T10:00:00Z", "--size", "80x24")
        let themed = crmtop("snapshot", "--demo", "--at", "2026-11-23T10:00:00Z", "--size", "80x24",
                            "--theme", "solarized-light")
        #expect(themed.code == 0, "\(themed.err)")
        #expect(themed.out == plain.out)
        let missing = crmtop("--theme", "no-such", "snapshot", "--demo")
        #expect(missing.code == 1)
        #expect(missing.err.hasPrefix("crmtop: theme: no-such: no such theme"))
    }
}
