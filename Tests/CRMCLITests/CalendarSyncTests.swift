import CalDAVTestServer
import CRMCalDAV
import CRMCLI
import Foundation
import Testing

/// `crmtop sync` against a real Radicale, with a second client playing the phone.
@Suite struct CalendarSyncTests {
    let server: RadicaleServer
    let phone: CalDAVClient

    init() throws {
        server = try RadicaleServer.shared.get()
        phone = CalDAVClient(exchange: server.exchange(for: "alice"))
    }

    /// The demo, with an account for maria on a new calendar of alice's, synced once.
    func synced() throws -> (DemoDirectory, URL) {
        let dir = try DemoDirectory()
        let calendar = try server.makeCalendar(for: "alice")
        let password = dir.url.deletingLastPathComponent().appendingPathComponent("pw-\(UUID().uuidString)").path
        try "secret\n".write(toFile: password, atomically: true, encoding: .utf8)
        chmod(password, 0o600)
        let add = dir.run(["calendar-sync", "add", "work", "--url", calendar.absoluteString, "--username", "alice",
                           "--password-file", password], user: "maria")
        #expect(add.code == 0, "\(add.err)")
        let first = sync(dir)
        #expect(first.code == 0, "\(first.err)")
        return (dir, calendar)
    }

    func sync(_ dir: DemoDirectory, _ extra: [String] = []) -> Run {
        dir.run(["sync", "--once"] + extra, user: "maria")
    }

    func todo(_ uid: String, _ summary: String, due: String = "20261125T090000Z") -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//phone//EN\r\nBEGIN:VTODO\r\nUID:\(uid)\r\nDTSTAMP:20261123T090000Z\r\n"
            + "DUE:\(due)\r\nSUMMARY:\(summary)\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    }

    func reminders(_ dir: DemoDirectory) throws -> [[String: Any]] {
        try objects(dir.run(["reminder", "list", "--json"], user: "maria"))
    }

    func serverItem(_ calendar: URL, containing text: String) throws -> CalendarItem? {
        let versions = try phone.versions(in: calendar)
        return try phone.items(in: calendar, hrefs: versions.map(\.href)).first { $0.calendarData.contains(text) }
    }

    @Test func theFirstSyncTakesTheRemindersToTheCalendarAndASecondHasNothingToDo() throws {
        let (dir, calendar) = try synced()
        let mine = try reminders(dir)
        #expect(!mine.isEmpty)
        let items = try phone.versions(in: calendar)
        #expect(items.count == mine.count)
        #expect(try serverItem(calendar, containing: "SUMMARY:Call back Acme about renewal") != nil)
        let again = sync(dir)
        #expect(again.out == "work: in step.\n", "\(again.out)")
    }

    @Test func aToDoMadeOnThePhoneBecomesAReminderAndItsChangeFollows() throws {
        let (dir, calendar) = try synced()
        let url = calendar.appendingPathComponent("phone-1.ics")
        let tag = try phone.put(todo("phone-1", "Pick up the signed contract"), at: url, replacing: nil)
        let run = sync(dir)
        #expect(run.out == "work: 1 from the calendar.\n", "\(run.out) \(run.err)")
        let made = try #require(try reminders(dir).first { $0["title"] as? String == "Pick up the signed contract" })
        #expect(made["owners"] as? [String] == ["maria"])

        _ = try phone.put(todo("phone-1", "Pick up the signed contract at 10"), at: url, replacing: tag)
        #expect(sync(dir).out == "work: 1 from the calendar.\n")
        #expect(try reminders(dir).contains { $0["title"] as? String == "Pick up the signed contract at 10" })
    }

    @Test func aChangeInCrmtopReachesTheCalendar() throws {
        let (dir, calendar) = try synced()
        #expect(dir.run(["reminder", "edit", "R-1002", "--title", "Call Acme about the renewal price"], user: "maria").code == 0)
        let run = sync(dir)
        #expect(run.out == "work: 1 to the calendar.\n", "\(run.out) \(run.err)")
        #expect(try serverItem(calendar, containing: "SUMMARY:Call Acme about the renewal price") != nil)
        #expect(try serverItem(calendar, containing: "SUMMARY:Call back Acme about renewal") == nil)
    }

