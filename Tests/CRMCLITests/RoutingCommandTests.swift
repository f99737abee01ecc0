import CRMCLI
import Foundation
import Testing

/// Feedback (or a case) opened without an owner or a team goes where routing sends it, so
/// that the escalation ladder has someone to tell.
@Suite struct RoutingCommandTests {
    @Test func feedbackOpenedWithoutOwnerOrTeamGoesToTheRoutedTeam() throws {
        let dir = try DemoDirectory()
        let before = try object(dir.run(["case", "open", "Rant", "--customer", "Readers", "--influencer", "I-1", "--json"]))
        #expect(before["team"] is NSNull && before["owner"] is NSNull, "no routing yet: nobody")

        let set = dir.run(["routing", "set", "--kind", "feedback", "--team", "Support"])
        #expect(set.code == 0, "\(set.err)")
        #expect(set.out.contains("Feedback opened without an owner or a team goes to team support.\n"), "\(set.out)")
        let open = dir.run(["case", "open", "Another rant", "--customer", "Readers", "--influencer", "I-1", "--json"])
        #expect(open.err.contains("routed to team support"), "\(open.err)")
        let routed = try object(open)
        #expect(routed["team"] as? String == "support")
        #expect(routed["owner"] is NSNull)
        let show = dir.run(["case", "show", routed["id"] as! String])
        #expect(show.out.contains("  team        support\n"), "\(show.out)")

        // A case is not feedback: it goes nowhere until routed too, and --owner wins over routing.
        #expect(try object(dir.run(["case", "open", "Login", "--customer", "ACME", "--json"]))["team"] is NSNull)
        let owned = try object(dir.run(["case", "open", "Rant 3", "--customer", "R", "--influencer", "I-1", "--owner", "sofia", "--json"]))
        #expect(owned["owner"] as? String == "sofia")
    }

    @Test func theRouteForEveryKindGivesAnOwnerAndTheirTeam() throws {
        let dir = try DemoDirectory()
        #expect(dir.run(["routing", "set", "--owner", "lucas"]).code == 0)
        let c = try object(dir.run(["case", "open", "Login", "--customer", "ACME", "--json", "--opened", "2026-11-23 09:00"]))
        #expect(c["owner"] as? String == "lucas")
        #expect(c["team"] as? String == "support", "the owner's team")
        let history = try #require(try object(dir.run(["case", "show", c["id"] as! String, "--json"]))["history"] as? [[String: Any]])
        #expect(history.map { $0["action"] as? String } == ["opened", "assigned"])

        let list = dir.run(["routing", "list"])
        #expect(list.out == """
            Cases opened without an owner or a team go to owner lucas (the route for every kind).
            Feedback opened without an owner or a team goes to owner lucas (the route for every kind).

            """, "\(list.out)")
        let json = try object(dir.run(["routing", "list", "--json"]))
        #expect((json["default"] as? [String: Any])?["owner"] as? String == "lucas")
        #expect(dir.run(["sla", "list"]).out.contains("Feedback opened without an owner or a team goes to owner lucas"))

        #expect(dir.run(["routing", "remove"]).code == 0)
        #expect(try object(dir.run(["case", "open", "Later", "--customer", "ACME", "--json"]))["owner"] is NSNull)
        #expect(try object(dir.run(["routing", "list", "--json"])).isEmpty)
    }

    @Test(arguments: [
        (["--kind", "feedback"], 2, "give --owner, --team or both"),
        (["--owner", "zoe"], 1, "--owner: no person zoe in people.json"),
        (["--team", "kitchen"], 1, "--team: no team kitchen (teams: sales, support)"),
        (["--kind", "blog", "--team", "support"], 2, "'blog' is invalid for '--kind <kind>'"),
    ] as [([String], Int32, String)])
    func refusalsNameTheProblem(_ args: [String], _ code: Int32, _ message: String) throws {
        let dir = try DemoDirectory()
        let run = dir.run(["routing", "set"] + args)
        #expect(run.code == code)
        #expect(run.err.contains(message), "\(run.err)")
    }

    @Test func escalationListAndCheckSayWhichLevelTellsNobody() throws {
        let dir = try DemoDirectory()
        let warning = "level 1 notifies owner, but it tells nobody about 5 open items (no owner): "
            + "C-2006, C-2012, C-2016, C-2018, C-2025"
        let list = dir.run(["escalation", "list"])
        #expect(list.out.contains("warning: " + warning), "\(list.out)")
        let json = dir.run(["escalation", "list", "--json"])
        #expect(try objects(json).count == 4, "stdout stays JSON")
        #expect(json.err.contains(warning))
        let check = dir.run(["check"])
        #expect(check.code == 0, "a level telling nobody is worth a warning, not a broken directory")
        #expect(check.out.hasSuffix(": no problems found\n"))
        #expect(check.err.contains("warning: \(dir.path)/settings.json: escalation: " + warning), "\(check.err)")

        // With owners for them the warning goes.
        for id in ["C-2006", "C-2012", "C-2016", "C-2018", "C-2025"] {
            #expect(dir.run(["case", "assign", id, "--owner", "sofia"]).code == 0)
        }
        #expect(!dir.run(["escalation", "list"]).out.contains("warning:"))
        #expect(!dir.run(["check"]).err.contains("warning"))
    }

    @Test func aLevelForARoleNobodyHasTellsNobodyAboutAnything() throws {
        let dir = try EmptyDirectory()
        func must(_ args: [String]) { #expect(dir.run(args + ["--user", "ana"]).code == 0, "\(args)") }
        must(["person", "add", "ana", "--role", "agent"])
        must(["escalation", "set", "--level", "1", "--after", "breach", "--notify", "head-of-support"])
        must(["case", "open", "Feedback", "--customer", "R", "--kind", "feedback", "--owner", "ana"])
        let list = dir.run(["escalation", "list", "--user", "ana"])
        #expect(list.out.contains("warning: level 1 notifies head-of-support, but it tells nobody about 1 open feedback item "
                                  + "(nobody with the role head-of-support): C-1001\n"), "\(list.out)")
    }

    @Test func checkFlagsARouteToSomeoneWhoIsGone() throws {
        let dir = try DemoDirectory()
        let settings = dir.url.appendingPathComponent("settings.json")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try text.replacingOccurrences(of: "\"calendars\": [", with: """
            "routing": {"feedback": {"owner": "zoe"}, "default": {"team": "kitchen"}},
              "calendars": [
            """).write(to: settings, atomically: true, encoding: .utf8)
        let check = dir.run(["check"])
        #expect(check.code == 1)
        #expect(check.out.contains("settings.json:3:37: routing.feedback.owner: \"zoe\" is not a person in people.json"), "\(check.out)")
        #expect(check.out.contains("routing.default.team: \"kitchen\" is not a team in people.json"), "\(check.out)")
        let open = dir.run(["case", "open", "Rant", "--customer", "R", "--influencer", "I-1"])
        #expect(open.code == 1)
        #expect(open.err.contains("the routing for feedback names person zoe, not in people.json"), "\(open.err)")
    }
}
