import Foundation
import Testing

/// Every command that prints data, run by the real binary on a pseudo-terminal over a data set
/// whose titles, notes and names carry escape sequences, bidi overrides and other controls:
/// none of them may reach the terminal.
@Suite struct HostileTextTerminalTests {
    /// Colours, a window title (OSC 0), a link (OSC 8), the alternate screen, the bell, an
    /// 8-bit CSI (U+009B) clearing the screen, DEL, bidi overrides, isolates and marks: all a
    /// reminder's title may hold (it must be one line).
    static let hostileLine = "Bad\u{1B}[31mred\u{1B}[0m \u{1B}]0;pwned\u{07} \u{1B}]8;;http://evil.example\u{1B}\\link"
        + "\u{1B}]8;;\u{1B}\\ bell\u{07} \u{9B}2J \u{202E}desrever\u{202C} \u{2066}iso\u{2069} \u{200F}\u{061C}rtl"
        + " del\u{7F} \u{1B}[?1049h end"
    /// Everywhere else also a carriage return, NEL and a line separator.
    static let hostile = hostileLine + " cr\rX nel\u{85} sep\u{2028}end"

    static let now = "2026-11-23T10:00:00+01:00"

    /// A demo directory with the hostile text in every place a command shows.
    final class Directory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-hostile-\(UUID().uuidString)")
        var reminder = "", otherReminder = "", supportCase = ""

        init() throws {
            let h = HostileTextTerminalTests.hostile, hostileLine = HostileTextTerminalTests.hostileLine
            try setUp(["demo", url.path, "--at", HostileTextTerminalTests.now])
            try setUp(["person", "add", "mallory", "--name", h, "--role", "agent", "--team", h, "--create-team"])
            try setUp(["kpi", "add", "tricks", "--name", h, "--unit", h, "--points", "3"])
            try setUp(["log", "tricks", "--person", "mallory", "--count", "2"])
            let due = ["--due", "2026-11-23T11:00:00+01:00"]
            reminder = try setUp(["reminder", "add", hostileLine] + due + ["--notes", h + "\nsecond line " + h,
                                                             "--owner", "priya", "--owner", "mallory"])
            otherReminder = try setUp(["reminder", "add", hostileLine] + due)
            supportCase = try setUp(["case", "open", h, "--customer", h, "--owner", "mallory"])
            try setUp(["influencer", "add", h, "--notes", h])
            try setUp(["calendar", "set", h, "--zone", "UTC", "--24x7"])
            try setUp(["sla", "set", "--priority", "low", "--first-response", "1h", "--calendar", h])
            try addByHand(HandWrittenPerson(id: "eve", team: "gone " + h))
        }

        struct HandWrittenPerson: Encodable { var id: String, name = "Eve", role = "agent", team: String }

        /// A person in a team that is not there, as no command writes one, for `check` to name.
        func addByHand(_ person: HandWrittenPerson) throws {
            let file = url.appendingPathComponent("people.json")
            var people = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            let record = try JSONSerialization.jsonObject(with: JSONEncoder().encode(person))
            people["people"] = (people["people"] as? [Any] ?? []) + [record]
            try JSONSerialization.data(withJSONObject: people).write(to: file)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        /// Runs a command through a pipe to build the data; its first line (the new id) comes back.
        @discardableResult
        func setUp(_ args: [String]) throws -> String {
            let run = Subprocess.run([Tmux.binary.path] + args + ["--data", url.path, "--user", "priya", "--at",
                                                                  HostileTextTerminalTests.now])
            try #require(run.status == 0, "\(args.prefix(2)): \(run.output)")
            return String(run.output.split(separator: "\n").first ?? "")
        }

        /// Runs a command with stdout and stderr on a terminal and returns the bytes it wrote there.
        func onTerminal(_ args: [String]) throws -> (status: Int32, output: [UInt8]) {
            let child = try Subprocess.start([Tmux.binary.path] + args + ["--data", url.path, "--user", "priya",
                                                                          "--at", HostileTextTerminalTests.now],
                                             output: .terminal, environment: ["LANG": "C.UTF-8"]).get()
            return child.waitForBytes()
        }
    }

