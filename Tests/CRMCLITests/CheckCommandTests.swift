import CRMCLI
import Foundation
import Testing

@Suite struct CheckCommandTests {
    static let planted = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/planted").path

    /// One line per problem planted in the fixture, in the order `check` reports them.
    static let expected = [
        #"settings.json:5:14: calendars[1].name: calendar "default" is named again; first at calendars[0]"#,
        #"settings.json:6:30: calendars[2].zone: unknown time zone "Mars/Olympus"; use a name like Europe/Berlin or UTC"#,
        #"settings.json:10:62: sla_policies[1].calendar: calendar "weekend" is not in calendars"#,
        #"settings.json:11:90: sla_policies[2].warn_before: warn_at_percent and warn_before are both set; only warn_at_percent counts"#,
        #"settings.json:12:39: sla_policies[3].resolution: a duration cannot be negative, found "-2d""#,
        #"settings.json:13:18: sla_policies[4].priority: a second policy for low priority (any kind); only sla_policies[3] counts"#,
        #"settings.json:13:45: sla_policies[4]: unknown field "warn_befor"; did you mean "warn_before"? It is kept as it is, and warn_before is not set"#,
        #"settings.json:17:61: escalation[1].notify[1]: "nobody" is neither a person nor a role"#,
        #"settings.json:19:69: notify.digest.ghost: "ghost" is not a person in people.json; nobody gets this digest"#,
        #"settings.json:20:20: wall.team: "marketing" is not a team in people.json"#,
        #"reminders.json:4:60: reminders[0].owners[1]: "ghost" is not a person in people.json"#,
        #"reminders.json:5:66: reminders[1].due: expected a time like 2026-11-23T10:00:00+01:00, found "tomorrow""#,
        #"reminders.json:6:12: reminders[2].id: id "r1" is used again; first at reminders[0]"#,
        #"reminders.json:7:35: reminders[3]: unknown field "prority"; did you mean "priority"? It is kept as it is, and priority is not set"#,
        #"reminders.json:8:5: reminders[4]: missing required field "title""#,
        #"reminders.json:9:53: reminders[5].priority: expected one of high, normal, low, found 3"#,
        #"reminders.json:10:67: reminders[6].start: start is after due"#,
        #"cases.json:4:90: cases[0].influencer: "inf-9" is not an influencer in influencers.json"#,
        #"cases.json:5:67: cases[1].status: status is "resolved" but resolved_at is missing"#,
        #"cases.json:7:63: cases[2].pauses[0].end: the pause ends before it starts"#,
        #"cases.json:8:67: cases[3].owner: "nobody" is not a person in people.json"#,
        #"cases.json:8:85: cases[3].team: "legal" is not a team in people.json"#,
        #"cases.json:9:119: cases[4].escalation_level: escalation level 3 is not on the escalation ladder in settings.json"#,
        #"people.json:6:57: people[2].team: "marketing" is not a team in people.json"#,
        #"people.json:6:81: people[2].manager: "boss" is not a person in people.json"#,
        #"people.json:7:12: people[3].id: id "li" is used again; first at people[1]"#,
        #"kpis.json:5:12: kpis[1].id: id "calls" is used again; first at kpis[0]"#,
        #"activities.jsonl:3:11: activities[1].person: "sam" is not a person in people.json"#,
        #"activities.jsonl:4:22: activities[2].kpi: "demos" is not a KPI in kpis.json"#,
        #"activities.jsonl:5:1: activities[3]: missing required field "at""#,
        #"activities.jsonl:6:16: unexpected ','; expected a field name in double quotes"#,
        #"journal.jsonl:3:1: change 2 no longer applies (no reminder with id r99); loading skips it"#,
        #"journal.jsonl:4:15: op: expected one of reminder.put, reminder.delete, reminder.acknowledge, reminder.unacknowledge, reminder.snooze, case.put, influencer.put, person.put, team.put, kpi.put, activity.log, settings.put, reminder.add, reminder.edit, reminder.acknowledge-occurrence, case.open, case.act, influencer.add, person.away, reminder.restore, reminder.undo, reminder.withdraw, case.undo, contest.add, contest.end, found "reminder.frobnicate""#,
    ]

    @Test func everyPlantedProblemIsFoundWithItsPlace() {
        let run = crmtop("check", "--data", Self.planted)
        #expect(run.code == 1)
        let lines = run.out.split(separator: "\n").map { $0.replacingOccurrences(of: Self.planted + "/", with: "") }
        #expect(lines == Self.expected)
        // A level that tells nobody is a warning beside the problems, not one of them.
        #expect(run.err == "crmtop: warning: \(Self.planted)/settings.json: escalation: level 1 notifies owner, but it tells "
                + "nobody about 3 open items (no owner): c1, c3, c5; give them an owner or a team, and new ones a route "
                + "with crmtop routing set\n"
                + "crmtop: \(Self.expected.count) problems in \(Self.planted)\n", "\(run.err)")
    }

    @Test func jsonGivesTheSameProblemsAsFields() throws {
        let run = crmtop("check", "--data", Self.planted, "--json")
        #expect(run.code == 1)
        let problems = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        #expect(problems.count == Self.expected.count)
        #expect(problems[10]["file"] as? String == "reminders.json")
        #expect(problems[10]["path"] as? String == "reminders[0].owners[1]")
        #expect(problems[10]["line"] as? Int == 4 && problems[10]["column"] as? Int == 60)
    }

    @Test func theDemoIsClean() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(crmtop("demo", dir.path + "/demo", "--at", "2026-11-23T10:00:00Z").code == 0)
        let run = crmtop("check", "--data", dir.path + "/demo")
        #expect(run.code == 0, "\(run.out)")
        #expect(run.out == "\(dir.path)/demo: no problems found\n")
    }

    @Test func checkingWritesNothing() throws {
        let before = try FileManager.default.contentsOfDirectory(atPath: Self.planted).sorted()
        _ = crmtop("check", "--data", Self.planted)
        #expect(try FileManager.default.contentsOfDirectory(atPath: Self.planted).sorted() == before)
    }
}
