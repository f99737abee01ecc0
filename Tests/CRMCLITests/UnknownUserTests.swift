import CRMCLI
import Foundation
import Testing

/// A user who is not among the people is refused by the commands that act as them or show
/// their view, so a typo is not taken for someone with nothing to do.
@Suite struct UnknownUserTests {
    static let refusal = "crmtop: --user nobody: no such person; people are: maria, jonas, aisha, kenji, priya, lucas, "
        + "sofia, emeka, and 2 more (crmtop person list); add one with crmtop person add nobody --role ROLE\n"

    @Test(arguments: [
        ["dash"],
        ["reminder", "list"],
        ["reminder", "add", "Call back", "--due", "2026-11-24 10:00"],
        ["reminder", "edit", "R-1001", "--priority", "low"],
        ["reminder", "ack", "R-1001"],
        ["reminder", "snooze", "R-1001", "--for", "1h"],
        ["snapshot"],
        ["log", "calls"],
        ["case", "list", "--mine"],
        ["case", "open", "Printer on fire", "--customer", "ACME"],
        ["case", "respond", "C-2001"],
    ])
    func commandsActingAsTheUserRefuseAnUnknownOne(args: [String]) throws {
        let dir = try DemoDirectory()
        let before = try dataFiles(dir.url)
        let run = dir.run(args, user: "nobody")
        #expect(run.code == 1)
        #expect(run.err == Self.refusal)
        #expect(run.out.isEmpty)
        #expect(try dataFiles(dir.url) == before)
    }

    /// Everyone's views do not depend on who looks.
    @Test(arguments: [["reminder", "list", "--all"], ["snapshot", "--wall"], ["case", "list"], ["leaderboard"]])
    func everyonesViewsDoNot(args: [String]) throws {
        let dir = try DemoDirectory()
        let run = dir.run(args, user: "nobody")
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err.isEmpty)
    }

    @Test func aUserFromTheEnvironmentIsToldHowToNameThemself() throws {
        let dir = try DemoDirectory()
        let run = crmtop("reminder", "list", "--data", dir.path, "--at", demoNow, env: ["USER": "root"])
        #expect(run.code == 1)
        #expect(run.err.hasPrefix("crmtop: $USER root: no such person; people are: maria, jonas,"))
        #expect(run.err.hasSuffix("add one with crmtop person add root --role ROLE, or say who you are with --user NAME\n"))
    }

    /// A directory without people is a new data set: its first reminder is added for anyone,
    /// and the one line on stderr says a data set was started there (a mistyped --data shows).
    @Test func aNewDirectoryTakesAnyUserAndSaysADataSetStarts() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let dir = parent.appendingPathComponent("crmtop-typo").path
        let first = crmtop("reminder", "add", "First", "--due", "2026-11-24 10:00", "--data", dir,
                           "--user", "sam", "--at", demoNow)
        #expect(first.code == 0, "\(first.err)")
        #expect(first.out == "R-1001\n")
        #expect(first.err == "crmtop: note: starting a new data set in \(dir)\n")
        let second = crmtop("reminder", "add", "Second", "--due", "2026-11-24 11:00", "--data", dir,
                            "--user", "sam", "--at", demoNow)
        #expect(second.code == 0 && second.out == "R-1002\n")
        #expect(second.err.isEmpty, "only the first change starts the data set")
    }

    /// Reading a directory that does not exist writes nothing: it is refused, naming it.
    @Test func readingANewDirectoryStartsNothing() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let dir = parent.appendingPathComponent("nothing-here")
        let run = crmtop("reminder", "list", "--data", dir.path, "--user", "sam", "--at", demoNow)
        #expect(run.code == 1 && run.err.contains("no data directory at \(dir.path)"), "\(run.err)")
        #expect(!run.err.contains("starting a new data set"))
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }
}
