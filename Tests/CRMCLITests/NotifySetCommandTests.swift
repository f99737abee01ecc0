import CRMCLI
import Foundation
import Testing

/// `crmtop notify set` changes the notifier's settings without editing settings.json.
@Suite struct NotifySetCommandTests {
    @Test func theSettingsAreKeptAndTheNotifierFollowsThem() throws {
        let dir = try DemoDirectory()
        let set = dir.run(["notify", "set", "--command", "/usr/local/bin/crmtop-to-chat", "--repeat", "15m",
                           "--events", "reminder.due,sla.breach,escalation", "--alerts-before", "1h,1d",
                           "--digest", "priya=30m"])
        #expect(set.code == 0, "\(set.err)")
        #expect(set.out == "Notifications: run \"/usr/local/bin/crmtop-to-chat\" for reminder.due, sla.breach, "
                + "escalation; repeated every 15m until someone acts; alerts 1d, 1h before due; "
                + "digests: priya every 30m; timeout 1m.\n")
        let json = dir.run(["notify", "set", "--digest", "priya=off", "--repeat", "off", "--json"])
        #expect(json.code == 0, "\(json.err)")
        // A second run finds what the first stored.
        let settings = try object(json)
        #expect(settings["command"] as? String == "/usr/local/bin/crmtop-to-chat")
        #expect(settings["events"] as? [String] == ["reminder.due", "sla.breach", "escalation"])
        #expect(settings["alerts_before"] as? [String] == ["1h", "1d"])
        #expect(settings["repeat_every"] == nil && settings["digest"] == nil)
        // The rest of the settings stay as they were.
        #expect(dir.run(["calendar", "show"]).out.contains("Europe/Berlin"))
        #expect(dir.run(["check"]).code == 0)
        // Without a command nobody is told, and the notifier says so.
        #expect(dir.run(["notify", "set", "--command", ""]).out == "Notifications: no command; nobody is told.\n")
        let once = dir.run(["notify", "--once"])
        #expect(once.code == 0 && once.err.contains("no notify command"), "\(once.err)")
    }

    @Test(arguments: [
        (["notify", "set"], "give at least one of --command, --events, --repeat, --alerts-before, --digest, --timeout"),
        (["notify", "set", "--events", "reminder.due,sla.braech"],
         "--events: \"sla.braech\" is not one of reminder.alert, reminder.active, reminder.due, reminder.missed, "
            + "sla.warning, sla.breach, escalation, goal.reached, or all"),
        (["notify", "set", "--repeat", "0"], "--repeat: \"0\" is not a duration longer than 0s (such as 90s, 15m, 1h30m, 1d), or off"),
        (["notify", "set", "--repeat", "fortnightly"], "--repeat: \"fortnightly\" is not a duration"),
        (["notify", "set", "--alerts-before", "1h,,10m"], "--alerts-before: \"\" is not a duration longer than 0s"),
        (["notify", "set", "--digest", "jo"], "--digest: \"jo\" is not HANDLE=DURATION (jo=30m) or HANDLE=off"),
        (["notify", "set", "--digest", "priya=-5m"], "--digest priya: \"-5m\" is not a duration longer than 0s"),
        (["notify", "set", "--timeout", "never"], "--timeout: \"never\" is not a duration longer than 0s (such as 90s, 15m, 1h30m, 1d)\n"),
        (["notify", "set", "--command", "a\nb"], "--command: must be one line without control characters"),
    ] as [([String], String)])
    func refusalsNameTheOptionAndChangeNothing(args: [String], mentions: String) throws {
        let dir = try DemoDirectory()
        let before = try Data(contentsOf: dir.url.appendingPathComponent("settings.json"))
        let run = dir.run(args)
        #expect(run.code == 2)
        #expect(run.err.contains(mentions), "\(run.err)")
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("settings.json")) == before)
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("journal.jsonl").path))
    }

    @Test func aDigestForSomeoneWhoIsNotAPersonIsRefused() throws {
        let dir = try DemoDirectory()
        let run = dir.run(["notify", "set", "--digest", "nobody=1h"])
        #expect(run.code == 1)
        #expect(run.err.contains("--digest: no person nobody"), "\(run.err)")
    }
}
