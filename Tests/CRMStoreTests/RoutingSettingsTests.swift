import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// settings.json's `routing`: written as documented, read back as it was, bad values named.
@Suite struct RoutingSettingsTests {
    @Test func routingIsWrittenAndReadBack() throws {
        let dir = TempDir()
        defer { dir.remove() }
        var data = DataSet()
        data.settings.routing = CaseRouting(byKind: [.feedback: Route(team: "support")],
                                            fallback: Route(owner: "lucas", team: "sales"))
        try dir.store.save(data)
        let text = try #require(dir.text("settings.json"))
        #expect(text.contains("""
              "routing": {
                "feedback": {
                  "team": "support"
                },
                "default": {
                  "owner": "lucas",
                  "team": "sales"
                }
              }
            """), "\(text)")
        #expect(try DataStore(directory: dir.url).load().settings.routing == data.settings.routing)
        #expect(data.settings.routing.route(for: .standard) == Route(owner: "lucas", team: "sales"))
    }

    @Test func settingsWithoutRoutingAreWrittenWithout() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(DataSet())
        #expect(dir.text("settings.json")?.contains("routing") == false)
    }

    @Test(arguments: [
        (#"{"version": 2, "routing": {"feedback": {}}}"#,
         "settings.json:1:40: routing.feedback: a route names an owner, a team or both"),
        (#"{"version": 2, "routing": {"case": {"team": 7}}}"#,
         "settings.json:1:45: routing.case.team: expected a string, found 7"),
        (#"{"version": 2, "routing": ["support"]}"#,
         "settings.json:1:27: routing: expected an object, found an array"),
    ])
    func badRoutingNamesItsPlace(_ text: String, _ expected: String) {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("settings.json", text)
        do throws(LoadError) {
            _ = try dir.store.load()
            Issue.record("loaded")
        } catch {
            #expect(error.description == expected)
        }
    }
}
