import CRMCLI
import Foundation
import Testing

private let caseKeys: Set<String> = [
    "id", "title", "kind", "customer", "priority", "status", "owner", "team", "influencer", "opened",
    "escalation_level", "sla",
]
private let clockKeys: Set<String> = [
    "metric", "target_seconds", "elapsed_seconds", "remaining_seconds", "due", "state",
]

@Suite struct CaseListTests {
    @Test func jsonReportsEveryClockOfEveryOpenCaseMostUrgentFirst() throws {
        let run = crmtop(["case", "list", "--demo", "--json", "--at", demoNow])
        #expect(run.code == 0, "\(run.err)")
        let cases = try objects(run)
        #expect(cases.count == 22, "the demo's open cases and feedback")
        var previous: (standing: Int, key: Double) = (0, -.infinity)
        for c in cases {
            #expect(Set(c.keys) == caseKeys)
            let sla = try #require(c["sla"] as? [[String: Any]])
            #expect(sla.count == 2)
            for clock in sla {
                #expect(Set(clock.keys) == clockKeys)
                let target = try #require(clock["target_seconds"] as? Int)
                let elapsed = try #require(clock["elapsed_seconds"] as? Int)
                #expect(clock["remaining_seconds"] as? Int == target - elapsed)
            }
            // Breached by time past the target, then running by the instant they breach, then
            // paused by time left.
            let live = sla.filter { !["met", "missed"].contains($0["state"] as? String) }
            let remaining = live.compactMap { $0["remaining_seconds"] as? Int }
            let running = live.filter { ["running", "warning"].contains($0["state"] as? String) }
            let due = running.compactMap { ($0["due"] as? String).flatMap(isoDate)?.timeIntervalSince1970 }
            let here: (standing: Int, key: Double) =
                if let worst = remaining.min(), worst < 0 { (0, Double(worst)) }
                else if let first = due.min() { (1, first) }
                else { (2, Double(remaining.min() ?? 0)) }
            #expect(here >= previous, "ordered by the next breach: \(c["id"]!)")
            previous = here
        }
    }

    @Test func aBreachedClockIsNegativeWithTheWallClockMomentItBreached() throws {
        let cases = try objects(crmtop(["case", "list", "--demo", "--json", "--at", demoNow]))
        // The SSO case: urgent, 24×7, opened 400 minutes ago and never answered.
        let sso = try #require(cases.first { $0["id"] as? String == "C-2003" })
        let first = try #require((sso["sla"] as? [[String: Any]])?.first)
        #expect(first["metric"] as? String == "first_response")
        #expect(first["state"] as? String == "breached")
        #expect(first["remaining_seconds"] as? Int == -340 * 60)
        #expect(first["due"] as? String == "2026-11-23T04:20:00+01:00")
        #expect(sso["escalation_level"] as? Int == 3)
        #expect(sso["opened"] as? String == "2026-11-23T03:20:00+01:00")
        #expect(sso["influencer"] is NSNull)
    }

    @Test(arguments: [
        (["--mine"], "lucas", "owner", "lucas", 5),
        (["--team", "Support"], "priya", "team", "support", 22),
        (["--kind", "feedback"], "priya", "kind", "feedback", 3),
        (["--all", "--kind", "case"], "priya", "kind", "case", 19),
    ] as [([String], String, String, String, Int)])
    func scopesNarrowTheList(_ options: [String], _ user: String, _ key: String, _ value: String,
                             _ count: Int) throws {
        let run = crmtop(["case", "list", "--demo", "--json", "--at", demoNow, "--user", user] + options)
        let cases = try objects(run)
        #expect(cases.count == count)
        #expect(cases.allSatisfy { $0[key] as? String == value })
    }

    @Test(arguments: [
        (["--mine", "--all"], 2, "choose one of --mine, --team and --all"),
        (["--team", "kitchen"], 1, "--team: no team kitchen (teams: sales, support)"),
        (["--kind", "bug"], 2, "'bug' is invalid for '--kind <kind>'"),
    ] as [([String], Int32, String)])
    func badScopesAreRefused(_ options: [String], _ code: Int32, _ message: String) {
        let run = crmtop(["case", "list", "--demo"] + options)
        #expect(run.code == code)
        #expect(run.err.contains(message), "\(run.err)")
    }

    @Test func textShowsTheMostUrgentClockOfEach() {
        let run = crmtop(["case", "list", "--demo", "--at", demoNow])
        #expect(run.code == 0)
        let lines = run.out.split(separator: "\n")
        #expect(lines[0].hasPrefix("ID      PRIORITY  STATUS"))
        #expect(lines[1].hasPrefix("C-2004  urgent    open"))
        #expect(lines[1].contains("resolution      breached  -31:00:00  Sun 22 Nov 2026 03:00"))
        #expect(lines.count == 23)
    }

    @Test func nothingOpenSaysSo() {
        let run = crmtop(["case", "list", "--demo", "--at", demoNow, "--mine", "--user", "maria"])
        #expect(run.code == 0)
        #expect(run.out == "No open cases.\n")
        let json = crmtop(["case", "list", "--demo", "--json", "--mine", "--user", "maria"])
        #expect(json.out == "[]\n")
    }
}

