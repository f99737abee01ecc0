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

    @Test func aRotationUnderOneSecondIsAUsageError() {
        let run = crmtop("wall", "--demo", "--rotate", "0")
        #expect(run.code == 2)
        #expect(run.err.contains("--rotate"))
    }
}
