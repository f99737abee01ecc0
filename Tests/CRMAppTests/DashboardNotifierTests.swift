import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUI
import Testing

/// A dashboard runs the notify command itself only while no `crmtop notify` holds the
/// notifier's lock for its directory.
@Suite struct DashboardNotifierTests {
    /// Runs the dashboard for three seconds on a directory whose notify command records its calls.
    static func runDashboard(in dir: URL) throws -> [String] {
        var data = Fixture.data
        data.settings.notify = NotifySettings(
            command: "printf '%s %s %s\\n' \"$CRMTOP_EVENT\" \"$CRMTOP_SUBJECT\" \"$CRMTOP_RECIPIENTS\" >> '\(dir.path)/calls.txt'")
        let store = DataStore(directory: dir)
        try store.save(data, collections: Set(DataStore.Collection.allCases))
        let time = ManualTime(Fixture.now)
        let backend = InMemoryBackend(size: Size(width: 120, height: 40),
                                      script: [.idle, .idle, .idle, .key(.char("q"))])
        backend.beforeRead = { _ in time.advance(1) }
        var state = Fixture.state()
        state.data = data
        #expect(Runtime(state: state, backend: backend, time: time, store: store).run() == 0)
        let calls = (try? String(contentsOf: dir.appendingPathComponent("calls.txt"), encoding: .utf8)) ?? ""
        return calls.split(separator: "\n").map(String.init)
    }

    @Test func withoutANotifierTheDashboardSendsEachEventOnce() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.runDashboard(in: dir) == [
            "reminder.due R1 maria,tom", "reminder.active R2 maria", "sla.breach C1 tom",
        ])
        // Started again: everything is in the record already.
        #expect(try Self.runDashboard(in: dir).count == 3)
    }

    @Test func whileANotifierRunsTheDashboardLeavesItToIt() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let held = try #require(try NotifierLock.acquire(directory: dir, wait: false))
        #expect(try Self.runDashboard(in: dir).isEmpty)
        withExtendedLifetime(held) {}
    }
}
