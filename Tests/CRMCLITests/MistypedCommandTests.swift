import CRMCLI
import Foundation
import Testing

/// A word where a command should be that names none is reported as an unknown command with the
/// nearest real one, at every level of the tree, instead of as stray arguments of the default.
@Suite struct MistypedCommandTests {
    /// (command line, the whole of stderr)
    @Test(arguments: [
        (["remider", "list"], "crmtop: unknown command 'remider'. Did you mean 'reminder'?\n"),
        (["reminders"], "crmtop: unknown command 'reminders'. Did you mean 'reminder'?\n"),
        (["reminder", "lst"], "crmtop: unknown command 'reminder lst'. Did you mean 'reminder list'?\n"),
        (["reminder", "--user", "priya", "lst"], "crmtop: unknown command 'reminder lst'. Did you mean 'reminder list'?\n"),
        (["--demo", "--at", demoNow, "remider", "list"], "crmtop: unknown command 'remider'. Did you mean 'reminder'?\n"),
        (["kpi", "lsit"], "crmtop: unknown command 'kpi lsit'. Did you mean 'kpi list'?\n"),
        (["case", "repsond", "C-2001"], "crmtop: unknown command 'case repsond'. Did you mean 'case respond'?\n"),
        (["wall", "--title", "Floor", "st"], "crmtop: unknown command 'wall st'. Did you mean 'wall set'?\n"),
        (["calender", "show"], "crmtop: unknown command 'calender'. Did you mean 'calendar'?\n"),
        (["remider", "--help"], "crmtop: unknown command 'remider'. Did you mean 'reminder'?\n"),
        (["help", "reminder", "lst"], "crmtop: unknown command 'reminder lst'. Did you mean 'reminder list'?\n"),
    ] as [([String], String)])
    func theNearestCommandIsSuggested(args: [String], message: String) {
        let run = crmtop(args)
        #expect(run.code == 2)
        #expect(run.err == message)
        #expect(run.out.isEmpty)
    }

    @Test func withNothingNearTheCommandsThereAreAreListed() {
        let top = crmtop(["frobnicate"])
        #expect(top.code == 2)
        #expect(top.err.hasPrefix("crmtop: unknown command 'frobnicate'; the commands are dash, wall, snapshot, demo, reminder,"))
        #expect(top.err.hasSuffix("(see crmtop --help)\n"))
        let nested = crmtop(["reminder", "frobnicate"])
        #expect(nested.code == 2)
        #expect(nested.err == "crmtop: unknown command 'reminder frobnicate'; the reminder commands are add, list, "
            + "show, edit, delete, ack, snooze (see crmtop reminder --help)\n")
    }

    /// Known commands keep the parser's own message about what is wrong with them, and their help.
    @Test func otherUsageErrorsAreTheParsers() {
        let help = crmtop(["reminder", "list", "--help"])
        #expect(help.code == 0 && help.out.contains("OVERVIEW: Your reminders"), "\(help.out)")
        let extra = crmtop(["reminder", "list", "extra", "--demo"])
        #expect(extra.code == 2)
        #expect(extra.err.contains("Unexpected argument 'extra'"), "\(extra.err)")
        let option = crmtop(["reminder", "list", "--al", "--demo"])
        #expect(option.code == 2)
        #expect(option.err.contains("Unknown option '--al'"), "\(option.err)")
    }
}
