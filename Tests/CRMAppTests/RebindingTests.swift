import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// A person's own keys show wherever keys are shown: the footer and the `?` help.
@Suite struct RebindingTests {
    static let config = """
        {"keys": {"focus_next": ["Right", "Tab"], "down": ["J", "Down"], "acknowledge": ["Space", "a"], "quit": "Q"}}
        """

    func rebound(_ size: Size) throws -> AppState {
        var state = GoldenScreenTests.demo(size)
        state.keyBindings = try UserConfig.parse(Array(Self.config.utf8), file: "config.json").keyBindings
        return state
    }

    @Test func theFooterShowsThePersonsKeys() throws {
        let state = try rebound(Size(width: 120, height: 40))
        let footer = Dashboard.render(state).textLines().last ?? ""
        #expect(footer.hasPrefix(" → pane  J move  Enter details  Space ack"), "\(footer)")
        #expect(footer.contains("Q quit"))
        #expect(!footer.contains("q quit"))
    }

    @Test func theHelpListsThePersonsKeys() throws {
        var state = try rebound(Size(width: 80, height: 24))
        _ = Reducer.reduce(&state, .key(.char("?")))
        Golden.check("help-rebound-80x24", Dashboard.render(state))
    }

    @Test func reboundKeysActAndTheOldOnesNoLonger() throws {
        var state = try rebound(Size(width: 120, height: 40))
        _ = Reducer.reduce(&state, .key(.char("J")))
        #expect(state.selectedIndex(.reminders) == 1)
        _ = Reducer.reduce(&state, .key(.char("j")))
        #expect(state.selectedIndex(.reminders) == 1)
        _ = Reducer.reduce(&state, .key(.right))
        #expect(state.focus == .cases)
        #expect(Reducer.reduce(&state, .key(.char("q"))) == [])
        #expect(Reducer.reduce(&state, .key(.char("Q"))) == [.exit(0)])
    }
}

/// `T` steps through the themes on the live screen.
@Suite struct ThemeCycleTests {
    func cycle() throws -> ThemeCycle {
        ThemeCycle(entries: try ["default", "light", "monochrome"].map {
            ThemeCycle.Entry(name: $0, palette: try ShippedThemes.load($0).palette)
        })
    }

    @Test func tSwitchesToTheNextThemeAndSaysWhich() throws {
        var state = GoldenScreenTests.demo(Size(width: 120, height: 40))
        state.themes = try cycle()
        let light = try ShippedThemes.load("light").palette
        #expect(Reducer.reduce(&state, .key(.char("T"))) == [.setPalette(light)])
        #expect(state.message?.text.hasPrefix("Theme: light (2 of 3;") == true, "\(String(describing: state.message))")
        _ = Reducer.reduce(&state, .key(.char("T")))
        let mono = try ShippedThemes.load("monochrome").palette
        // After the last comes the first again.
        #expect(Reducer.reduce(&state, .key(.char("T"))) == [.setPalette(try ShippedThemes.load("default").palette)])
        #expect(state.themes.currentEntry?.name == "default")
        #expect(mono != light)
    }

    @Test func withNothingElseToTryItSaysSo() {
        var state = GoldenScreenTests.demo(Size(width: 120, height: 40))
        #expect(Reducer.reduce(&state, .key(.char("T"))) == [])
        #expect(state.message?.text.hasPrefix("No other themes") == true)
    }

    @Test func theRuntimeRepaintsInTheNewTheme() throws {
        var state = GoldenScreenTests.demo(Size(width: 120, height: 40))
        state.themes = try cycle()
        let backend = InMemoryBackend(size: state.size, script: [.key(.char("T")), .key(.char("T"))])
        let runtime = Runtime(state: state, backend: backend, time: ManualTime(GoldenScreenTests.at), store: nil)
        _ = runtime.run()
        #expect(backend.palette == (try ShippedThemes.load("monochrome").palette))
        // The frame itself is the one a monochrome start draws, with the note in the footer.
        Golden.check("theme-switched-120x40", try #require(backend.lastFrame))
    }

    @Test func theCycleStartsAtTheChosenThemeAndTakesInTheUsersOwn() throws {
        let config = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: config) }
        let themes = config.appendingPathComponent("crmtop/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try Data(#"{"name": "ocean", "roles": {"header": {"fg": "blue"}}}"#.utf8)
            .write(to: themes.appendingPathComponent("ocean.json"))
        try Data(#"{"roles": {"header": {"fg": "sea"}}}"#.utf8).write(to: themes.appendingPathComponent("broken.json"))
        let environment = ["XDG_CONFIG_HOME": config.path]

        let cycle = try ThemeCycle.starting(with: "light", environment: environment)
        #expect(cycle.currentEntry?.name == "light")
        #expect(cycle.entries.map(\.name).contains("ocean"))
        #expect(!cycle.entries.map(\.name).contains("broken"), "a broken theme is left out")
        #expect(cycle.entries.map(\.name).filter { ShippedThemes.names.contains($0) }.count == ShippedThemes.names.count)

        #expect(try ThemeCycle.starting(with: nil, environment: environment).currentEntry?.name == "default")
        let noColor = environment.merging(["NO_COLOR": "1"]) { $1 }
        #expect(try ThemeCycle.starting(with: nil, environment: noColor).currentEntry?.name == "monochrome")

        // A theme named by its path is found in the cycle, or comes first when it is elsewhere.
        let inFolder = try ThemeCycle.starting(with: themes.appendingPathComponent("ocean.json").path, environment: environment)
        #expect(inFolder.currentEntry?.name == "ocean")
        #expect(inFolder.entries.count == cycle.entries.count)
        let elsewhere = config.appendingPathComponent("dusk.json")
        try Data(#"{"roles": {"header": {"fg": "magenta"}}}"#.utf8).write(to: elsewhere)
        let outside = try ThemeCycle.starting(with: elsewhere.path, environment: environment)
        #expect(outside.current == 0)
        #expect(outside.currentEntry?.name == "dusk")
        #expect(outside.entries.count == cycle.entries.count + 1)
        #expect(throws: (any Error).self) { try ThemeCycle.starting(with: "broken", environment: environment) }
    }
}

@Suite struct WallRebindingTests {
    @Test func theWallQuitsWithThePersonsKeyAndSaysSo() throws {
        var state = GoldenScreenTests.demo(Size(width: 80, height: 24))
        state.wall = WallSettings(rotate: 15, title: "Floor", bell: false, locked: false, startedAt: state.now)
        state.keyBindings = try UserConfig.parse(Array(#"{"keys": {"wall": {"quit": "F10"}}}"#.utf8),
                                                 file: "config.json").keyBindings
        #expect(Reducer.reduce(&state, .key(.char("q"))) == [])
        #expect(Reducer.reduce(&state, .key(.function(10))) == [.exit(0)])
        #expect(Dashboard.render(state).textLines().last?.hasSuffix("F10 quit ") == true,
                "\(Dashboard.render(state).textLines().last ?? "")")
        // The dashboard's q is untouched.
        #expect(state.keyBindings.first { $0.command == .quit && $0.scope == .dashboard }?.keys == [.char("q")])
    }
}