    /// What in `bytes` a terminal would act on rather than show: every C0 control but the
    /// line feed, DEL, C1 controls, bidi controls and line separators, or bytes that are not
    /// UTF-8 (a lone 0x9B is CSI to a terminal in 8-bit mode).
    static func actedOn(_ bytes: [UInt8]) -> [String] {
        guard let text = String(validating: bytes, as: UTF8.self) else { return ["output is not UTF-8"] }
        var found: [String] = []
        for (offset, s) in text.unicodeScalars.enumerated() {
            let v = s.value
            let bidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
                || v == 0x061C
            if (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || bidi || v == 0x2028 || v == 0x2029 {
                found.append("U+\(String(v, radix: 16, uppercase: true)) at scalar \(offset)")
            }
        }
        return found
    }

    func expectClean(_ args: [String], in dir: Directory, status: Int32 = 0, shows: String? = nil) throws {
        let run = try dir.onTerminal(args)
        let text = String(decoding: run.output, as: UTF8.self)
        #expect(run.status == status, "\(args): \(text)")
        let found = Self.actedOn(run.output)
        #expect(found.isEmpty, "\(args) wrote \(found.prefix(5)) to the terminal: \(text.debugDescription.prefix(600))")
        if let shows { #expect(text.contains(shows), "\(args): \(text)") }
    }

    @Test func noCommandPassesControlsFromDataToTheTerminal() throws {
        let dir = try Directory()
        let h = Self.hostile
        let (r, other, c) = (dir.reminder, dir.otherReminder, dir.supportCase)
        // The visible words of the title survive; only what a terminal would act on goes.
        try expectClean(["reminder", "list"], in: dir, shows: "desrever")
        try expectClean(["reminder", "list", "--all"], in: dir, shows: "iso")
        try expectClean(["reminder", "list", "--all", "--json"], in: dir, shows: "desrever")
        try expectClean(["reminder", "show", r], in: dir, shows: "second line")
        try expectClean(["reminder", "show", r, "--json"], in: dir)
        // A Saturday: the warning names the reminder.
        try expectClean(["reminder", "add", Self.hostileLine, "--due", "2026-11-28T11:00:00+01:00"], in: dir)
        try expectClean(["reminder", "add", Self.hostileLine, "--due", "2026-11-23T12:00:00+01:00", "--json"], in: dir)
        try expectClean(["reminder", "add", h, "--due", "2026-11-23T12:00:00+01:00"], in: dir, status: 1,
                        shows: "one line")
        try expectClean(["reminder", "add", "linked", "--due", "2026-11-23T12:00:00+01:00", "--link", h], in: dir,
                        status: 1, shows: "is not a URL")
        try expectClean(["reminder", "edit", r, "--notes", h + "\n" + h], in: dir, shows: "Updated")
        try expectClean(["reminder", "edit", other, "--title", Self.hostileLine + "!"], in: dir, shows: "Updated")
        try expectClean(["reminder", "edit", r, "--notes", h, "--json"], in: dir)
        try expectClean(["reminder", "ack", r], in: dir, shows: "Acknowledged")
        try expectClean(["reminder", "snooze", other, "--for", "1h"], in: dir, shows: "Snoozed")
        try expectClean(["case", "list", "--all"], in: dir, shows: "desrever")
        try expectClean(["case", "list", "--all", "--json"], in: dir)
        try expectClean(["case", "show", c], in: dir, shows: "desrever")
        try expectClean(["influencer", "list"], in: dir, shows: "desrever")
        try expectClean(["person", "list"], in: dir, shows: "mallory")
        try expectClean(["kpi", "list"], in: dir, shows: "tricks")
        try expectClean(["leaderboard", "--period", "week"], in: dir)
        try expectClean(["leaderboard", "--period", "week", "--json"], in: dir)
        try expectClean(["escalation", "set", "--level", "1", "--after", "breach", "--notify", h], in: dir, status: 1,
                        shows: "neither a person nor a role")
        try expectClean(["escalation", "list"], in: dir, shows: "senior-management")
        try expectClean(["sla", "list"], in: dir, shows: "desrever")
        try expectClean(["calendar", "show", h], in: dir, shows: "desrever")
        // Eve's team is nobody's: check names it.
        try expectClean(["check"], in: dir, status: 1, shows: "is not a team")
        for kind in ["reminders", "cases", "people", "activities"] {
            for format in ["csv", "json"] {
                try expectClean(["export", "--format", format, "--kind", kind], in: dir, shows: kind == "activities" ? "tricks" : "desrever")
            }
        }
        try expectClean(["export", "--format", "ics"], in: dir, shows: "desrever")
        try expectClean(["snapshot", "--size", "160x40"], in: dir, shows: "desre")
        // Alone, the cases pane has room for the whole title.
        try expectClean(["snapshot", "--size", "160x40", "--pane", "cases"], in: dir, shows: "desrever")

        let csv = dir.url.appendingPathComponent("in.csv")
        let quoted = "\"" + h.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try Data(("external_id,title,due,owners\r\nx1,fine,2026-11-24T10:00:00+01:00," + quoted + "\r\n").utf8).write(to: csv)
        try expectClean(["import", csv.path], in: dir, status: 1, shows: "owners")

        try expectClean(["reminder", "delete", r], in: dir, shows: "Deleted \(r)")
    }

    /// A file format printed to a pipe is the format itself, controls and all.
    @Test func exportsToAPipeStayExact() throws {
        let dir = try Directory()
        let run = Subprocess.run([Tmux.binary.path, "export", "--format", "csv", "--data", dir.url.path, "--user", "priya"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains(Self.hostileLine), "\(run.output.debugDescription.prefix(600))")
        #expect(run.output.contains(Self.hostile), "\(run.output.debugDescription.prefix(600))")
    }
}
