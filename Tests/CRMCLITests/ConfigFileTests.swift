import CRMCLI
import Foundation
import Testing

/// config.json belongs to the screens: a mistake in it stops them with the file, field and
/// line:column, and never stops a command that does not read it.
@Suite struct ConfigFileTests {
    func crmtop(_ args: [String], env: [String: String]) -> Run {
        let console = Console(environment: env, capture: true)
        let code = Console.$current.withValue(console) { CRMTop.run(arguments: args) }
        return Run(code: code, out: console.out, err: console.err)
    }

    func crmtop(_ args: String..., env: [String: String]) -> Run { crmtop(args, env: env) }

    /// A config folder holding `text` as crmtop/config.json; the environment that finds it.
    func configHome(_ text: String) throws -> (env: [String: String], file: URL) {
        let home = try temporaryDirectory()
        let file = home.appendingPathComponent("crmtop/config.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return (["XDG_CONFIG_HOME": home.path, "TERM": ""], file)
    }

    @Test func aBrokenConfigStopsTheDashboardWithWhereAndWhy() throws {
        let (env, file) = try configHome("{\n  \"keys\": {\"quit\": \"j\"}\n}\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent().deletingLastPathComponent()) }
        let run = crmtop("--demo", env: env)
        #expect(run.code == 1)
        #expect(run.err == "crmtop: config: \(file.path):2:20: keys.quit: \"j\" is bound to both down and quit "
                + "(anywhere); give one of them another key\n")
        let wall = crmtop("wall", "--demo", env: env)
        #expect(wall.err.contains("crmtop: config: \(file.path):2:20: keys.quit:"), "\(wall.err)")
    }

    @Test func commandsThatDoNotReadItRunAsUsual() throws {
        let (env, file) = try configHome("{ not json")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent().deletingLastPathComponent()) }
        for args in [["reminder", "list", "--demo", "--json"], ["snapshot", "--demo", "--size", "80x24"],
                     ["themes", "--json"]] {
            let run = crmtop(args, env: env)
            #expect(run.code == 0, "\(args): \(run.err)")
        }
    }

    @Test func configGivenOnTheCommandLineBeforeOrAfterTheCommand() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mine.json")
        try Data(#"{"mouse": "no"}"#.utf8).write(to: file)
        for args in [["--config", file.path, "dash", "--demo"], ["dash", "--demo", "--config", file.path]] {
            let run = crmtop(args, env: ["TERM": ""])
            #expect(run.err == "crmtop: config: \(file.path):1:11: mouse: expected true or false\n", "\(args)")
        }
        let missing = crmtop("--config", dir.appendingPathComponent("none.json").path, "--demo", env: ["TERM": ""])
        #expect(missing.err.contains("none.json: cannot read the file"), "\(missing.err)")
    }

    @Test func aGoodConfigGetsAsFarAsTheTerminal() throws {
        let (env, file) = try configHome(#"{"theme": "light", "mouse": false, "keys": {"quit": "Q"}}"#)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent().deletingLastPathComponent()) }
        let run = crmtop("--demo", "--no-mouse", env: env)
        #expect(run.code == 2)
        #expect(run.err.contains("The dashboard needs an interactive terminal"), "\(run.err)")
    }

    @Test func aThemeTheConfigNamesMustExistUnlessThemeOverridesIt() throws {
        let (env, file) = try configHome("{\"theme\": \"ocean\"}")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent().deletingLastPathComponent()) }
        let run = crmtop("--demo", env: env)
        #expect(run.code == 1)
        #expect(run.err.hasPrefix("crmtop: config: \(file.path):1:11: theme: ocean: no such theme"), "\(run.err)")
        // --theme comes first, so the config's choice is never looked up.
        let chosen = crmtop("--demo", "--theme", "light", env: env)
        #expect(chosen.err.contains("needs an interactive terminal"), "\(chosen.err)")
        let unknown = crmtop("--demo", "--theme", "nope", env: env)
        #expect(unknown.err.hasPrefix("crmtop: theme: nope: no such theme"), "\(unknown.err)")
    }
}

@Suite struct ThemesAndConfigTests {
    @Test func themesMarksTheThemeTheConfigChooses() throws {
        let (env, dir) = try userThemes([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"theme": "light"}"#.utf8).write(to: dir.appendingPathComponent("crmtop/config.json"))
        let run = crmtop("themes", "--color", "never", env: env)
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("light (shipped, used without --theme): "), "\(run.out)")
        #expect(!run.out.contains("default (shipped, used without --theme)"))
    }
}
