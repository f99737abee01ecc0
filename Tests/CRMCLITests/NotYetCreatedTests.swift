import CRMCLI
import Foundation
import Testing

/// A record that was refused never got an id, so its errors name what was typed: the field or
/// option, never the id it would have had.
@Suite struct NotYetCreatedTests {
    /// (arguments after `reminder add`, the whole of stderr)
    @Test(arguments: [
        (["", "--due", "tomorrow 9:00"], "crmtop: the title is empty\n"),
        (["Call back", "--due", "tomorrow 9:00", "--owner", "ghost"],
         "crmtop: --owner: unknown owner ghost; people are: maria, jonas, aisha, kenji, priya, lucas, sofia, emeka, "
            + "and 2 more (crmtop person list); add one with crmtop person add ghost --role ROLE\n"),
        (["Call back", "--due", "2026-11-24 10:00", "--start", "2026-11-24 11:00", "--link", "acme"],
         "crmtop: --start: start 2026-11-24T11:00:00+01:00 is after due 2026-11-24T10:00:00+01:00\n"
            + "crmtop: --link: link \"acme\" is not a URL; write it whole, like https://crm.example.com/accounts/acme\n"),
        (["Call back", "--due", "2026-11-24 10:00", "--follow-up", "0"],
         "crmtop: --follow-up: end 2026-11-24T10:00:00+01:00 must be after due 2026-11-24T10:00:00+01:00\n"),
    ] as [([String], String)])
    func reminderAddNamesTheField(args: [String], message: String) throws {
        let dir = try DemoDirectory()
        let before = try dataFiles(dir.url)
        let run = dir.run(["reminder", "add"] + args)
        #expect(run.code == 1)
        #expect(run.err == message)
        #expect(try dataFiles(dir.url) == before)
    }

    @Test func anImportedReminderIsNamedByLineAndField() throws {
        let dir = try DemoDirectory()
        let file = dir.url.appendingPathComponent("tasks.csv")
        try Data("id,title,due,link\nt1,Fine,2026-11-24 10:00,\nt2,,2026-11-24 11:00,acme\n".utf8).write(to: file)
        let run = dir.run(["import", file.path, "--kind", "reminders"])
        #expect(run.code == 1)
        #expect(run.err == "crmtop: \(file.path):3: title: the title is empty; link: link \"acme\" is not a URL; "
            + "write it whole, like https://crm.example.com/accounts/acme\n")
    }
}
