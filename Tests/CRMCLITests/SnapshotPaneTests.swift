import Foundation
import Testing

/// `crmtop snapshot --pane NAME` draws that pane alone over the whole screen.
@Suite struct SnapshotPaneTests {
    static func snapshot(_ extra: String...) -> (code: Int32, lines: [String]) {
        let run = crmtop(["snapshot", "--demo", "--at", "2026-11-23T10:00:00Z", "--size", "100x30"] + extra)
        return (run.code, run.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    @Test func casesAloneShowEveryRowThatFits() {
        let (code, lines) = Self.snapshot("--pane", "cases")
        #expect(code == 0)
        #expect(lines[1].hasPrefix(" Cases & feedback · 22 open"), "\(lines[1])")
        // 28 rows for the title, the column headings and all 22 cases, and nothing else.
        #expect(!lines[1].contains("/22"), "\(lines[1])")
        #expect(lines.contains { $0.contains("How to export contacts to CSV") })
        #expect(!lines.contains { $0.contains("Reminders ·") || $0.contains("Leaderboard ·") })
        // The pane's own keys in the footer.
        #expect(lines[29].contains("respond"), "\(lines[29])")
    }

    @Test(arguments: [("reminders", "Reminders · Maria Oliveira", "Cases & feedback"),
                      ("leaderboard", "Leaderboard · this week", "Reminders ·")])
    func eachPaneAlone(pane: String, title: String, absent: String) {
        let (code, lines) = Self.snapshot("--pane", pane)
        #expect(code == 0)
        #expect(lines[1].hasPrefix(" " + title), "\(lines[1])")
        #expect(!lines.contains { $0.contains(absent) })
        #expect(lines.count == 31, "30 rows and the end of the last line")
    }

    @Test func theHelpSaysSo() {
        let run = crmtop(["snapshot", "--help"])
        #expect(run.out.contains("alone"), "\(run.out)")
    }
}

@Suite struct SnapshotPaneWithWallTests {
    @Test func aPaneOfTheWallIsAUsageError() {
        let run = crmtop(["snapshot", "--demo", "--at", "2026-11-23T10:00:00Z", "--wall", "--pane", "cases"])
        #expect(run.code == 2)
        #expect(run.err.contains("--pane"), "\(run.err)")
    }
}
