import CRMCLI
import Foundation
import Testing

/// An empty data directory, removed when the test ends.
final class EmptyDirectory {
    let url: URL
    init() throws { url = try temporaryDirectory() }
    deinit { try? FileManager.default.removeItem(at: url) }

    func run(_ args: [String]) -> Run { crmtop(args + ["--data", url.path]) }
}

@Suite struct InfluencerCommandTests {
    @Test func addPrintsTheNextIdAndListShowsIt() throws {
        let dir = try DemoDirectory()
        let add = dir.run(["influencer", "add", "Video channel", "--url", "https://video.example", "--notes", "Reviews"])
        #expect(add.code == 0, "\(add.err)")
        #expect(add.out == "I-4\n")
        let all = try objects(dir.run(["influencer", "list", "--json"]))
        #expect(all.count == 4)
        #expect(all.last?["id"] as? String == "I-4")
        #expect(all.last?["url"] as? String == "https://video.example")
        #expect(all.last?["notes"] as? String == "Reviews")
        let text = dir.run(["influencer", "list"])
        #expect(text.out.contains("I-4  Video channel"))
        #expect(text.out.contains("https://video.example"))
    }

    @Test func jsonPrintsTheNewInfluencerWithNulls() throws {
        let dir = try EmptyDirectory()
        let i = try object(dir.run(["influencer", "add", "Forum", "--json"]))
        #expect(i["id"] as? String == "I-1")
        #expect(i["url"] is NSNull)
        #expect(dir.run(["influencer", "list"]).out.hasPrefix("I-1  Forum"))
    }

    @Test func refusals() throws {
        let dir = try EmptyDirectory()
        #expect(dir.run(["influencer", "list"]).out.hasPrefix("No influencers yet"))
        #expect(dir.run(["influencer", "list", "--json"]).out == "[]\n")
        let empty = dir.run(["influencer", "add", " "])
        #expect(empty.code == 2)
        #expect(empty.err.contains("the name is empty"))
    }
}

