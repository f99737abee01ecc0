import CRMApp
import Foundation
import TerminalUI
import Testing

enum ShippedThemes {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

    static let names = ["default", "monochrome", "light", "high-contrast", "solarized-dark", "solarized-light"]

    static func load(_ name: String) throws -> Theme {
        try ThemeLoader.load(directory.appendingPathComponent(name + ".json"))
    }
}

@Suite struct ShippedThemeTests {
    @Test(arguments: ShippedThemes.names)
    func everyShippedThemeLoadsAndMapsEveryRole(name: String) throws {
        let theme = try ShippedThemes.load(name)
        let missing = Role.allCases.filter { theme.palette.styles[$0] == nil }
        #expect(missing.isEmpty, "\(name) leaves out \(missing.map(ThemeLoader.fileName(of:)))")
        #expect(theme.name == name)
        #expect(!theme.description.isEmpty)
    }

    @Test func noOtherThemesShipUntested() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ShippedThemes.directory.path)
        #expect(Set(files) == Set(ShippedThemes.names.map { $0 + ".json" }))
    }

    /// A theme's background belongs to bars and marks only; text keeps the terminal's own.
    @Test(arguments: ShippedThemes.names)
    func plainTextKeepsTheTerminalsColours(name: String) throws {
        let palette = try ShippedThemes.load(name).palette
        for role in [Role.text, .footer, .overlay] {
            #expect(palette.style(for: role).background == .default, "\(name) \(role)")
            #expect(palette.style(for: role).foreground == .default, "\(name) \(role)")
        }
    }

    @Test func descriptionsSpellColoursTheWayThemeFilesDo() {
        let style = TextStyle(foreground: .indexed(15), background: .indexed(4), attributes: [.bold, .underline])
        #expect(ThemeLoader.describe(style) == "bright-white on blue, bold, underline")
        #expect(ThemeLoader.describe(TextStyle(foreground: .rgb(0xff, 0xaf, 0))) == "#ffaf00")
        #expect(ThemeLoader.describe(TextStyle(background: .indexed(236))) == "default on 236")
        #expect(ThemeLoader.describe(TextStyle()) == "terminal default")
    }
}

