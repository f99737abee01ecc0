import CRMCLI
import Foundation
import Testing

@Suite struct CaseActionCommandTests {
    /// A normal case opened at 10:00 in the demo, owned by lucas.
    func freshCase() throws -> DemoDirectory {
        let dir = try DemoDirectory()
        let run = dir.run(["case", "open", "Printer on fire", "--customer", "ACME", "--owner", "lucas"])
        #expect(run.out == "C-2027\n", "\(run.err)")
        return dir
    }

    @Test func aWholeLifeRecordedAtTheMomentsGiven() throws {
        let dir = try freshCase()
        let steps: [([String], String, String)] = [
            (["respond", "--note", "asked for the model"], "10:30", "C-2027 responded at Mon 23 Nov 2026 10:30; status open\n"),
            (["pause"], "10:40", "C-2027 paused at Mon 23 Nov 2026 10:40; status pending-customer\n"),
            (["resume"], "11:40", "C-2027 resumed at Mon 23 Nov 2026 11:40; status open\n"),
            (["assign", "--owner", "sofia"], "11:45", "C-2027 assigned at Mon 23 Nov 2026 11:45; status open\n"),
            (["escalate"], "11:50", "C-2027 escalated at Mon 23 Nov 2026 11:50; status open; level 1: tell sofia\n"),
            (["resolve"], "12:00", "C-2027 resolved at Mon 23 Nov 2026 12:00; status resolved\n"),
            (["reopen"], "13:00", "C-2027 reopened at Mon 23 Nov 2026 13:00; status open\n"),
            (["resolve"], "13:30", "C-2027 resolved at Mon 23 Nov 2026 13:30; status resolved\n"),
            (["close"], "14:00", "C-2027 closed at Mon 23 Nov 2026 14:00; status closed\n"),
        ]
        for (args, time, out) in steps {
            let run = dir.run(["case", args[0], "C-2027"] + args.dropFirst(), at: "2026-11-23T\(time):00+01:00",
                              user: "lucas")
            #expect(run.code == 0, "\(args): \(run.err)")
            #expect(run.out == out)
        }
        let c = try object(dir.run(["case", "show", "C-2027", "--json"], at: "2026-11-23T15:00:00+01:00"))
        let history = try #require(c["history"] as? [[String: Any]])
        #expect(history.map { $0["action"] as? String } == [
            "opened", "assigned", "responded", "paused", "resumed", "assigned", "escalated", "resolved",
            "reopened", "resolved", "closed",
        ])
        #expect(history[2]["detail"] as? String == "asked for the model")
        #expect(history[2]["at"] as? String == "2026-11-23T10:30:00+01:00")
        #expect(history[2]["actor"] as? String == "lucas")
        // Counted: 10:00–10:40, 11:40–12:00, 13:00–13:30 (paused and resolved time left out).
        let sla = try #require(c["sla"] as? [[String: Any]])
        #expect(sla.map { $0["state"] as? String } == ["met", "met"])
        #expect(sla[1]["elapsed_seconds"] as? Int == 90 * 60)
        #expect(c["owner"] as? String == "sofia")
        #expect(c["escalation_level"] as? Int == 1)
    }

    @Test func jsonPrintsTheCaseAsItIsAfterwards() throws {
        let dir = try freshCase()
        let c = try object(dir.run(["case", "pause", "C-2027", "--json"], at: "2026-11-23T11:00:00+01:00"))
        #expect(c["status"] as? String == "pending-customer")
        #expect((c["sla"] as? [[String: Any]])?.map { $0["state"] as? String } == ["paused", "paused"])
        #expect((c["history"] as? [[String: Any]])?.last?["action"] as? String == "paused")
    }

    @Test(arguments: [
        (["resume", "C-2027"], 1, "crmtop: C-2027 is not waiting on the customer (status new); nothing to resume\n"),
        (["reopen", "C-2027"], 1, "crmtop: C-2027 is new, not resolved; only a resolved case can be reopened\n"),
        (["close", "C-2027"], 1, "crmtop: C-2027 is new; resolve it before closing it\n"),
        (["assign", "C-2027", "--owner", "lucas"], 1, "crmtop: C-2027 is already assigned to lucas\n"),
        (["assign", "C-2027", "--owner", "zoe"], 1, "crmtop: --owner: no person zoe in people.json"),
        (["respond", "C-2027", "--at", "2026-11-23T09:00:00+01:00"], 1,
         "crmtop: C-2027 was opened at 2026-11-23T10:00:00+01:00, after the time given (2026-11-23T09:00:00+01:00)\n"),
        (["respond", "C-9"], 1, "crmtop: no case with id C-9\n"),
        (["resolve", "C-2022"], 1, "crmtop: C-2022 is closed; a closed case stays closed (open a new one instead)\n"),
        (["resolve", "C-2020"], 1, "crmtop: C-2020 is resolved; reopen it first\n"),
        (["escalate", "C-2004"], 1, "crmtop: C-2004 is already at the top of the escalation ladder (level 4)\n"),
        (["respond", "C-2027", "--at", "later"], 2, "--at: cannot read \"later\" as a time"),
        (["assign", "C-2027"], 2, "Missing expected argument '--owner <owner>'"),
        (["respond"], 2, "Missing expected argument '<id>'"),
    ] as [([String], Int32, String)])
    func refusalsExitWithTheirCodeAndNameTheProblem(_ args: [String], _ code: Int32, _ message: String) throws {
        let dir = try freshCase()
        let before = try object(dir.run(["case", "show", "C-2027", "--json"]))
        let run = dir.run(["case"] + args)
        #expect(run.code == code)
        #expect(run.err.hasPrefix(message) || run.err.contains(message), "\(run.err)")
        #expect(run.out.isEmpty)
        let after = try object(dir.run(["case", "show", "C-2027", "--json"]))
        #expect(NSDictionary(dictionary: after) == NSDictionary(dictionary: before))
    }

    @Test func aCustomersReplyStartsTheNextResponseClock() throws {
        let dir = try freshCase()
        let set = dir.run(["sla", "set", "--priority", "normal", "--kind", "case", "--first-response", "8h",
                           "--next-response", "2h", "--resolution", "1d", "--warn-at", "75%"])
        #expect(set.code == 0, "\(set.err)")
        for (action, time) in [("respond", "10:30"), ("pause", "11:00"), ("resume", "13:00")] {
            #expect(dir.run(["case", action, "C-2027"], at: "2026-11-23T\(time):00+01:00").code == 0)
        }
        let c = try object(dir.run(["case", "show", "C-2027", "--json"], at: "2026-11-23T14:30:00+01:00"))
        let sla = try #require(c["sla"] as? [[String: Any]])
        #expect(sla.map { $0["metric"] as? String } == ["first_response", "next_response", "resolution"])
        #expect(sla[1]["elapsed_seconds"] as? Int == 5400)
        #expect(sla[1]["due"] as? String == "2026-11-23T15:00:00+01:00")
        #expect(sla[1]["state"] as? String == "warning")
        #expect(dir.run(["case", "respond", "C-2027"], at: "2026-11-23T14:45:00+01:00").code == 0)
        let text = dir.run(["case", "show", "C-2027"], at: "2026-11-23T15:00:00+01:00")
        #expect(text.out.contains("  next response   met      2:00:00   1:45:00  0:15:00   -"), "\(text.out)")
        #expect(text.out.contains("  customer wrote  Mon 23 Nov 2026 13:00\n"))
    }

    @Test func pausingTwiceIsRefused() throws {
        let dir = try freshCase()
        #expect(dir.run(["case", "pause", "C-2027"]).code == 0)
        let run = dir.run(["case", "pause", "C-2027"], at: "2026-11-23T11:00:00+01:00")
        #expect(run.code == 1)
        #expect(run.err == "crmtop: C-2027 is already waiting on the customer since 2026-11-23T10:00:00+01:00\n")
    }

    @Test func respondingTwiceKeepsTheFirstResponse() throws {
        let dir = try freshCase()
        #expect(dir.run(["case", "respond", "C-2027"], at: "2026-11-23T10:30:00+01:00").code == 0)
        #expect(dir.run(["case", "respond", "C-2027"], at: "2026-11-23T16:00:00+01:00").code == 0)
        let c = try object(dir.run(["case", "show", "C-2027", "--json"], at: "2026-11-23T16:00:00+01:00"))
        let first = try #require((c["sla"] as? [[String: Any]])?.first)
        #expect(first["state"] as? String == "met")
        #expect(first["elapsed_seconds"] as? Int == 1800)
    }
}
