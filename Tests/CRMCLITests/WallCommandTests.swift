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

    /// A frame is drawn whole in memory: past a sane size it would take minutes and gigabytes
    /// (100000x100000 asked for 240 GB and died), so the size is refused, naming the limits.
    @Test(arguments: [("100000x100000", "larger than 1000x500"), ("1001x40", "larger than 1000x500"),
                      ("120x501", "larger than 1000x500"), ("9x40", "smaller than 10x5"),
                      ("120x4", "smaller than 10x5")])
    func snapshotRefusesSizesPastTheLimits(size: String, message: String) {
        let run = crmtop("snapshot", "--demo", "--size", size)
        #expect(run.code == 2)
        #expect(run.err.contains("--size: \(size) is \(message)"), "\(run.err)")
        #expect(run.out.isEmpty)
    }

    @Test func snapshotDrawsTheLargestAndSmallestSizes() {
        for size in ["1000x500", "10x5"] {
            let run = crmtop("snapshot", "--wall", "--demo", "--at", "2026-11-23T10:00:00Z", "--size", size)
            #expect(run.code == 0, "\(run.err)")
            #expect(run.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().count
                == Int(size.split(separator: "x")[1]))
        }
    }

    /// The same options as the wall itself, so a snapshot shows what a wall started with them shows.
    @Test func snapshotOfTheWallTakesItsTitleAndPeriod() {
        let run = crmtop("snapshot", "--wall", "--demo", "--at", "2026-11-23T10:00:00Z", "--size", "160x48",
                         "--title", "Support floor", "--period", "month")
        #expect(run.code == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix(" Support floor"))
        #expect(run.out.contains("Leaderboard · this month"), "\(run.out)")
        let week = crmtop("snapshot", "--wall", "--demo", "--at", "2026-11-23T10:00:00Z", "--size", "160x48")
        #expect(week.out.contains("Leaderboard · this week"))
        let title = crmtop("snapshot", "--demo", "--title", "Support floor")
        #expect(title.code == 2)
        #expect(title.err.contains("--title needs --wall"), "\(title.err)")
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
