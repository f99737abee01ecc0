@testable import CRMApp
@testable import CRMCLI
import CRMCore
import Foundation
import TerminalUI
import Testing

/// A theme that leaves roles out draws them plain; people are told which.
@Suite struct ThemeMissingRolesTests {
    static let partial = #"{"name": "ocean", "roles": {"text": {}, "selection": {"attrs": ["reverse"]}}}"#

    @Test func everyShippedThemeStylesEveryRole() throws {
        let run = crmtop("themes", "--json")
        let themes = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        for theme in themes {
            #expect(theme["missing_roles"] as? [String] == [], "\(theme["name"] ?? "?")")
        }
    }

    @Test func crmtopThemesNamesTheRolesAThemeLeavesOut() throws {
        let (env, config) = try userThemes(["ocean.json": Self.partial])
        defer { try? FileManager.default.removeItem(at: config) }
        let run = crmtop("themes", "--theme", "ocean", "--color", "never", env: env)
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("no style for ") && run.out.contains("sla_breached"), "\(run.out)")
        #expect(!run.out.contains("selection,"), "a styled role is listed as missing: \(run.out)")
    }

    @Test func theDashboardSaysSoWhenItStartsWithSuchATheme() throws {
        let (env, config) = try userThemes(["ocean.json": Self.partial])
        defer { try? FileManager.default.removeItem(at: config) }
        var state = AppState(data: DataSet(), user: "maria", now: Date(timeIntervalSince1970: 1_795_428_000),
                             size: Size(width: 120, height: 40))
        state.themes = try ThemeCycle.starting(with: "ocean", environment: env)
        ThemeKeys.noteMissingRoles(&state)
        #expect(state.message?.text.hasPrefix("theme ocean has no style for ") == true, "\(state.message?.text ?? "no message")")
        #expect(state.message?.text.contains("drawn plain") == true)
    }
}
