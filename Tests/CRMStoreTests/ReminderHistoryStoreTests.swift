import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// A reminder's history goes through the journal and compaction unchanged, and files from
/// before there was one still load.
@Suite struct ReminderHistoryStoreTests {
    static let t = utc(2026, 11, 23, 9)

    static func directory() throws -> TempDir {
        let dir = TempDir()
        var data = DataSet(settings: Samples.settings)
        data.reminders = [Reminder(id: "r0", title: "Call Acme", owners: ["maria", "li"], due: t)
            .made(.created, ChangeStamp(at: t - 86_400, actor: "li"))]
        try dir.store.save(data)
        return dir
    }

    @Test func historyIsJournalledAndKeptByCompaction() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let saved = try dir.store.apply([
            .reminder(.snooze(id: "r0", person: "maria", until: Self.t + 3600, at: Self.t + 60)),
            .reminder(.acknowledge(id: "r0", person: "li", at: Self.t + 120)),
            .reminder(.edit(id: "r0", [.priority(.high)], ChangeStamp(at: Self.t + 180, actor: "maria"))),
        ])
        let expected = [
            HistoryEvent(at: Self.t - 86_400, actor: "li", action: "created"),
            HistoryEvent(at: Self.t + 60, actor: "maria", action: "snoozed", detail: "until 2026-11-23 11:00"),
            HistoryEvent(at: Self.t + 120, actor: "li", action: "acknowledged"),
            HistoryEvent(at: Self.t + 180, actor: "maria", action: "edited", detail: "priority: normal → high"),
        ]
        #expect(saved.reminders[0].history == expected)
        let journal = try #require(dir.text("journal.jsonl"))
        #expect(journal.contains(#""op":"reminder.edit","id":"r0","fields":[{"priority":"high"}],"at":"2026-11-23T10:03:00+01:00","actor":"maria"}"#))
        #expect(try DataStore(directory: dir.url).load().reminders[0].history == expected)

        try dir.store.compact()
        #expect(dir.text("journal.jsonl")?.contains("reminder.edit") != true)
        #expect(try #require(dir.text("reminders.json")).contains(
            #"{"at": "2026-11-23T10:01:00+01:00", "actor": "maria", "action": "snoozed", "detail": "until 2026-11-23 11:00"}"#))
        #expect(try DataStore(directory: dir.url).load().reminders[0].history == expected)
    }

    @Test func filesAndJournalLinesFromBeforeTheHistoryLoadWithAnEmptyOne() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("reminders.json", """
            {"version": 2, "reminders": [{"id": "r0", "title": "Old", "owners": ["maria"], "due": "2026-11-23T10:00:00Z"}]}
            """)
        dir.write("journal.jsonl", """
            {"version":2,"seq":0}
            {"seq":1,"op":"reminder.snooze","id":"r0","person":"maria","until":"2026-11-23T11:00:00Z"}
            {"seq":2,"op":"reminder.edit","id":"r0","fields":[{"title":"Older"}]}

            """)
        let r = try dir.store.load().reminders[0]
        #expect(r.title == "Older" && r.snoozedUntil == ["maria": utc(2026, 11, 23, 11)])
        #expect(r.history.isEmpty)
        // Saved again, it still has no history to write.
        try dir.store.compact()
        #expect(dir.text("reminders.json")?.contains("history") == false)
    }

    @Test func aBadHistoryEntryIsNamedByItsPath() {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("reminders.json", #"""
            {"version": 2, "reminders": [{"id": "r0", "title": "Old", "owners": ["maria"], "due": "2026-11-23T10:00:00Z",
              "history": [{"at": "2026-11-23T09:00:00Z", "action": "created"}, {"at": "yesterday", "action": "edited"}]}]}
            """#)
        #expect(throws: LoadError.self) { try dir.store.load() }
        do {
            _ = try dir.store.load()
        } catch {
            #expect(error.description == "reminders.json:2:75: reminders[0].history[1].at: expected a time like 2026-11-23T10:00:00+01:00, found \"yesterday\"")
        }
        #expect(dir.text("reminders.json")?.contains("yesterday") == true)
    }
}
