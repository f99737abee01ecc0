import CRMCore
import CRMStore
import Foundation
import Testing

/// Two processes that notice the same rise of the ladder record it once.
@Suite struct EscalationRecordStoreTests {
    static let opened = utc(2026, 11, 23, 9, 0)

    /// Urgent, around the clock: first response 1 h, warning at 45 minutes, breach after an hour.
    static func data() -> DataSet {
        DataSet(
            cases: [SupportCase(id: "C-1", title: "Down", customer: "ACME", priority: .urgent, status: .new,
                                owner: "maria", opened: opened,
                                history: [HistoryEvent(at: opened, actor: "maria", action: "opened")])],
            settings: Settings(
                calendars: [BusinessCalendar(name: "default", zone: "UTC", hours: [])],
                slaPolicies: [SLAPolicy(priority: .urgent, firstResponse: 3600, warnAtFraction: 0.75)],
                escalation: [EscalationLevel(level: 1, trigger: .warning, notify: ["owner"]),
                             EscalationLevel(level: 2, trigger: .breach, notify: ["head-of-support"])]))
    }

    @Test func twoStoresNoticingTheSameRiseRecordItOnce() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try dir.store.save(Self.data())
        let dashboard = dir.store, notifier = dir.store
        let now = utc(2026, 11, 23, 10, 5)
        // Both read the directory before either wrote.
        let seenByDashboard = try dashboard.load(), seenByNotifier = try notifier.load()
        let fromDashboard = Escalation.recordings(of: seenByDashboard.cases, settings: seenByDashboard.settings, at: now)
        let fromNotifier = Escalation.recordings(of: seenByNotifier.cases, settings: seenByNotifier.settings, at: now)
        #expect(fromDashboard.count == 2)
        #expect(fromDashboard == fromNotifier, "the same rises, dated the same")
        try dashboard.apply(fromDashboard)
        let journal = dir.text("journal.jsonl")
        try notifier.apply(fromNotifier)
        #expect(dir.text("journal.jsonl") == journal, "the second writer stores nothing")

        let history = try DataStore(directory: dir.url).load().cases[0].history
        #expect(history.map(\.action) == ["opened", "escalated", "escalated"])
        #expect(history.map(\.at) == [Self.opened, utc(2026, 11, 23, 9, 45), utc(2026, 11, 23, 10, 0)])
        #expect(history.map(\.detail) == [nil, "level 1: owner", "level 2: head-of-support"])
    }
}
