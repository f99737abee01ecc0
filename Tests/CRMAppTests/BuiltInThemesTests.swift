import Foundation
import Testing
@testable import CRMApp

/// The themes inside the binary are the files in themes/, which stay their source.
@Suite struct BuiltInThemesTests {
    static let themesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    @Test func everyShippedThemeIsBuiltInAsItsFileSays() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(BuiltInThemes.files.map { $0.name + ".json" } == files, "run scripts/embed-themes")
        for (name, json) in BuiltInThemes.files {
            let onDisk = try String(contentsOf: Self.themesFolder.appendingPathComponent(name + ".json"), encoding: .utf8)
            #expect(json == onDisk.trimmingCharacters(in: .newlines), "\(name).json differs; run scripts/embed-themes")
            #expect(throws: Never.self) { try ThemeLoader.builtIn(name) }
        }
    }

    @Test func aThemeFoundNowhereElseComesFromTheBinaryAndAUserFileStillWins() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-themes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let mine = home.appendingPathComponent("crmtop/themes")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try #"{"name": "light", "description": "mine", "roles": {}}"#.write(
            to: mine.appendingPathComponent("light.json"), atomically: true, encoding: .utf8)
        let catalog = ThemeLoader.catalog(environment: ["XDG_CONFIG_HOME": home.path])
        let light = try #require(catalog.first { $0.name == "light" })
        #expect(light.origin == .user && light.overrides)
        #expect(try light.theme.get().description == "mine")
        #expect(Set(catalog.map(\.name)).isSuperset(of: BuiltInThemes.files.map(\.name)))
    }
}
