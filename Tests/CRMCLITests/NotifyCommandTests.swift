import CRMCLI
import Foundation
import Testing

/// `crmtop notify --once` run again and again with `--at` stepping through a morning, against a
/// notify script that appends each call (its environment and its standard input) to files.
/// One at a time: the command installs the process's signal handlers while it runs.
@Suite(.serialized) struct NotifyCommandTests {
    final class Team {
        let url: URL
        var path: String { url.path }

        init(notify: String = "") throws {
            url = try temporaryDirectory()
            let script = """
                #!/bin/sh
                if [ -e "\(url.path)/fail" ]; then echo "refusing $CRMTOP_ID" >&2; exit 3; fi
                printf '%s|%s|%s|%s|%s|%s|%s\\n' "$CRMTOP_EVENT" "$CRMTOP_SUBJECT" "$CRMTOP_TITLE" "$CRMTOP_PRIORITY" \\
                    "$CRMTOP_DUE" "$CRMTOP_RECIPIENTS" "$CRMTOP_ATTEMPT" >> "\(url.path)/calls.txt"
                cat >> "\(url.path)/stdin.jsonl"
                echo "delivered $CRMTOP_ID"
                """
            try write("notify.sh", script)
            try write("settings.json", """
                {"version": 2,
                 "calendars": [{"name": "default", "zone": "UTC"}],
                 "sla_policies": [{"priority": "urgent", "first_response": "1h", "resolution": "8h", "warn_at_percent": 75}],
                 "escalation": [{"level": 1, "after": "breach", "notify": ["owner"]}],
                 "notify": {"command": "sh '\(url.path)/notify.sh'", "alerts_before": ["1h"]\(notify)}}
                """)
            try write("people.json", """
                {"version": 2, "people": [{"id": "maria", "name": "Maria Oliveira", "role": "sales"},
                                          {"id": "lucas", "name": "Lucas Moreau", "role": "support"}]}
                """)
            try write("reminders.json", """
                {"version": 2, "reminders": [{"id": "R-1", "title": "Call back Acme", "priority": "high", "owners": ["maria"],
                  "start": "2026-11-24T09:30:00Z", "due": "2026-11-24T10:00:00Z"}]}
                """)
            try write("cases.json", """
                {"version": 2, "cases": [{"id": "C-1", "title": "Payments API down", "customer": "Fjordline AS",
                  "priority": "urgent", "status": "open", "owner": "lucas", "opened": "2026-11-24T09:00:00Z"}]}
                """)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ name: String, _ text: String) throws {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        func read(_ name: String) -> String {
            (try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }

        func lines(_ name: String) -> [String] { read(name).split(separator: "\n").map(String.init) }

        func notify(at time: String) -> Run {
            crmtop(["notify", "--once", "--data", path, "--at", "2026-11-24T\(time)Z"])
        }
    }

    @Test func eachEventOnceAcrossRestartsAndAFailureTriedAgainAfterABackoff() throws {
        let team = try Team()
        for time in ["09:00:00", "09:00:00", "09:10:00", "09:30:00", "09:30:00", "09:45:00"] {
            let run = team.notify(at: time)
            #expect(run.code == 0, "\(run.err)")
        }
        #expect(team.lines("calls.txt") == [
            "reminder.alert|R-1|Call back Acme|high|2026-11-24T10:00:00+00:00|maria|1",
            "reminder.active|R-1|Call back Acme|high|2026-11-24T10:00:00+00:00|maria|1",
            "sla.warning|C-1|Payments API down|urgent|2026-11-24T10:00:00+00:00|lucas|1",
        ])

        // The command fails: nothing counts as sent, and nothing is tried again for 30 seconds.
        try team.write("fail", "")
        let failing = team.notify(at: "10:00:05")
        #expect(failing.code == 1, "\(failing.err)")
        #expect(failing.out.components(separatedBy: "failed ").count - 1 == 2, "\(failing.out)")
        #expect(!failing.out.contains("refusing"))
        try FileManager.default.removeItem(at: team.url.appendingPathComponent("fail"))
        #expect(team.notify(at: "10:00:34").out.isEmpty)
        #expect(team.lines("calls.txt").count == 3)

