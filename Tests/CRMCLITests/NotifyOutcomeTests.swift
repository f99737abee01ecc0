import CRMCLI
import Foundation
import Testing

/// What `crmtop notify --once` tells cron when sends fail, and a command that runs too long.
extension NotifyCommandTests {
    @Test func onceExitsOneAndCountsTheFailuresWhenEverySendFails() throws {
        let team = try Team()
        try team.write("fail", "")
        let run = team.notify(at: "10:00:05")
        #expect(run.code == 1)
        #expect(run.err.contains("crmtop: 2 of 2 notifications failed"), "\(run.err)")
        #expect(run.out.contains("failed reminder.due R-1 to maria (id reminder.due/R-1/2026-11-24T10:00:00Z#1): exit status 3"), "\(run.out)")
    }

    @Test func onceExitsOneAndSaysNOfMWhenSomeSendsFail() throws {
        let team = try Team()
        try team.write("notify.sh", "if [ \"$CRMTOP_EVENT\" = escalation ]; then exit 3; fi\n")
        let run = team.notify(at: "10:00:05")
        #expect(run.code == 1)
        #expect(run.err.contains("crmtop: 1 of 2 notifications failed"), "\(run.err)")
        #expect(run.out.contains("sent reminder.due R-1 to maria"), "\(run.out)")
        // The escalation and the breach it brings, in one message named by both.
        #expect(run.out.contains("failed escalation C-1 to lucas (id escalation/C-1/1#1+"), "\(run.out)")
        #expect(run.out.contains("): exit status 3"), "\(run.out)")

        // With --json the count is also the last object; the escalation is tried again 30 s on.
        let json = crmtop(["notify", "--once", "--json", "--data", team.path, "--at", "2026-11-24T10:00:35Z"])
        #expect(json.code == 1)
        #expect(json.err.contains("crmtop: 1 of 1 notifications failed"), "\(json.err)")
        let lines = try json.out.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.map { $0["result"] as? String } == ["failed", "failures"], "\(json.out)")
        #expect(lines.last?["failed"] as? Int == 1)
        #expect(lines.last?["of"] as? Int == 1)
    }

    @Test func aCommandPastItsTimeoutIsStoppedAndCountsAsFailed() throws {
        let team = try Team(notify: #", "timeout": "1s", "events": ["reminder.due"]"#)
        try team.write("notify.sh", "echo started; sleep 30; echo finished\n")
        let run = team.notify(at: "10:00:05")
        #expect(run.code == 1)
        #expect(run.out.contains("failed reminder.due R-1 to maria (id reminder.due/R-1/2026-11-24T10:00:00Z#1): stopped after 1s, the timeout"), "\(run.out)")
        let log = team.read("notify.log")
        #expect(log.contains("started\n2026-11-24T10:00:05Z failed: reminder.due R-1 to maria (id reminder.due/R-1/"
            + "2026-11-24T10:00:00Z#1), attempt 1: stopped after 1s, the timeout"), "\(log)")
        #expect(!log.contains("finished"))
        #expect(team.read("notifications.json").contains("\"status\": \"failed\""), "\(team.read("notifications.json"))")
    }
}

extension NotifyCommandTests {
    /// Both clocks of the outage breached while no notifier ran: one call for Lucas, led by the
    /// escalation, naming both clocks in `CRMTOP_METRICS` and `metrics`, each event in `events`.
    @Test func oneCallPerCaseAndPersonNamesEveryBreachedClock() throws {
        let team = try Team()
        try team.write("notify.sh", """
            printf '%s|%s|%s|%s|%s\\n' "$CRMTOP_EVENT" "$CRMTOP_EVENTS" "$CRMTOP_METRIC" "$CRMTOP_METRICS" \\
                "$CRMTOP_COUNT" >> "\(team.path)/calls.txt"
            cat >> "\(team.path)/stdin.jsonl"
            """)
        try team.write("reminders.json", #"{"version": 2, "reminders": []}"#)
        let run = team.notify(at: "17:30:00")
        #expect(run.code == 0, "\(run.err)")
        #expect(team.lines("calls.txt") == ["escalation|escalation,sla.breach|first_response|first_response,resolution|3"])
        let input = try #require(try JSONSerialization.jsonObject(with: Data(team.read("stdin.jsonl").utf8)) as? [String: Any])
        #expect(input["metrics"] as? [String] == ["first_response", "resolution"])
        let events = try #require(input["events"] as? [[String: Any]])
        #expect(events.map { $0["event"] as? String } == ["escalation", "sla.breach", "sla.breach"])
        #expect(events.map { $0["metric"] as? String } == ["first_response", "first_response", "resolution"])
    }
}

extension NotifyCommandTests {
    /// The command reaches people at the addresses people.json gives them.
    @Test func theCommandIsGivenTheRecipientsAddresses() throws {
        let team = try Team(notify: #", "events": ["reminder.due"]"#)
        try team.write("people.json", """
            {"version": 2, "people": [{"id": "maria", "name": "Maria Oliveira", "role": "sales",
                                       "email": "maria@example.com", "chat": "@maria"},
                                      {"id": "lucas", "name": "Lucas Moreau", "role": "support"}]}
            """)
        try team.write("notify.sh", """
            printf '%s|%s|%s\\n' "$CRMTOP_RECIPIENTS" "$CRMTOP_EMAIL" "$CRMTOP_CHAT" >> "\(team.path)/calls.txt"
            cat >> "\(team.path)/stdin.jsonl"
            """)
        #expect(team.notify(at: "10:00:05").code == 0)
        #expect(team.lines("calls.txt") == ["maria|maria@example.com|@maria"])
        let input = try #require(try JSONSerialization.jsonObject(with: Data(team.read("stdin.jsonl").utf8)) as? [String: Any])
        let contacts = try #require(input["contacts"] as? [[String: Any]])
        #expect(contacts.count == 1)
        #expect(contacts[0]["id"] as? String == "maria" && contacts[0]["name"] as? String == "Maria Oliveira")
        #expect(contacts[0]["email"] as? String == "maria@example.com" && contacts[0]["chat"] as? String == "@maria")
    }
}

extension NotifyCommandTests {
    /// notifications.json writes its times as every data file does: with the offset of the
    /// default calendar's zone (Berlin here, +01:00 in November), not UTC's.
    @Test func theRecordsTimesHaveTheDefaultCalendarsOffset() throws {
        let team = try Team(notify: #", "events": ["reminder.due"]"#)
        try team.write("settings.json", team.read("settings.json").replacingOccurrences(of: "\"UTC\"", with: "\"Europe/Berlin\""))
        #expect(team.notify(at: "10:00:05").code == 0)
        let record = team.read("notifications.json")
        #expect(record.contains("\"last_sent\": \"2026-11-24T11:00:05+01:00\""), "\(record)")
        #expect(!record.contains("+00:00"), "\(record)")
    }
}
