import CRMCLI
import Foundation
import Testing

/// `2026-11-23T14:00:00+01:00` as an instant.
func isoDate(_ text: String) -> Date? {
    ISO8601DateFormatter().date(from: text)
}

/// Two cases whose time left and next breach disagree: at 16:30 in Berlin an hour left on
/// office hours is due the next morning, two hours left on a 24×7 clock at 18:30.
private func twoCalendars() throws -> EmptyDirectory {
    let dir = try EmptyDirectory()
    func must(_ args: [String]) {
        let run = dir.run(args + ["--user", "priya"])
        #expect(run.code == 0, "\(args): \(run.err)")
    }
    must(["calendar", "set", "--zone", "Europe/Berlin", "--hours", "Mon-Fri 09:00-17:00"])
    must(["sla", "set", "--priority", "high", "--first-response", "4h", "--resolution", "2d"])
    must(["sla", "set", "--priority", "urgent", "--first-response", "1h", "--resolution", "4h", "--24x7"])
    must(["case", "open", "Office hours", "--customer", "ACME", "--priority", "high",
          "--opened", "2026-11-23T12:30:00Z", "--at", "2026-11-23T12:30:00Z"])
    must(["case", "open", "Around the clock", "--customer", "ACME", "--priority", "urgent",
          "--opened", "2026-11-23T13:30:00Z", "--at", "2026-11-23T13:30:00Z"])
    must(["case", "respond", "C-1002", "--at", "2026-11-23T14:00:00Z"])
    return dir
}

@Suite struct CaseQueueTests {
    @Test func caseListPutsTheNextBreachFirst() throws {
        let dir = try twoCalendars()
        let run = dir.run(["case", "list", "--at", "2026-11-23T15:30:00Z", "--user", "priya"])
        #expect(run.code == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("C-1002  urgent"), "due Mon 18:30 with 2:00:00 left\n\(run.out)")
        #expect(lines[1].contains("2:00:00  Mon 23 Nov 2026 18:30"))
        #expect(lines[2].hasPrefix("C-1001  high"), "due Tue 09:30 with 1:00:00 left\n\(run.out)")
        #expect(lines[2].contains("1:00:00  Tue 24 Nov 2026 09:30"))
        let json = try objects(dir.run(["case", "list", "--json", "--at", "2026-11-23T15:30:00Z", "--user", "priya"]))
        #expect(json.map { $0["id"] as? String } == ["C-1002", "C-1001"])
    }

    @Test func theDashboardSnapshotShowsTheSameQueue() throws {
        let dir = try twoCalendars()
        let run = dir.run(["snapshot", "--pane", "cases", "--at", "2026-11-23T15:30:00Z", "--user", "priya"])
        #expect(run.code == 0, "\(run.err)")
        let around = try #require(run.out.range(of: "Around the clock"), "\(run.out)")
        let office = try #require(run.out.range(of: "Office hours"), "\(run.out)")
        #expect(around.lowerBound < office.lowerBound, "\(run.out)")
    }
}

/// The ladder's automatic rises are in a case's history once, whichever command noticed them.
@Suite struct EscalationHistoryTests {
    /// C-2025, urgent feedback around the clock, breaches its first response at 10:05.
    @Test func readingACaseRecordsTheRiseItReachedOnce() throws {
        let dir = try DemoDirectory()
        let rise = "Mon 23 Nov 2026 10:05  escalated  -  level 2: team-lead"
        #expect(!dir.run(["case", "show", "C-2025"]).out.contains("escalated  -  level 2"))
        let show = dir.run(["case", "show", "C-2025"], at: "2026-11-23T10:10:00+01:00")
        #expect(show.code == 0, "\(show.err)")
        #expect(show.out.contains(rise), "\(show.out)")
        #expect(dir.run(["case", "list"], at: "2026-11-23T10:20:00+01:00").code == 0)
        let again = dir.run(["case", "show", "C-2025", "--json"], at: "2026-11-23T10:30:00+01:00")
        let history = try #require(try object(again)["history"] as? [[String: Any]])
        #expect(history.filter { $0["action"] as? String == "escalated" }.map { $0["detail"] as? String }
                == ["level 1: owner", "level 2: team-lead"])
    }

    @Test func anActionRecordsTheRiseBeforeItStopsTheClock() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["case", "respond", "C-2025", "--json"], at: "2026-11-23T10:10:00+01:00")
        #expect(run.code == 0, "\(run.err)")
        let history = try #require(try object(run)["history"] as? [[String: Any]])
        #expect(history.suffix(2).map { "\($0["at"]!) \($0["action"]!)" } == [
            "2026-11-23T10:05:00+01:00 escalated", "2026-11-23T10:10:00+01:00 responded",
        ])
        #expect(try object(run)["escalation_level"] as? Int == 2)
    }

    @Test func listingRecordsTheRisesOfTheCasesListed() throws {
        let dir = try DemoDirectory()
        #expect(dir.run(["case", "list", "--mine"], at: "2026-11-23T10:10:00+01:00", user: "kenji").code == 0)
        let untouched = try object(dir.run(["case", "show", "C-2025", "--json"]))
        #expect((untouched["history"] as? [[String: Any]])?.count == 2, "not listed, not read")
        #expect(dir.run(["case", "list"], at: "2026-11-23T10:10:00+01:00").code == 0)
        let journal = try String(contentsOf: dir.url.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        #expect(journal.contains("\"id\":\"C-2025\",\"action\":{\"name\":\"escalated\",\"level\":2},\"at\":\"2026-11-23T10:05:00+01:00\""),
                "\(journal)")
    }
}