    @Test func bothChangedTakesTheCalendarsVersionAndKeepsCrmtopsInTheHistory() throws {
        let (dir, calendar) = try synced()
        let item = try #require(try serverItem(calendar, containing: "SUMMARY:Call back Acme about renewal"))
        let changed = item.calendarData.replacingOccurrences(of: "SUMMARY:Call back Acme about renewal",
                                                             with: "SUMMARY:Acme renewal: call Friday")
        _ = try phone.put(changed, at: URL(string: item.version.href, relativeTo: calendar)!.absoluteURL,
                          replacing: item.version.etag)
        #expect(dir.run(["reminder", "edit", "R-1002", "--title", "Acme renewal: send the quote"], user: "maria").code == 0)
        let run = sync(dir)
        #expect(run.out.contains("changed on both sides: R-1002"), "\(run.out) \(run.err)")
        let shown = dir.run(["reminder", "show", "R-1002"], user: "maria").out
        #expect(shown.contains("Acme renewal: call Friday"), "\(shown)")
        // crmtop's title stays readable in the history, as what the calendar's replaced.
        #expect(shown.contains("Acme renewal: send the quote → Acme renewal: call Friday"), "\(shown)")
        #expect(shown.contains("changed on both sides"), "\(shown)")
        #expect(sync(dir).out == "work: in step.\n")
    }

    @Test func deletionsTravelBothWays() throws {
        let (dir, calendar) = try synced()
        #expect(dir.run(["reminder", "delete", "R-1002"], user: "maria").code == 0)
        let item = try #require(try serverItem(calendar, containing: "SUMMARY:Send monthly sales report"))
        try phone.delete(at: URL(string: item.version.href, relativeTo: calendar)!.absoluteURL, etag: item.version.etag)
        let run = sync(dir)
        #expect(run.out == "work: 1 deleted here, 1 deleted in the calendar.\n", "\(run.out) \(run.err)")
        #expect(try serverItem(calendar, containing: "SUMMARY:Call back Acme about renewal") == nil)
        #expect(try !reminders(dir).contains { $0["title"] as? String == "Send monthly sales report" })
        #expect(sync(dir).out == "work: in step.\n")
    }

    @Test func aDryRunSaysWhatWouldChangeAndChangesNothing() throws {
        let (dir, calendar) = try synced()
        _ = try phone.put(todo("phone-2", "Book the trade fair stand"), at: calendar.appendingPathComponent("p2.ics"),
                          replacing: nil)
        let before = try dataFiles(dir.url)
        let run = sync(dir, ["--dry-run"])
        #expect(run.out == "work:\n  would add from the calendar: Book the trade fair stand\n", "\(run.out)")
        #expect(try dataFiles(dir.url) == before)
    }

    @Test func aRefusedLoginIsNamedWithTheAccountAndExits1() throws {
        let (dir, _) = try synced()
        let record = dir.url.appendingPathComponent("settings.json")
        _ = record
        let wrong = dir.url.deletingLastPathComponent().appendingPathComponent("pw-wrong-\(UUID().uuidString)").path
        try "wrong\n".write(toFile: wrong, atomically: true, encoding: .utf8)
        chmod(wrong, 0o600)
        #expect(dir.run(["calendar-sync", "remove", "work"]).code == 0)
        #expect(dir.run(["calendar-sync", "add", "work", "--url", server.base.absoluteString, "--username", "alice",
                         "--password-file", wrong, "--no-check"], user: "maria").code == 0)
        let run = sync(dir)
        #expect(run.code == 1)
        #expect(run.err.contains("calendar account work") && run.err.contains("401"), "\(run.err)")
    }
}