@Suite struct CaseShowTests {
    @Test func textHasFieldsEveryClockWithItsDueTimeEscalationAndHistory() {
        let run = crmtop(["case", "show", "C-2002", "--demo", "--at", demoNow])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.hasPrefix("C-2002  Data export fails with a timeout\n"))
        #expect(run.out.contains("  customer    Meridian Logistics\n"))
        #expect(run.out.contains("  escalation  level 1: tell sofia\n"))
        #expect(run.out.contains("  first response  met      1:00:00  0:50:00  0:10:00  -"))
        #expect(run.out.contains("  resolution      warning  4:00:00  3:20:00  0:40:00  Mon 23 Nov 2026 10:40  around the clock"))
        #expect(run.out.contains("History\n  Mon 23 Nov 2026 06:40  opened"))
        #expect(run.out.contains("escalated  -      level 1: owner"))
    }

    @Test func jsonIsTheListShapePlusHistory() throws {
        let c = try object(crmtop(["case", "show", "C-2008", "--demo", "--json", "--at", demoNow]))
        #expect(Set(c.keys) == caseKeys.union(["history"]))
        let history = try #require(c["history"] as? [[String: Any]])
        #expect(history.map { $0["action"] as? String } == ["opened", "assigned", "responded", "paused"])
        #expect(Set(history[0].keys) == ["at", "actor", "action", "detail"])
        #expect(history[0]["actor"] is NSNull)
        let states = (c["sla"] as? [[String: Any]])?.map { $0["state"] as? String }
        #expect(states == ["met", "paused"])
    }

    @Test func aFeedbackItemNamesItsInfluencer() {
        let run = crmtop(["case", "show", "C-2023", "--demo", "--at", demoNow])
        #expect(run.out.contains("  influencer  I-1 Lena Brandt (CRM Weekly)\n"))
    }

    @Test func anUnknownIdIsRefused() {
        let run = crmtop(["case", "show", "C-9", "--demo"])
        #expect(run.code == 1)
        #expect(run.err == "crmtop: no case with id C-9\n")
    }
}

@Suite struct CaseOpenTests {
    @Test func printsTheNewIdAndTheCaseIsThere() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["case", "open", "Printer on fire", "--customer", "ACME", "--priority", "high",
                           "--owner", "lucas"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out == "C-2027\n")
        let c = try object(dir.run(["case", "show", "C-2027", "--json"]))
        #expect(c["team"] as? String == "support", "the owner's team")
        #expect(c["kind"] as? String == "case")
        #expect(c["opened"] as? String == demoNow)
        #expect((c["history"] as? [[String: Any]])?.map { $0["action"] as? String } == ["opened", "assigned"])
        #expect((c["sla"] as? [[String: Any]])?.first?["due"] as? String == "2026-11-23T14:00:00+01:00",
                "high: 4 business hours")
    }

    @Test func anInfluencerMakesItFeedbackAndJsonPrintsTheCase() throws {
        let dir = try DemoDirectory()
        let c = try object(dir.run(["case", "open", "Video review", "--customer", "Viewers", "--influencer", "I-2",
                                    "--opened", "2026-11-23 09:00", "--json"]))
        #expect(c["id"] as? String == "C-2027")
        #expect(c["kind"] as? String == "feedback")
        #expect(c["influencer"] as? String == "I-2")
        #expect(c["opened"] as? String == "2026-11-23T09:00:00+01:00")
        #expect((c["sla"] as? [[String: Any]])?.first?["elapsed_seconds"] as? Int == 3600)
    }

    @Test(arguments: [
        (["--owner", "zoe"], 1, "--owner: no person zoe in people.json (people: maria, jonas"),
        (["--team", "kitchen"], 1, "--team: no team kitchen (teams: sales, support)"),
        (["--influencer", "I-9"], 1, "--influencer: no influencer I-9 (influencers: I-1, I-2, I-3)"),
        (["--influencer", "I-1", "--kind", "case"], 2, "--influencer: only feedback comes from an influencer"),
        (["--priority", "huge"], 2, "'huge' is invalid for '--priority <priority>'"),
        (["--kind", "bug"], 2, "'bug' is invalid for '--kind <kind>'"),
        (["--opened", "soon"], 2, "--opened: cannot read \"soon\" as a time"),
        (["--customer", " "], 2, "--customer is empty"),
    ] as [([String], Int32, String)])
    func refusalsNameTheProblem(_ options: [String], _ code: Int32, _ message: String) throws {
        let dir = try DemoDirectory()
        let run = dir.run(["case", "open", "Broken", "--customer", "ACME"] + options)
        #expect(run.code == code)
        #expect(run.err.contains(message), "\(run.err)")
        #expect(try objects(dir.run(["case", "list", "--json"])).count == 22, "nothing added")
    }

    @Test func theCustomerIsRequired() {
        let run = crmtop(["case", "open", "Broken", "--demo"])
        #expect(run.code == 2)
        #expect(run.err.contains("--customer"))
    }
}
