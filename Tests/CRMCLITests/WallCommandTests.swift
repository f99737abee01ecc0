import CRMCLI
import Foundation
import Testing

@Suite struct WallCommandTests {
    @Test func snapshotDrawsTheWallLayout() {
        let run = crmtop("snapshot", "--wall", "--demo", "--at", "2026-11-23T10:00:00Z", "--size", "160x48")
        #expect(run.code == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 48)
        #expect(lines[0].hasSuffix("updated 11:00:00"))
        #expect(run.out.contains("BREACHED") && run.out.contains("REMINDERS DUE"))
        #expect(run.out.contains("Reminders due · 9"))
    }

    @Test func withoutATerminalItSaysWhatToUseInstead() {
        let run = crmtop("wall", "--demo", env: ["TERM": ""])
        #expect(run.code == 2)
        #expect(run.err.contains("The wall display needs an interactive terminal"), "\(run.err)")
    }

    @Test(arguments: [(["--rotate", "0"], "--rotate"), (["--period", "fortnight"], "--period")])
    func badOptionsAreUsageErrors(args: [String], mentions: String) {
        let run = crmtop(["wall", "--demo"] + args)
        #expect(run.code == 2)
        #expect(run.err.contains(mentions), "\(run.err)")
    }
}
