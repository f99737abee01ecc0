import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// Per theme, how it draws every role the demo dashboard uses: a review of a theme
/// change reads as a diff of these files, keyed by the letters of the golden screens.
@Suite struct ThemeGoldenTests {
    /// Frames that between them draw the panes, both overlays, a message, an error and every
    /// case state.
    static let rolesDrawn: [Role] = {
        var states: [AppState] = []
        var state = GoldenScreenTests.demo(Size(width: 120, height: 40))
        states.append(state)
        _ = Reducer.reduce(&state, .command(.acknowledge))
        states.append(state)
        _ = Reducer.reduce(&state, .command(.details))
        states.append(state)
        _ = Reducer.reduce(&state, .command(.close))
        _ = Reducer.reduce(&state, .command(.focusNext))
        _ = Reducer.reduce(&state, .command(.details))
        states.append(state)
        _ = Reducer.reduce(&state, .command(.close))
        _ = Reducer.reduce(&state, .saveFailed("disk full"))
        _ = Reducer.reduce(&state, .command(.help))
        states.append(state)
        // Tall enough for the whole case queue: cases waiting on the customer come last.
        states.append(GoldenScreenTests.demo(Size(width: 200, height: 60)))
        let letters = Set(states.flatMap { Dashboard.render($0).roleLines().joined() })
        return Role.allCases.filter { letters.contains($0.letter) }
    }()

    static func sheet(_ theme: Theme) -> String {
        let rows = rolesDrawn.map { role in
            "\(role.letter)  " + ThemeLoader.fileName(of: role).padding(toLength: 20, withPad: " ", startingAt: 0)
                + ThemeLoader.describe(theme.palette.style(for: role))
        }
        return (["\(theme.name): \(theme.description)", ""] + rows).joined(separator: "\n") + "\n"
    }

    @Test func theDemoDrawsTheRolesThatCarryMeaning() {
        for role in [Role.header, .selection, .slaBreached, .slaWarning, .slaOnTrack, .reminderOverdue,
                     .message, .error, .overlayTitle, .gaugeFilled] {
            #expect(Self.rolesDrawn.contains(role), "\(role) is never drawn")
        }
    }

    @Test(arguments: ShippedThemes.names)
    func roleSheet(name: String) throws {
        let actual = Self.sheet(try ShippedThemes.load(name))
        let url = Golden.directory.appendingPathComponent("themes/\(name).txt")
        if ProcessInfo.processInfo.environment["CRMTOP_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: url, encoding: .utf8)
        #expect(expected == actual, """
            golden themes/\(name).txt differs (CRMTOP_UPDATE_GOLDENS=1 rewrites goldens; review the diff):
            \(actual)
            """)
    }
}
