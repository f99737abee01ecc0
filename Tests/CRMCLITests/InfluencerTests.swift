import CRMCLI
import Foundation
import Testing

/// Influencers have a screen name, links that are checked like reminders' links, can be
/// looked at and changed, and feedback from them needs no customer.
@Suite struct InfluencerTests {
    @Test func aURLThatIsNoLinkIsRefusedLikeAReminderLink() throws {
        let dir = try DemoDirectory()
        let add = dir.run(["influencer", "add", "Blog", "--url", "not a url"])
        #expect(add.code == 2)
        #expect(add.err.contains("--url: \"not a url\" is not a URL; write it whole, like https://blog.example.com"), "\(add.err)")
        let reminder = dir.run(["reminder", "add", "Read it", "--due", "2026-11-24 10:00", "--link", "not a url"])
        #expect(reminder.err.contains("link \"not a url\" is not a URL; write it whole"), "the same check: \(reminder.err)")
        #expect(try objects(dir.run(["influencer", "list", "--json"])).count == 3, "nothing added")
        #expect(dir.run(["influencer", "edit", "I-1", "--url", "crmweekly.example.com"]).code == 2)
    }

    @Test func aBloggerKnownOnlyByAScreenName() throws {
        let dir = try DemoDirectory()
        let add = dir.run(["influencer", "add", "--handle", "@Rant112", "--url", "https://rant112.blog.example", "--json"])
        #expect(add.code == 0, "\(add.err)")
        let i = try object(add)
        #expect(i["id"] as? String == "I-4")
        #expect(i["name"] as? String == "Rant112", "the screen name is the name shown")
        #expect(i["handle"] as? String == "Rant112")
        #expect(dir.run(["influencer", "list"]).out.contains("I-4  Rant112"))
        #expect(dir.run(["influencer", "list"]).out.contains("@Rant112  https://rant112.blog.example"))
        let none = dir.run(["influencer", "add"])
        #expect(none.code == 2)
        #expect(none.err.contains("give a name, a --handle or both"))
    }

    @Test func showAndEdit() throws {
        let dir = try DemoDirectory()
        let show = dir.run(["influencer", "show", "I-1"])
        #expect(show.code == 0, "\(show.err)")
        #expect(show.out.hasPrefix("I-1  Lena Brandt (CRM Weekly)\n"), "\(show.out)")
        #expect(show.out.contains("  url       https://crmweekly.example.com/authors/lena-brandt\n"), "\(show.out)")
        #expect(show.out.contains("  feedback  1 open: C-2023; 2 in all\n"), "\(show.out)")

        let edit = dir.run(["influencer", "edit", "I-1", "--handle", "lenab", "--notes", ""])
        #expect(edit.code == 0, "\(edit.err)")
        #expect(edit.out == "I-1 Lena Brandt (CRM Weekly) (@lenab)\n")
        let json = try object(dir.run(["influencer", "show", "I-1", "--json"]))
        #expect(json["handle"] as? String == "lenab")
        #expect(json["notes"] is NSNull)
        #expect(json["name"] as? String == "Lena Brandt (CRM Weekly)", "kept")
        #expect((json["feedback"] as? [String])?.count == 2)
        #expect(dir.run(["case", "show", "C-2023"]).out.contains("  influencer  I-1 Lena Brandt (CRM Weekly) (@lenab)\n"))

        let missing = dir.run(["influencer", "show", "I-9"])
        #expect(missing.code == 1)
        #expect(missing.err.contains("no influencer with id I-9 (influencers: I-1, I-2, I-3)"))
        #expect(dir.run(["influencer", "edit", "I-1"]).err.contains("say what to change"))
    }

    @Test func feedbackFromAnInfluencerOrAnonymousNeedsNoCustomer() throws {
        let dir = try DemoDirectory()
        let rant = try object(dir.run(["case", "open", "Rant about pricing", "--influencer", "I-2", "--json"]))
        #expect(rant["kind"] as? String == "feedback")
        #expect(rant["customer"] is NSNull)
        let shown = dir.run(["case", "show", rant["id"] as! String])
        #expect(shown.out.contains("  customer    pipeline_pete (SalesOps forum)\n"), "\(shown.out)")

        let tip = try object(dir.run(["case", "open", "Anonymous tip", "--anonymous", "--json"]))
        #expect(tip["kind"] as? String == "feedback")
        #expect(tip["customer"] is NSNull && tip["influencer"] is NSNull)
        #expect(dir.run(["case", "show", tip["id"] as! String]).out.contains("  customer    anonymous\n"))

        let screen = dir.run(["snapshot", "--pane", "cases", "--size", "120x70"])
        #expect(screen.out.contains("Anonymous tip") && screen.out.contains(" anonymous "), "\(screen.out)")
        #expect(screen.out.contains("Rant about pricing") && screen.out.contains(" pipeline_pete (Sa"), "\(screen.out)")

        // Exported and imported again, as CSV too, they stay without a customer.
        let csv = dir.run(["export", "--format", "csv", "--kind", "cases"]).out
        let summary = try dir.importSummary(try dir.file("cases.csv", csv), ["--kind", "cases"])
        #expect(summary["added"] == [] && summary["updated"] == [], "\(summary)")
    }

    @Test(arguments: [
        (["Broken"], "--customer: say who raised it (feedback from an influencer, or --anonymous, needs none)"),
        (["Broken", "--kind", "feedback"], "--customer: say who raised it"),
        (["Broken", "--anonymous", "--customer", "ACME"], "--anonymous and --customer exclude each other"),
        (["Broken", "--anonymous", "--influencer", "I-1"], "--anonymous and --influencer exclude each other"),
        (["Broken", "--anonymous", "--kind", "case"], "--anonymous: only feedback comes anonymously"),
    ] as [([String], String)])
    func aCaseStillNeedsItsCustomer(_ args: [String], _ message: String) throws {
        let dir = try DemoDirectory()
        let run = dir.run(["case", "open"] + args)
        #expect(run.code == 2)
        #expect(run.err.contains(message), "\(run.err)")
    }
}

@Suite struct InfluencerCheckTests {
    @Test func checkFlagsAnInfluencerURLThatIsNoLink() throws {
        let dir = try DemoDirectory()
        let file = dir.url.appendingPathComponent("influencers.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "https://toolcompare.example.net/crm/pricing", with: "toolcompare pricing")
            .write(to: file, atomically: true, encoding: .utf8)
        let check = dir.run(["check"])
        #expect(check.code == 1)
        #expect(check.out.contains("influencers[2].url: \"toolcompare pricing\" is not a URL; write it whole, like https://blog.example.com"),
                "\(check.out)")
    }
}
