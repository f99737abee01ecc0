import CRMCLI
import Foundation
import Testing

/// A small data directory for the reminder commands, looked at on Monday 2026-11-23 at 10:05 in
/// Berlin (calendar Mon–Fri 09:00–17:00, Christmas off):
/// - R-1001 high, maria and tom, reminding 09:30, due 10:00, follow-up until 12:00: due
/// - R-1002 normal, maria, weekly since Monday 2026-11-16 16:00 with an hour to follow up:
///   last week's occurrence is missed until today's starts at 16:00
/// - R-1003 low, tom only, due 11:00
/// - R-1004 normal, maria, due 09:00 and acknowledged by her
struct ReminderFixture {
    static let now = "2026-11-23T10:05:00+01:00"
    /// A reminder's `--json` fields, in the contract's order.
    static let jsonFields = ["id", "title", "priority", "owners", "start", "due", "end", "state",
                             "acknowledged_by", "snoozed_until", "link", "notes", "repeat", "warnings"]
    let dir: URL

    init() throws {
        dir = try temporaryDirectory()
        let files = [
            "settings.json": """
                {"version": 1, "calendars": [{"name": "default", "zone": "Europe/Berlin",
                  "hours": ["Mon-Fri 09:00-17:00"], "holidays": ["2026-12-24", "2026-12-25"]}]}
                """,
            "people.json": """
                {"version": 1, "people": [{"id": "maria", "name": "Maria", "role": "agent"},
                  {"id": "tom", "name": "Tom", "role": "agent"}, {"id": "jo", "name": "Jo", "role": "team-lead"}]}
                """,
            "reminders.json": """
                {"version": 1, "reminders": [
                  {"id": "R-1001", "title": "Call Acme", "priority": "high", "owners": ["maria", "tom"],
                   "start": "2026-11-23T09:30:00+01:00", "due": "2026-11-23T10:00:00+01:00",
                   "end": "2026-11-23T12:00:00+01:00", "link": "https://crm.example.com/acme"},
                  {"id": "R-1002", "title": "Weekly report", "owners": ["maria"],
                   "due": "2026-11-16T16:00:00+01:00", "end": "2026-11-16T17:00:00+01:00", "repeat": "weekly"},
                  {"id": "R-1003", "title": "Tom's call", "priority": "low", "owners": ["tom"],
                   "due": "2026-11-23T11:00:00+01:00"},
                  {"id": "R-1004", "title": "Done already", "owners": ["maria"], "due": "2026-11-23T09:00:00+01:00",
                   "acknowledged_by": {"maria": "2026-11-23T09:01:00+01:00"}}
                ]}
                """,
        ]
        for (name, text) in files {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    /// Runs crmtop on this directory as `user` at `now`.
    func run(_ args: [String], user: String = "maria", at: String = now) -> Run {
        let console = Console(environment: [:], capture: true)
        let code = Console.$current.withValue(console) {
            CRMTop.run(arguments: args + ["--data", dir.path, "--user", user, "--at", at])
        }
        return Run(code: code, out: console.out, err: console.err)
    }

    func json(_ args: [String], user: String = "maria", at: String = now) throws -> Any {
        let run = run(args + ["--json"], user: user, at: at)
        #expect(run.code == 0, "\(run.err)")
        return try JSONSerialization.jsonObject(with: Data(run.out.utf8))
    }

    func object(_ args: [String], user: String = "maria", at: String = now) throws -> [String: Any] {
        try #require(try json(args, user: user, at: at) as? [String: Any])
    }

    func list(_ args: [String] = [], user: String = "maria", at: String = now) throws -> [[String: Any]] {
        try #require(try json(["reminder", "list"] + args, user: user, at: at) as? [[String: Any]])
    }

    var remindersFile: Data { (try? Data(contentsOf: dir.appendingPathComponent("reminders.json"))) ?? Data() }
}
