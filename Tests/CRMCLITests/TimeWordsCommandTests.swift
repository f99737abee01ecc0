import ArgumentParser
import CRMCLI
import Foundation
import Testing

/// Every time option reads what the dashboard's forms read. The demo's zone is Europe/Berlin
/// and `demoNow` is Monday 2026-11-23 10:00 there.
@Suite struct TimeWordsCommandTests {
    /// (what is typed for --due, the due time it gives)
    @Test(arguments: [
        ("tomorrow 9:00", "2026-11-24T09:00:00+01:00"),
        ("14:30", "2026-11-23T14:30:00+01:00"),
        ("+2h", "2026-11-23T12:00:00+01:00"),
        ("in 90m", "2026-11-23T11:30:00+01:00"),
        ("mon 14:00", "2026-11-23T14:00:00+01:00"),
        ("Mon 9:00", "2026-11-30T09:00:00+01:00"),
        ("friday 16:00", "2026-11-27T16:00:00+01:00"),
        ("2026-11-25 10:00", "2026-11-25T10:00:00+01:00"),
        ("2026-11-25T10:00:00Z", "2026-11-25T11:00:00+01:00"),
    ])
    func dueReadsTheFormsTimeWords(typed: String, due: String) throws {
        let dir = try DemoDirectory()
        let r = try object(dir.run(["reminder", "add", "Call back", "--due", typed, "--json"]))
        #expect(r["due"] as? String == due)
    }

    @Test func startEndUntilAndOpenedReadThemToo() throws {
        let dir = try DemoDirectory()
        let r = try object(dir.run(["reminder", "add", "Call back", "--due", "tomorrow 10:00",
                                    "--start", "tomorrow 9:30", "--end", "wed 12:00", "--json"]))
        #expect([r["start"], r["due"], r["end"]].map { $0 as? String } == [
            "2026-11-24T09:30:00+01:00", "2026-11-24T10:00:00+01:00", "2026-11-25T12:00:00+01:00",
        ])
        let id = try #require(r["id"] as? String)
        let moved = try object(dir.run(["reminder", "edit", id, "--due", "thu 10:00", "--json"]))
        #expect(moved["due"] as? String == "2026-11-26T10:00:00+01:00")
        let snoozed = try object(dir.run(["reminder", "snooze", "R-1025", "--until", "tomorrow 9:00", "--json"]))
        #expect(snoozed["snoozed_until"] as? String == "2026-11-24T09:00:00+01:00")
        let opened = try object(dir.run(["case", "open", "Printer jams", "--customer", "ACME",
                                         "--opened", "2h ago", "--json"]))
        #expect(opened["opened"] as? String == "2026-11-23T08:00:00+01:00")
    }

    @Test func daysAwayReadDayWords() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["person", "away", "kenji", "--from", "tomorrow", "--to", "fri", "--json"])
        #expect(run.code == 0, "\(run.err)")
        let away = try object(run)["away"] as? [[String: String]]
        #expect(away?.last == ["from": "2026-11-24", "to": "2026-11-27"])
    }

    /// `--at` is still the pinned now; its time words count from the system clock.
    @Test func atReadsTimeWordsFromTheClock() throws {
        let clock = try #require(ISO8601DateFormatter().date(from: "2026-11-23T09:00:00Z"))
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        func pinned(_ text: String) throws -> Date? {
            try GlobalOptions.parse(["--at", text]).pinnedTime(zone: zone, clock: clock)
        }
        #expect(try pinned("1h ago") == clock - 3600)
        #expect(try pinned("today 16:30") == ISO8601DateFormatter().date(from: "2026-11-23T15:30:00Z"))
        #expect(try pinned("2026-11-23T10:00:00+01:00") == clock)
    }

    @Test func anUnreadableTimeSaysWhatWouldBeRead() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["reminder", "add", "Call back", "--due", "soonish"])
        #expect(run.code == 2)
        #expect(run.err == "crmtop: --due: cannot read \"soonish\" as a time; use 2026-11-24 09:00, "
            + "2026-11-24T09:00:00+01:00, 14:30, tomorrow 9:00, mon 14:00, +2h, in 90m or 2h ago\n")
    }

    /// A lead time runs back from due; a negative one is refused with the reason, whether
    /// written `--lead -1h` or `--lead=-1h`.
    @Test(arguments: [["--lead", "-1h"], ["--lead=-1h"]])
    func aNegativeLeadTimeIsRefusedWithTheReason(lead: [String]) throws {
        let dir = try DemoDirectory()
        let before = try dataFiles(dir.url)
        let run = dir.run(["reminder", "add", "Call back", "--due", "tomorrow 9:00"] + lead)
        #expect(run.code == 2)
        #expect(run.err == "crmtop: --lead -1h: a lead time before due cannot be negative; "
            + "to start reminding after due, move --due instead\n")
        #expect(try dataFiles(dir.url) == before)
    }

    @Test func aNegativeFollowUpIsRefusedWithTheReason() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["reminder", "add", "Call back", "--due", "tomorrow 9:00", "--follow-up", "-30m"])
        #expect(run.code == 2)
        #expect(run.err == "crmtop: --follow-up -30m: a follow-up time after due cannot be negative\n")
    }
}
