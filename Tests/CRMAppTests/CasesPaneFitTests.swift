import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// The cases pane at every width: what fits shows, in a set order, and its title drops whole
/// counts rather than cutting one.
@Suite struct CasesPaneFitTests {
    static func frame(_ width: Int, _ height: Int = 40) -> (lines: [String], rect: Rect) {
        let state = GoldenScreenTests.demo(Size(width: width, height: height))
        let rect = DashboardLayout(state).panes[.cases]!
        let lines = Dashboard.render(state).textLines().map { line in
            String(Array(line)[rect.x..<min(rect.maxX, line.count)])
        }
        return (Array(lines[rect.y..<rect.maxY]), rect)
    }

    static let fullTitle = "Cases & feedback · 22 open · 7 breached · 5 at risk · 4 paused · 6 on track"

    @Test func theTitleDropsWholeCountsNeverCuttingOne() {
        let counts = Set(Self.fullTitle.components(separatedBy: " · ").dropFirst())
        for width in 40...260 {
            let (lines, _) = Self.frame(width)
            // The title, without the "1–14/22" on its right.
            let title = lines[0].replacingOccurrences(of: #"\s+\d+–\d+/\d+\s*$"#, with: "", options: .regularExpression)
                .trimmingCharacters(in: .whitespaces)
            #expect(!title.contains("…"), "\(width): \(title)")
            let parts = title.components(separatedBy: " · ")
            #expect(["Cases & feedback", "Cases"].contains(parts[0]), "\(width): \(title)")
            #expect(parts.dropFirst().allSatisfy(counts.contains), "\(width): \(title)")
            #expect(parts.count > 1 || width < 60, "\(width): \(title)")
        }
    }

    @Test func theThreePaneLayoutKeepsOwnerAndEscalation() {
        let (lines, rect) = Self.frame(150)
        #expect(rect.width < 60)
        #expect(lines[0].contains("7 breached") && !lines[0].contains("…"), "\(lines[0])")
        #expect(lines[1].contains("OWNER") && lines[1].contains("ESC"), "\(lines[1])")
        #expect(lines[2].contains("lucas") && lines[2].contains("E4"), "\(lines[2])")
        let wider = Self.frame(200, 50).lines
        #expect(wider[1].contains("CUSTOMER") && wider[1].contains("OWNER"), "\(wider[1])")
        #expect(wider[2].contains("Fjordline AS"), "\(wider[2])")
    }

    /// The countdown's deadline, as a weekday and a time, where the pane has room for it.
    @Test func theDueInstantStandsBesideTheCountdown() {
        let (lines, _) = Self.frame(120)
        #expect(lines[1].contains("SLA DUE"), "\(lines[1])")
        // Opened so that its first response is due five minutes from now (11:00 in Berlin).
        #expect(lines.contains { $0.contains("0:05:00 Mon 11:05") })
        #expect(lines.contains { $0.contains("-31:00:00 Sun 04:00") })
        let narrow = Self.frame(80, 24).lines
        #expect(!narrow[1].contains("DUE"), "\(narrow[1])")
    }

    /// The title column never drops below its minimum for the sake of another column.
    @Test(arguments: [40, 49, 52, 66, 80, 100, 120, 200])
    func theTitleKeepsItsRoom(width: Int) throws {
        let (lines, _) = Self.frame(width)
        let header = lines[1]
        let title = try #require(header.range(of: "TITLE"))
        let after = header[title.upperBound...]
        let titleWidth = "TITLE".count + (after.firstIndex { $0 != " " }.map { after.distance(from: after.startIndex, to: $0) } ?? after.count)
        #expect(titleWidth >= 20, "\(width): \(header)")
    }
}