@Suite struct CalendarCommandTests {
    @Test func setAddsOrReplacesByNameInTheFileShape() throws {
        let dir = try EmptyDirectory()
        let set = dir.run(["calendar", "set", "--zone", "Europe/Berlin", "--hours", "Mon-Fri 09:00-17:00",
                           "--hours", "sat 10:00-14:00", "--holiday", "2026-12-25", "--holiday", "2026-12-24",
                           "--at", "2026-11-21T18:00:00+01:00"])
        #expect(set.code == 0, "\(set.err)")
        #expect(set.out == """
            default   Europe/Berlin
            hours     Mon-Fri 09:00-17:00, Sat 10:00-14:00
            holidays  2026-12-24, 2026-12-25
            now       closed; opens Mon 23 Nov 2026 09:00

            """)
        #expect(dir.run(["calendar", "set", "us", "--zone", "America/New_York", "--24x7"]).code == 0)
        #expect(dir.run(["calendar", "set", "--zone", "UTC", "--hours", "Mon 08:00-12:00"]).code == 0)
        let calendar = try object(dir.run(["calendar", "show", "--json"]))
        #expect(calendar["zone"] as? String == "UTC")
        #expect(calendar["hours"] as? [String] == ["Mon 08:00-12:00"])
        #expect(calendar["holidays"] == nil, "replaced as a whole")
        let us = try object(dir.run(["calendar", "show", "us", "--json"]))
        #expect(us["hours"] as? [String] == [])
    }

    @Test func showSaysWhetherItIsOpenAtTheMomentGiven() {
        let open = crmtop(["calendar", "show", "--demo", "--at", "2026-11-23T12:00:00+01:00"])
        #expect(open.out.contains("now       open\n"))
        let weekend = crmtop(["calendar", "show", "--demo", "--at", "2026-11-21T12:00:00+01:00"])
        #expect(weekend.out.contains("now       closed; opens Mon 23 Nov 2026 09:00\n"))
    }

    @Test func withoutCalendarsTheBuiltInOneIsShownAndNamedSo() throws {
        let run = try EmptyDirectory().run(["calendar", "show"])
        #expect(run.code == 0)
        #expect(run.out.contains("hours    around the clock"))
        #expect(run.out.contains("no calendar is set, so times are UTC around the clock"))
    }

    @Test(arguments: [
        (["set", "--zone", "Mars/Olympus", "--24x7"], 2, "--zone: unknown time zone \"Mars/Olympus\""),
        (["set", "--zone", "UTC"], 2, "give its open hours with --hours, or --24x7"),
        (["set", "--zone", "UTC", "--24x7", "--hours", "Mon 09:00-17:00"], 2, "--hours and --24x7 exclude each other"),
        (["set", "--zone", "UTC", "--hours", "Mon 17:00-09:00"], 2,
         "--hours \"Mon 17:00-09:00\": 17:00-09:00 closes before it opens"),
        (["set", "--zone", "UTC", "--hours", "Mo 09:00-17:00"], 2, "expected days like Mon-Fri or Sat,Sun, found \"Mo\""),
        (["set", "--zone", "UTC", "--24x7", "--holiday", "2026-02-30"], 2,
         "--holiday: \"2026-02-30\" is not a date like 2026-12-24"),
        (["set", "--24x7"], 2, "Missing expected argument '--zone <zone>'"),
        (["show", "mars"], 1, "no calendar named mars (calendars: default)"),
    ] as [([String], Int32, String)])
    func refusalsNameTheProblem(_ args: [String], _ code: Int32, _ message: String) throws {
        let dir = try DemoDirectory()
        let run = dir.run(["calendar"] + args)
        #expect(run.code == code)
        #expect(run.err.contains(message), "\(run.err)")
    }
}

@Suite struct SLACommandTests {
    @Test func setReplacesThePolicyForThatKindAndPriority() throws {
        let dir = try DemoDirectory()
        let set = dir.run(["sla", "set", "--priority", "high", "--kind", "case", "--first-response", "2h",
                           "--resolution", "1d", "--warn-at", "62.5%"])
        #expect(set.code == 0, "\(set.err)")
        // A day of business time is 24 open hours, and shows as such, not as one working day.
        #expect(set.out.contains("case  high      2h              -              24h         default hours  at 62.5%"))
        let policies = try objects(dir.run(["sla", "list", "--json"]))
        #expect(policies.count == 8, "replaced, not added")
        let high = try #require(policies.first { $0["kind"] as? String == "case" && $0["priority"] as? String == "high" })
        #expect(high["first_response"] as? String == "2h")
        #expect(high["warn_at_percent"] as? Double == 62.5)
        // The new target applies to cases at once: the high VAT case (opened 150 office minutes ago).
        let c = try object(dir.run(["case", "show", "C-2005", "--json"]))
        #expect((c["sla"] as? [[String: Any]])?.first?["target_seconds"] as? Int == 7200)
    }

    @Test func aPolicyForBothKindsAroundTheClockWithWarnBefore() throws {
        let dir = try EmptyDirectory()
        let p = try object(dir.run(["sla", "set", "--priority", "urgent", "--first-response", "1h", "--24x7",
                                    "--warn-before", "15m", "--json"]))
        #expect(p["kind"] == nil)
        #expect(p["calendar"] is NSNull)
        #expect(p["warn_before"] as? String == "15m")
        let text = dir.run(["sla", "list"])
        #expect(text.out.contains("any   urgent    1h              -              -           around the clock  15m before"))
    }

    /// A policy for any kind used to lose to the kind-specific ones the demo has, so it
    /// changed nothing; without --kind it is the policy for every kind.
    @Test func withoutKindThePolicyReplacesTheKindSpecificOnesAndSaysSo() throws {
        let dir = try DemoDirectory()
        let set = dir.run(["sla", "set", "--priority", "low", "--resolution", "2d"])
        #expect(set.code == 0, "\(set.err)")
        #expect(set.out.contains("any   low       -               -              48h"), "\(set.out)")
        #expect(set.out.contains("Applies to cases and feedback: replaced the case and feedback policies for low.\n"),
                "\(set.out)")
        let policies = try objects(dir.run(["sla", "list", "--json"]))
        #expect(policies.count == 7)
        #expect(policies.filter { $0["priority"] as? String == "low" }.map { $0["kind"] as? String } == [nil])
        for kind in ["case", "feedback"] {
            let c = try object(dir.run(["case", "open", "Low \(kind)", "--customer", "ACME", "--priority", "low",
                                        "--kind", kind, "--json"]))
            let targets = (c["sla"] as? [[String: Any]])?.map { $0["target_seconds"] as? Int }
            #expect(targets == [2 * 86_400], "\(kind): only the new resolution target")
        }
        let json = dir.run(["sla", "set", "--priority", "high", "--first-response", "1h", "--json"])
        #expect(try object(json)["first_response"] as? String == "1h")
        #expect(json.err.contains("replaced the case and feedback policies for high"), "\(json.err)")
    }

    @Test func aPolicyForAnyKindThatTheKindsOverrideIsPointedOut() throws {
        let dir = try DemoDirectory()
        let settings = dir.url.appendingPathComponent("settings.json")
        var text = try String(contentsOf: settings, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"sla_policies\": [", with: """
            "sla_policies": [{"priority": "low", "resolution": "2d", "calendar": null},
            """)
        try text.write(to: settings, atomically: true, encoding: .utf8)
        let list = dir.run(["sla", "list"])
        #expect(list.code == 0, "\(list.err)")
        #expect(list.out.contains("The policy for any kind at low is not used: the case and feedback policies for low win.\n"),
                "\(list.out)")
    }

    @Test func withoutCalendarOptionsTheDefaultCalendarCounts() throws {
        let dir = try DemoDirectory()
        let p = try object(dir.run(["sla", "set", "--priority", "low", "--resolution", "2d", "--json"]))
        #expect(p["calendar"] as? String == "default")
    }

    @Test func listWithoutPolicies() throws {
        let dir = try EmptyDirectory()
        #expect(dir.run(["sla", "list"]).out.hasPrefix("No SLA policies yet"))
        #expect(dir.run(["sla", "list", "--json"]).out == "[]\n")
    }

    @Test(arguments: [
        (["--priority", "high"], 2, "give a target: --first-response, --next-response or --resolution"),
        (["--priority", "high", "--next-response", "1h30"], 2, "--next-response: cannot read \"1h30\" as a duration"),
        (["--priority", "top", "--first-response", "1h"], 2, "'top' is invalid for '--priority <priority>'"),
        (["--priority", "high", "--first-response", "soon"], 2, "--first-response: cannot read \"soon\" as a duration"),
        (["--priority", "high", "--first-response", "0"], 2, "--first-response: a target must be longer than 0"),
        (["--priority", "high", "--resolution", "1d", "--warn-at", "120%"], 2,
         "--warn-at: expected a percentage from 0 to 100 like 75%, found \"120%\""),
        (["--priority", "high", "--resolution", "1d", "--warn-at", "75%", "--warn-before", "1h"], 2,
         "--warn-at and --warn-before exclude each other"),
        (["--priority", "high", "--resolution", "1d", "--calendar", "default", "--24x7"], 2,
         "--calendar and --24x7 exclude each other"),
        (["--priority", "high", "--resolution", "1d", "--calendar", "mars"], 1,
         "--calendar: no calendar named mars (calendars: default)"),
    ] as [([String], Int32, String)])
    func refusalsNameTheProblem(_ args: [String], _ code: Int32, _ message: String) throws {
        let dir = try DemoDirectory()
        let run = dir.run(["sla", "set"] + args)
        #expect(run.code == code)
        #expect(run.err.contains(message), "\(run.err)")
        #expect(run.out.isEmpty)
    }
}

@Suite struct EscalationCommandTests {
    @Test func setReplacesALevelAndKeepsTheLadderInOrder() throws {
        let dir = try DemoDirectory()
        let set = dir.run(["escalation", "set", "--level", "2", "--after", "breach+30m",
                           "--notify", "team-lead,jonas", "owner"])
        #expect(set.code == 0, "\(set.err)")
        #expect(set.out == "LEVEL  AFTER       NOTIFY\n2      breach+30m  team-lead, jonas, owner\n")
        #expect(set.err.isEmpty)
        #expect(dir.run(["escalation", "set", "--level", "5", "--after", "warning", "--notify", "owner"]).code == 0)
        let ladder = try objects(dir.run(["escalation", "list", "--json"]))
        #expect(ladder.map { $0["level"] as? Int } == [1, 2, 3, 4, 5])
        #expect(ladder[1]["after"] as? String == "breach+30m")
        #expect(ladder[1]["notify"] as? [String] == ["team-lead", "jonas", "owner"])
        let text = dir.run(["escalation", "list"])
        #expect(text.out.contains("3      breach+2h   head-of-support\n"))
    }

    @Test func aNameThatIsNeitherRoleNorPersonIsRefused() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["escalation", "set", "--level", "1", "--after", "warning", "--notify", "ops-pager", "--json"])
        #expect(run.code == 1 && run.out.isEmpty)
        #expect(run.err.contains("--notify: \"ops-pager\" is neither a person nor a role (roles: owner,"), "\(run.err)")
    }

    @Test func listWithoutALadder() throws {
        let dir = try EmptyDirectory()
        #expect(dir.run(["escalation", "list"]).out.hasPrefix("No escalation ladder yet"))
        #expect(dir.run(["escalation", "list", "--json"]).out == "[]\n")
    }

    @Test(arguments: [
        (["--level", "0", "--after", "breach", "--notify", "owner"], "--level: 0 is not a level; levels start at 1"),
        (["--level", "1", "--after", "later", "--notify", "owner"],
         "--after: expected warning, breach or breach+DURATION (like breach+2h), found \"later\""),
        (["--level", "1", "--after", "breach+soon", "--notify", "owner"], "found \"breach+soon\""),
        (["--level", "1", "--after", "breach"], "Missing expected argument '--notify <notify> ...'"),
        (["--level", "1", "--after", "breach", "--notify", ","], "--notify: say who is told"),
        (["--level", "x", "--after", "breach", "--notify", "owner"], "'x' is invalid for '--level <level>'"),
    ] as [([String], String)])
    func usageErrorsExitTwoAndNameTheProblem(_ args: [String], _ message: String) throws {
        let dir = try DemoDirectory()
        let run = dir.run(["escalation", "set"] + args)
        #expect(run.code == 2)
        #expect(run.err.contains(message), "\(run.err)")
    }
}
