import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// The wall display: the demo data at a pinned moment, as a room would see it.
@Suite struct WallTests {
    static let at = GoldenScreenTests.at

    static func wall(_ size: Size, bell: Bool = false, locked: Bool = false, data: DataSet? = nil) -> AppState {
        var state = AppState(data: data ?? DemoData.make(now: at), user: DemoData.defaultUser, now: at, size: size)
        state.wall = WallSettings(rotate: 15, title: "Support floor", bell: bell, locked: locked, startedAt: at)
        state.refresh()
        return state
    }

    @Test(arguments: [(80, 24), (160, 48), (300, 80), (400, 110), (40, 10)])
    func layout(width: Int, height: Int) {
        Golden.check("wall-\(width)x\(height)", Dashboard.render(Self.wall(Size(width: width, height: height))))
    }

    /// Rows of the big clock as drawn: those above the labels with any block in them.
    static func digitRows(_ frame: CellBuffer) -> Int {
        let lines = frame.textLines()
        guard let labels = lines.firstIndex(where: { $0.contains("BREACHED") }) else { return 0 }
        return lines[..<labels].filter { $0.contains { "█▀▄".contains($0) } }.count
    }

    /// Readable across a room: the digits take a share of the screen, whatever its size, and
    /// a larger screen never gets smaller ones, in either direction.
    @Test func digitsGrowWithTheScreen() {
        func rows(_ width: Int, _ height: Int) -> Int {
            Self.digitRows(Dashboard.render(Self.wall(Size(width: width, height: height))))
        }
        #expect(rows(80, 24) == 3)
        #expect(rows(120, 40) == 7)
        #expect(rows(160, 48) == 11)
        #expect(rows(300, 80) == 19)
        #expect(rows(400, 110) == 27)
        let widths = [80, 120, 160, 220, 300, 400]
        let heights = [24, 40, 48, 64, 80, 110]
        let grid = heights.map { h in widths.map { w in rows(w, h) } }
        for (r, line) in grid.enumerated() {
            #expect(line == line.sorted(), "rows at height \(heights[r]) by width: \(line)")
        }
        for c in widths.indices {
            let column = grid.map { $0[c] }
            #expect(column == column.sorted(), "rows at width \(widths[c]) by height: \(column)")
        }
    }

    /// Without UTF-8 the digits are the same shapes in `#`, as large.
    @Test func asciiDigitsAreAsLarge() {
        var state = Self.wall(Size(width: 160, height: 48))
        state.ascii = true
        let lines = Dashboard.render(state).textLines()
        let labels = lines.firstIndex { $0.contains("BREACHED") } ?? 0
        let digits = lines[1..<labels].filter { $0.contains("#") }
        #expect(digits.count == 11)
        #expect(lines.allSatisfy { !$0.contains { "█▀▄★".contains($0) } })
        #expect(lines[1..<labels].allSatisfy { $0.allSatisfy { $0 == "#" || $0 == " " } })
    }

    /// A goal reached a moment ago: a banner across the wall for half a minute after the
    /// activity that reached it, naming only who did well.
    @Test func aGoalReachedShowsABannerForHalfAMinute() throws {
        var data = DemoData.make(now: Self.at)
        data.activities.append(Activity(person: "jonas", kpi: "calls", count: 8, at: Self.at - 5))
        // And a meeting booked in the same moment: past the derived points the demo's support
        // agents earn, into the lead.
        data.activities.append(Activity(person: "jonas", kpi: "appointments", count: 1, at: Self.at - 5))
        var state = Self.wall(Size(width: 160, height: 48), data: data)
        let frame = Dashboard.render(state)
        Golden.check("wall-celebration-160x48", frame)
        let banner = try #require(frame.textLines().first { $0.contains("★") })
        #expect(banner.contains("Jonas Weber reached today's Calls goal: 10 of 10"))
        #expect(banner.contains("Jonas Weber takes the lead this week"))
        #expect(banner.contains("Jonas Weber: 10 working days in a row"))
        _ = Reducer.reduce(&state, .tick(Self.at + 24))
        #expect(Dashboard.render(state).textLines().contains { $0.contains("★") })
        _ = Reducer.reduce(&state, .tick(Self.at + 25))
        #expect(!Dashboard.render(state).textLines().contains { $0.contains("★") })
    }

    @Test func rotatesToTheNextPaneAfterTheRotationTime() {
        var state = Self.wall(Size(width: 80, height: 24))
        _ = Reducer.reduce(&state, .tick(Self.at + 15))
        let frame = Dashboard.render(state)
        Golden.check("wall-rotated-80x24", frame)
        #expect(frame.textLines().last?.contains("○●○ Cases & feedback") == true)
    }