        let retried = team.notify(at: "10:00:35")
        #expect(retried.out.components(separatedBy: "sent ").count - 1 == 2, "\(retried.out)")
        for time in ["10:00:35", "10:05:00", "11:00:00"] { #expect(team.notify(at: time).out.isEmpty) }
        #expect(Array(team.lines("calls.txt").dropFirst(3)) == [
            "reminder.due|R-1|Call back Acme|high|2026-11-24T10:00:00+00:00|maria|2",
            // The escalation the breach brings, for both.
            "escalation|C-1|Payments API down|urgent|2026-11-24T10:00:00+00:00|lucas|2",
        ])

        // Standard input: one JSON object per call, the same fields and more.
        let inputs = try team.lines("stdin.jsonl").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(inputs.map { $0["event"] as? String } == [
            "reminder.alert", "reminder.active", "sla.warning", "reminder.due", "escalation",
        ])
        #expect(inputs[0]["alert_before"] as? String == "1h")
        #expect(inputs[0]["recipients"] as? [String] == ["maria"])
        #expect(inputs[4]["metric"] as? String == "first_response")
        #expect(inputs[4]["level"] as? Int == 1)
        #expect(inputs[4]["attempt"] as? Int == 2)
        #expect(inputs[4]["sent_at"] as? String == "2026-11-24T10:00:35+00:00")