@Suite struct ThemeErrorTests {
    func error(_ text: String) -> String {
        do {
            _ = try ThemeLoader.parse(Array(text.utf8), file: "mine.json")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func anUnknownRoleIsNamedWithItsLineAndTheKnownRoles() {
        let message = error("""
            {
              "roles": {
                "text": {},
                "sla_breach": { "fg": "red" }
              }
            }
            """)
        #expect(message.hasPrefix("mine.json:4:5: roles.sla_breach: unknown role; known roles: text, dim,"), "\(message)")
        #expect(message.contains("sla_breached"))
    }

    @Test func anUnknownColourNamesTheRoleAndField() {
        let message = error("""
            {
              "roles": {
                "sla_warning": { "fg": "amber", "attrs": ["bold"] }
              }
            }
            """)
        #expect(message.hasPrefix("mine.json:3:28: roles.sla_warning.fg: not a colour"), "\(message)")
    }

    @Test(arguments: ["256", "\"#ffaf0\"", "\"bright-amber\"", "-1"])
    func outOfRangeColoursAreRefused(value: String) {
        let message = error("{\"roles\": {\"link\": {\"bg\": \(value)}}}")
        #expect(message.contains("roles.link.bg: not a colour"), "\(message)")
    }

    @Test func anUnknownAttributeNamesTheRoleAndTheChoices() {
        let message = error("""
            {
              "roles": {
                "selection": { "attrs": ["reverse", "blinking"] }
              }
            }
            """)
        #expect(message.hasPrefix("mine.json:3:41: roles.selection.attrs: unknown attribute \"blinking\"; use bold, dim,"), "\(message)")
    }

    @Test func anUnknownStyleKeyIsRefused() {
        let message = error("{\"roles\": {\"link\": {\"colour\": \"red\"}}}")
        #expect(message.contains("roles.link.colour: unknown key"), "\(message)")
    }

    @Test func badJSONIsReportedWhereItBreaks() {
        let message = error("""
            {
              "roles": {
                "text": {},
              }
            }
            """)
        #expect(message.hasPrefix("mine.json:4:3: "), "\(message)")
    }

    @Test func aMissingRolesObjectIsReported() {
        #expect(error("{\"name\": \"x\"}") == "mine.json:1:1: roles: missing: an object mapping roles to styles")
        #expect(error("{\"roles\": []}").hasPrefix("mine.json:1:11: roles: expected an object"))
        #expect(error("[]").hasPrefix("mine.json:1:1: a theme is a JSON object"))
    }

    @Test func aMissingFileOrThemeSaysSo() {
        #expect(throws: ThemeError.self) { try ThemeLoader.palette(named: "/nonexistent/x.json", environment: [:]) }
        #expect(throws: ThemeError.self) { try ThemeLoader.palette(named: "no-such-theme", environment: [:]) }
    }
}

@Suite struct ThemeSearchTests {
    func userThemes(_ files: [String: String]) throws -> [String: String] {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-themes-\(UUID().uuidString)")
        let dir = config.appendingPathComponent("crmtop/themes")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return ["XDG_CONFIG_HOME": config.path]
    }

    @Test func aUserThemeWinsOverTheShippedOneOfTheSameName() throws {
        let env = try userThemes(["default.json": #"{"description": "mine", "roles": {"text": {"fg": "red"}}}"#])
        defer { try? FileManager.default.removeItem(atPath: env["XDG_CONFIG_HOME"]!) }
        let palette = try ThemeLoader.palette(named: "default", environment: env)
        #expect(palette == Palette(styles: [.text: TextStyle(foreground: .indexed(1))]))
        #expect(try ThemeLoader.palette(named: nil, environment: env) == palette)

        let entries = ThemeLoader.catalog(environment: env)
        let mine = try #require(entries.first { $0.name == "default" })
        #expect(mine.origin == .user)
        #expect(mine.overrides)
        #expect(try mine.theme.get().description == "mine")
        #expect(entries.filter { $0.name == "default" }.count == 1)
        #expect(entries.first { $0.name == "light" }?.origin == .shipped)
    }

    @Test func userThemesAreFoundUnderHomeWithoutXDG() throws {
        let env = try userThemes(["ocean.json": #"{"roles": {}}"#])
        defer { try? FileManager.default.removeItem(atPath: env["XDG_CONFIG_HOME"]!) }
        let home = URL(fileURLWithPath: env["XDG_CONFIG_HOME"]!).deletingLastPathComponent()
        #expect(ThemeLoader.userDirectory(["HOME": home.path])?.path == home.path + "/.config/crmtop/themes")
        #expect(ThemeLoader.locate("ocean", environment: env) != nil)
    }

    @Test func aBrokenUserThemeIsListedWithItsError() throws {
        let env = try userThemes(["broken.json": "{\"roles\": {\"nope\": {}}}"])
        defer { try? FileManager.default.removeItem(atPath: env["XDG_CONFIG_HOME"]!) }
        let broken = try #require(ThemeLoader.catalog(environment: env).first { $0.name == "broken" })
        #expect(throws: ThemeError.self) { try broken.theme.get() }
    }

    @Test func noColorPicksTheMonochromeThemeUnlessOneIsChosen() throws {
        let monochrome = try ShippedThemes.load("monochrome").palette
        #expect(try ThemeLoader.palette(named: nil, environment: ["NO_COLOR": "1"]) == monochrome)
        #expect(try ThemeLoader.palette(named: nil, environment: ["NO_COLOR": ""]) == ShippedThemes.load("default").palette)
        #expect(try ThemeLoader.palette(named: "light", environment: ["NO_COLOR": "1"]) == ShippedThemes.load("light").palette)
    }
}
