import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// The `notify` section of settings.json: read, written back, and refused with the place named.
@Suite struct NotifySettingsTests {
    func load(_ notify: String) throws(LoadError) -> Settings {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("settings.json", "{\"version\": 2,\n \"notify\": \(notify)}\n")
        return try dir.store.load().settings
    }

    func error(_ notify: String) -> String? {
        do throws(LoadError) {
            _ = try load(notify)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsEveryFieldAndDefaultsTheRest() throws {
        let settings = try load(#"{"command": "notify-me", "events": ["sla.breach", "goal.reached"], "#
            + #""repeat_every": "15m", "alerts_before": ["1d", "10m"], "digest": {"jo": "30m"}, "timeout": "20s"}"#)
        #expect(settings.notify == NotifySettings(command: "notify-me", events: [.slaBreach, .goalReached],
                                                  repeatEvery: 900, alertsBefore: [86400, 600], digest: ["jo": 1800],
                                                  timeout: 20))
        #expect(try load(#"{"command": "notify-me"}"#).notify == NotifySettings(command: "notify-me"))
        #expect(try load("null").notify == NotifySettings())
    }

    @Test func mistakesNameTheFieldAndWhereItIs() {
        #expect(error(#"{"events": ["sla.breach", "sla.broken"]}"#)?
            .hasPrefix("settings.json:2:38: notify.events[1]: expected one of reminder.alert, ") == true)
        #expect(error(#"{"repeat_every": "0m"}"#)
            == #"settings.json:2:29: notify.repeat_every: expected a duration longer than 0s, found "0m""#)
        #expect(error(#"{"digest": {"jo": "soon"}}"#)
            == #"settings.json:2:30: notify.digest.jo: expected a duration like 4h or 1h30m, found "soon""#)
        #expect(error(#"{"command": 3}"#) == "settings.json:2:24: notify.command: expected a string, found 3")
    }

    @Test func aDefaultSectionIsNotWrittenAndAnotherRoundTrips() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(DataSet(), collections: [.settings])
        #expect(dir.text("settings.json")?.contains("notify") == false)
        let notify = NotifySettings(command: "notify-me", events: [.reminderDue], repeatEvery: 600,
                                    alertsBefore: [3600], digest: ["maria": 3600, "jo": 1800], timeout: 90)
        try dir.store.save(DataSet(settings: Settings(notify: notify)), collections: [.settings])
        #expect(try DataStore(directory: dir.store.directory).load().settings.notify == notify)
    }
}