    /// Every page of every pane gets a turn, then it starts over.
    @Test func pagesThroughLongListsAndComesBack() {
        var state = Self.wall(Size(width: 80, height: 24))
        var titles: [String] = []
        for step in 0..<12 {
            _ = Reducer.reduce(&state, .tick(Self.at + TimeInterval(step * 15)))
            titles.append(Dashboard.render(state).textLines()[6])
        }
        #expect(titles.contains { $0.contains("Cases") && $0.contains("page 1/2") })
        #expect(titles.contains { $0.contains("Cases") && $0.contains("page 2/2") })
        let cycle = titles.indices.dropFirst().first { titles[$0] == titles[0] } ?? titles.count
        #expect(cycle == 4)
        #expect(titles.indices.dropLast(cycle).allSatisfy { titles[$0] == titles[$0 + cycle] })
    }

    @Test func bannerKeepsTheLastGoodDataAndGoesWhenTheDataComesBack() {
        var state = Self.wall(Size(width: 80, height: 24))
        let data = state.data
        _ = Reducer.reduce(&state, .tick(Self.at + 5))
        _ = Reducer.reduce(&state, .reloadFailed("cases.json:3:7: expected a value"))
        #expect(state.data == data)
        Golden.check("wall-banner-80x24", Dashboard.render(state))
        _ = Reducer.reduce(&state, .tick(Self.at + 9))
        _ = Reducer.reduce(&state, .reloaded(data))
        #expect(state.loadError == nil)
        #expect(state.lastUpdated == Self.at + 9)
        let lines = Dashboard.render(state).textLines()
        #expect(lines[0].hasSuffix("updated 11:00:09 "))
        #expect(!lines.contains { $0.contains("Cannot read") })
    }

    @Test func qQuitsUnlessLockedAndNoOtherKeyDoesAnything() {
        var state = Self.wall(Size(width: 80, height: 24))
        let before = state
        for key: Key in [.char("a"), .char(" "), .char("n"), .char("d"), .char("x"), .char("/"), .enter, .tab, .char("?")] {
            #expect(Reducer.reduce(&state, .key(key)).isEmpty)
        }
        #expect(Reducer.reduce(&state, .command(.acknowledge)).isEmpty)
        #expect(state == before)
        #expect(Reducer.reduce(&state, .key(.char("q"))) == [.exit(0)])
        var locked = Self.wall(Size(width: 80, height: 24), locked: true)
        #expect(Reducer.reduce(&locked, .key(.char("q"))).isEmpty)
        #expect(!Dashboard.render(locked).textLines().last!.contains("quit"))
    }

    @Test func aNewBreachShowsInReverseVideoAndRingsOnce() throws {
        var state = Self.wall(Size(width: 160, height: 48), bell: true)
        let breaching = try #require(state.derived.cases.first { $0.urgent?.state != .breached })
        let remaining = try #require(breaching.urgent?.remaining)
        let effects = Reducer.reduce(&state, .tick(Self.at + remaining + 60))
        #expect(effects.filter { $0 == .bell }.count == 1)
        #expect(state.flashes[breaching.item.id] != nil)
        let frame = Dashboard.render(state)
        let row = try #require(frame.textLines().firstIndex { $0.contains(String(breaching.item.title.prefix(20))) })
        #expect(frame.roleLines()[row].contains("FFFFFFFFFF"))
        _ = Reducer.reduce(&state, .tick(Self.at + remaining + 120))
        #expect(state.flashes.isEmpty)
    }

    /// Across a room only high priority catches the eye; the rest just join the list.
    @Test func onlyAHighPriorityReminderComingDueFlashesAndRings() throws {
        var state = Self.wall(Size(width: 160, height: 48), bell: true)
        let high = try #require(state.derived.reminders.first { $0.reminder.priority == .high && !$0.state.isSettled
            && $0.state != .due && $0.state != .overdue && $0.occurrence.due > Self.at })
        let effects = Reducer.reduce(&state, .tick(high.occurrence.due + 1))
        #expect(state.flashes[high.reminder.id] != nil)
        #expect(effects.filter { $0 == .bell }.count == 1)
        let flashing = state.derived.reminders.filter { state.flashes[$0.reminder.id] != nil }
        #expect(flashing.allSatisfy { $0.reminder.priority == .high })
    }

    @Test func withoutBellNothingRings() throws {
        var state = Self.wall(Size(width: 80, height: 24))
        let breaching = try #require(state.derived.cases.first { $0.urgent?.state != .breached })
        let effects = Reducer.reduce(&state, .tick(Self.at + (breaching.urgent?.remaining ?? 0) + 60))
        #expect(!effects.contains(.bell))
    }

    @Test(arguments: [(1, 1), (39, 9), (40, 10), (80, 15), (149, 39), (150, 40), (500, 200)])
    func anySizeRendersWithoutCrashing(width: Int, height: Int) {
        var state = Self.wall(Size(width: width, height: height))
        _ = Reducer.reduce(&state, .reloadFailed("gone"))
        #expect(Dashboard.render(state).size == Size(width: width, height: height))
    }
}