        // The command's own output and errors went to the log, with a line for each outcome.
        let log = team.read("notify.log")
        #expect(log.contains("refusing escalation/C-1/1#1"))
        #expect(log.contains("delivered reminder.due/R-1/2026-11-24T10:00:00Z#1"))
        #expect(log.contains("2026-11-24T10:00:05Z failed: escalation C-1 to lucas"))
        #expect(log.contains("exit status 3; trying again in 30s"))
        #expect(log.contains("2026-11-24T10:00:35Z sent: escalation C-1 to lucas"))
    }

    @Test func aDigestGathersRoutineEventsWhileABreachGoesAtOnce() throws {
        let team = try Team(notify: #", "digest": {"maria": "1h", "lucas": "1h"}"#)
        // The alert an hour before due stands from 09:00, Maria's boundary: that digest takes it.
        _ = team.notify(at: "09:00:00")
        #expect(team.lines("calls.txt") == ["digest||reminder.alert R-1: Call back Acme|||maria|1"])
        for time in ["09:30:00", "09:45:00", "09:59:59"] { _ = team.notify(at: time) }
        #expect(team.lines("calls.txt").count == 1)
        _ = team.notify(at: "10:00:00")
        _ = team.notify(at: "10:00:01")
        _ = team.notify(at: "10:59:59")
        _ = team.notify(at: "11:00:00")
        #expect(Array(team.lines("calls.txt").dropFirst()) == [
            // Lucas's hour since 09:00 is over at 10:00: the warning that waited since 09:45.
            "digest||sla.warning C-1: Payments API down|||lucas|1",
            // Maria's digest holds what still stands: due at 10:00, on the boundary, so in that one.
            "digest||reminder.due R-1: Call back Acme|||maria|1",
            // The breach a second later, and the escalation it brings, reach him at once.
            "escalation|C-1|Payments API down|urgent|2026-11-24T10:00:00+00:00|lucas|1",
        ])
        let inputs = try team.lines("stdin.jsonl").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let events = inputs.map { ($0["events"] as? [[String: Any]] ?? []).map { $0["event"] as? String } }
        #expect(events == [["reminder.alert"], ["sla.warning"], ["reminder.due"], ["escalation", "sla.breach"]])
        // The escalation's own fields lead; `metrics` names every clock the message is about.
        #expect(inputs[3]["event"] as? String == "escalation")
        #expect(inputs[3]["metrics"] as? [String] == ["first_response"])
    }

    @Test func withJSONEachOutcomeIsAnObjectOnItsOwnLine() throws {
        let team = try Team()
        let run = crmtop(["notify", "--once", "--json", "--data", team.path, "--at", "2026-11-24T10:00:05Z"])
        #expect(run.code == 0, "\(run.err)")
        let lines = try run.out.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.map { $0["event"] as? String } == ["reminder.due", "escalation"])
        #expect(lines.allSatisfy { $0["result"] as? String == "sent" && $0["attempt"] as? Int == 1 })
        #expect(lines[1]["subjects"] as? [String] == ["C-1"])
        #expect(lines[1]["recipients"] as? [String] == ["lucas"])
        #expect((lines[1]["id"] as? String)?.hasPrefix("escalation/C-1/1#1+") == true)
    }

    /// A notifier killed after running the command and before recording it leaves its claim:
    /// once the claim runs out the message goes again, at least once rather than at most.
    @Test func aClaimLeftByAKilledNotifierIsSentAgainAfterItsLease() throws {
        let team = try Team(notify: #", "events": ["reminder.due"]"#)
        try team.write("notifications.json", """
            {"version": 1, "deliveries": [{"event": "reminder.due/R-1/2026-11-24T10:00:00Z", "recipient": "maria",
              "status": "sending", "since": "2026-11-24T10:00:00Z", "sends": 0}]}
            """)
        // The lease: the one-minute timeout and 30 seconds.
        #expect(team.notify(at: "10:01:29").out.isEmpty)
        #expect(team.notify(at: "10:01:30").out.contains("sent reminder.due R-1 to maria"))
        #expect(team.notify(at: "10:05:00").out.isEmpty)
        #expect(team.lines("calls.txt") == ["reminder.due|R-1|Call back Acme|high|2026-11-24T10:00:00+00:00|maria|2"])
        let input = try #require(try JSONSerialization.jsonObject(with: Data(team.read("stdin.jsonl").utf8)) as? [String: Any])
        #expect(input["id"] as? String == "reminder.due/R-1/2026-11-24T10:00:00Z#1")
    }

    @Test func aRecordThatCannotBeReadStopsSendingAndIsLeftAlone() throws {
        let team = try Team()
        try team.write("notifications.json", "{\"version\": 1, \"deliveries\": [{\"event\": 3}]}")
        let run = team.notify(at: "09:00:00")
        #expect(run.code == 1)
        #expect(run.err.contains("notifications.json:1:41: deliveries[0].event: expected a string, found 3"), "\(run.err)")
        #expect(team.read("calls.txt").isEmpty)
        #expect(team.read("notifications.json") == "{\"version\": 1, \"deliveries\": [{\"event\": 3}]}")
    }

    /// The notifier tells the owner about the breach and writes the rise into the case's history,
    /// once however often it looks.
    @Test func theNotifierRecordsTheRiseInTheCaseHistory() throws {
        let team = try Team()
        #expect(team.notify(at: "10:00:05").code == 0)
        #expect(team.lines("calls.txt").contains { $0.hasPrefix("escalation|C-1|") }, "\(team.read("calls.txt"))")
        #expect(team.notify(at: "10:30:00").code == 0)
        // Written by the notifier alone, before any other command looked.
        let journal = team.read("journal.jsonl")
        #expect(journal.components(separatedBy: "\"escalated\"").count == 2, "stored once: \(journal)")
        #expect(journal.contains("\"level\":1},\"at\":\"2026-11-24T10:00:00+00:00\""), "\(journal)")
        let c = try object(crmtop(["case", "show", "C-1", "--json", "--data", team.path, "--at", "2026-11-24T10:00:05Z"]))
        let history = try #require(c["history"] as? [[String: Any]])
        #expect(history.map { "\($0["at"]!) \($0["action"]!) \($0["detail"]!)" } == [
            "2026-11-24T10:00:00+00:00 escalated level 1: owner",
        ])
    }
}
