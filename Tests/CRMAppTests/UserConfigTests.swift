import CRMApp
import CRMStore
import Foundation
import TerminalUI
import Testing

@Suite struct UserConfigTests {
    func parse(_ text: String) throws(LoadError) -> UserConfig {
        try UserConfig.parse(Array(text.utf8), file: "config.json")
    }

    /// The error's text, or a note that there was none.
    func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return error.description
        }
    }

    func binding(_ config: UserConfig, _ command: Command, _ scope: KeyScope) -> KeyBinding? {
        config.keyBindings.first { $0.command == command && $0.scope == scope }
    }

    @Test func anEmptyConfigChangesNothing() throws {
        let config = try parse("{}")
        #expect(config.theme == nil)
        #expect(config.mouse)
        #expect(config.keyBindings == KeyMap.bindings)
    }

    @Test func themeMouseAndKeysAreRead() throws {
        let config = try parse("""
            {
              "theme": "solarized-dark",
              "mouse": false,
              "keys": { "quit": "Q", "down": ["J", "Down"] }
            }
            """)
        #expect(config.theme == "solarized-dark")
        #expect(config.themePosition == TextPosition(line: 2, column: 12))
        #expect(!config.mouse)
        #expect(binding(config, .quit, .dashboard)?.keys == [.char("Q")])
        // An action given at the top level is rebound wherever it works.
        #expect(binding(config, .quit, .wall)?.keys == [.char("Q")])
        #expect(binding(config, .down, .dashboard)?.keys == [.char("J"), .down])
        #expect(binding(config, .down, .menu)?.keys == [.char("J"), .down])
        // Everything else keeps its keys.
        #expect(binding(config, .up, .dashboard)?.keys == [.up, .char("k")])
    }

    @Test func aPlaceOfItsOwnWinsOverEverywhereWhicheverComesFirst() throws {
        let config = try parse("""
            {"keys": {"menu": {"cancel": ["Esc", "x"]}, "cancel": ["Esc", "F10"]}}
            """)
        #expect(binding(config, .cancel, .menu)?.keys == [.escape, .char("x")])
        #expect(binding(config, .cancel, .form)?.keys == [.escape, .function(10)])
        #expect(binding(config, .cancel, .filter)?.keys == [.escape, .function(10)])
    }

    @Test func keysResolveThroughTheRebuiltTable() throws {
        let config = try parse(#"{"keys": {"acknowledge": "K"}}"#)
        #expect(KeyMap.resolve(.char("K"), in: .pane(.reminders), config.keyBindings) == .acknowledge)
        #expect(KeyMap.resolve(.char("a"), in: .pane(.reminders), config.keyBindings) == nil)
    }

    @Test(arguments: [
        // Not JSON at all: the parser's own position.
        (#"{"theme": "light",}"#, "config.json:1:19: "),
        (#"[]"#, "config.json:1:1: a config file is a JSON object"),
        ("{\n  \"colour\": \"red\"\n}", "config.json:2:3: colour: unknown setting; a config file has theme, mouse and keys"),
        (#"{"mouse": "yes"}"#, "config.json:1:11: mouse: expected true or false"),
        (#"{"theme": 3}"#, "config.json:1:11: theme: expected a theme name"),
        (#"{"keys": ["q"]}"#, "config.json:1:10: keys: expected an object"),
        ("{\"keys\": {\n  \"jump\": \"J\"}}", "config.json:2:3: keys.jump: unknown action; actions are focus_next, "),
        (#"{"keys": {"quit": "Escape key"}}"#, "config.json:1:19: keys.quit: \"Escape key\" is not a key"),
        (#"{"keys": {"quit": ["Q", 7]}}"#, "config.json:1:25: keys.quit: expected a key name"),
        (#"{"keys": {"quit": []}}"#, "config.json:1:19: keys.quit: give at least one key"),
        (#"{"keys": {"pane": {"quit": "Q"}}}"#, "config.json:1:11: keys.pane: unknown place; keys can be bound under dashboard, "),
        (#"{"keys": {"cases": {"acknowledge": "K"}}}"#,
         "config.json:1:21: keys.cases.acknowledge: acknowledge has no key in cases; it works in: reminders"),
        (#"{"keys": {"quit": {"key": "Q"}}}"#, "config.json:1:19: keys.quit: expected a key name or a list of them"),
        (#"{"keys": {"quit": "Ctrl-C"}}"#, "config.json:1:19: keys.quit: \"Ctrl-C\": Ctrl-C interrupts and always quits"),
    ])
    func mistakesNameTheFieldAndWhereItIs(text: String, expected: String) {
        let message = error(text)
        #expect(message.hasPrefix(expected), "\(message)")
    }

    @Test func aKeyBoundTwiceNamesBothActions() {
        // j is still `down` anywhere on the dashboard.
        #expect(error("{\"keys\": {\n  \"quit\": \"j\"\n}}")
                == "config.json:2:11: keys.quit: \"j\" is bound to both down and quit (anywhere); give one of them another key")
        // A pane's key against the dashboard's: both are live while that pane has focus.
        #expect(error(#"{"keys": {"resolve": "q"}}"#)
                == "config.json:1:22: keys.resolve: \"q\" is bound to both resolve and quit (cases pane and anywhere); give one of them another key")
        // Both written by the person: the later one is blamed.
        #expect(error(#"{"keys": {"undo": "U", "help": "U"}}"#).hasPrefix("config.json:1:32: keys.help: \"U\" is bound to both"))
    }

    @Test func theSameKeyInPlacesNeverLiveTogetherIsFine() throws {
        // `t` is teams on the leaderboard; on the reminders pane it may mean something else.
        let config = try parse(#"{"keys": {"toggle_everyone": "t"}}"#)
        #expect(binding(config, .toggleEveryone, .reminders)?.keys == [.char("t")])
    }

    @Test func formsAndTheFilterLineKeepPrintableKeysForTyping() {
        #expect(error(#"{"keys": {"form": {"submit": "s"}}}"#)
                == "config.json:1:30: keys.form.submit: \"s\" would be typed into the text in a form; bind Enter, Tab, a function key or Ctrl- and a letter there")
        // `submit` works in menus too, where a letter is fine: the message says how.
        #expect(error(#"{"keys": {"submit": "s"}}"#).hasSuffix("or bind it under the place it is meant for"))
        #expect((try? parse(#"{"keys": {"menu": {"submit": "s"}, "form": {"submit": ["Enter", "Ctrl-O"]}}}"#)) != nil)
    }

    @Test func theDefaultFileIsOptionalButAGivenOneIsNot() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let environment = ["XDG_CONFIG_HOME": dir.path]
        #expect(try UserConfig.load(path: nil, environment: environment) == UserConfig())

        let file = dir.appendingPathComponent("crmtop/config.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"mouse": false}"#.utf8).write(to: file)
        #expect(UserConfig.defaultURL(environment: environment) == file)
        #expect(try UserConfig.load(path: nil, environment: environment).mouse == false)
        #expect(UserConfig.defaultURL(environment: ["HOME": "/home/maria"])?.path == "/home/maria/.config/crmtop/config.json")

        let missing = dir.appendingPathComponent("elsewhere.json").path
        #expect(throws: LoadError(file: missing, message: "cannot read the file")) {
            try UserConfig.load(path: missing, environment: environment)
        }
    }
}

/// The examples people copy from the README and docs/CONFIG.md are valid config files.
@Suite struct DocumentedConfigTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func jsonBlocks(in file: String, after heading: String) throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        let section = try #require(text.range(of: heading)).upperBound
        return text[section...].components(separatedBy: "```json\n").dropFirst().compactMap {
            $0.components(separatedBy: "```").first
        }
    }

    @Test(arguments: [("README.md", "## Your own settings: config.json"), ("docs/CONFIG.md", "## Keys")])
    func examplesParse(file: String, heading: String) throws {
        let blocks = try Self.jsonBlocks(in: file, after: heading)
        #expect(!blocks.isEmpty)
        for block in blocks.prefix(1) {
            let config = try UserConfig.parse(Array(block.utf8), file: file)
            #expect(config.keyBindings != KeyMap.bindings, "the example rebinds something")
        }
    }
}
