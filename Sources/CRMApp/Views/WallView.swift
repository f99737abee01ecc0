import CRMCore
import Foundation
import TerminalUI

/// The read-only wall display: made to be read across a room and left running.
enum WallView {
    static func render(_ state: AppState) -> CellBuffer {
        var buffer = CellBuffer(size: state.size)
        guard let wall = state.wall else { return buffer }
        let tiles = WallTiles.tiles(state)
        let layout = Self.layout(state, tiles: tiles)
        if layout.isTooSmall {
            Chrome.drawTooSmall(into: &buffer)
            return buffer
        }
        drawTitle(state, wall, into: &buffer, rect: layout.title)
        if let rect = layout.banner, let reason = state.loadError {
            buffer.fill(rect, role: .error)
            buffer.put(" NOT UPDATING · showing data read at \(readAt(state)) · \(reason)",
                       x: rect.x, y: rect.y, role: .error, maxWidth: rect.width)
        }
        WallTiles.draw(tiles, ascii: state.ascii, into: &buffer, rects: layout.tiles)
        if let rect = layout.celebration { drawCelebration(state, into: &buffer, rect: rect) }
        let shown = shownPages(state, wall, layout: layout)
        for ((pane, page), rect) in zip(shown, layout.panes) {
            var table = pane.table(state, width: rect.width)
            table.page = page
            table.draw(into: &buffer, rect: rect, focused: false, selected: nil, storedTop: 0)
        }
        drawFooter(wall, current: layout.rotates ? shown.first?.0 : nil, of: WallPage.all(state), ascii: state.ascii,
                   keys: state.keyBindings, into: &buffer, rect: layout.footer)
        return buffer
    }

    static func layout(_ state: AppState, tiles: [WallTiles.Shown]) -> WallLayout {
        WallLayout(size: state.size, banner: state.loadError != nil, celebrating: !state.derived.celebrations.isEmpty,
                   tiles: tiles.map(\.tile))
    }

    /// Which page shows, and which of its pages, in each rectangle of the layout.
    static func shownPages(_ state: AppState, _ wall: WallSettings, layout: WallLayout) -> [(WallPage, page: Int)] {
        let step = wall.step(at: state.now)
        guard layout.rotates, let rect = layout.panes.first else {
            return WallPage.sideBySide(state, rects: layout.panes, step: step)
        }
        // Every page of every pane gets a turn, so long lists are read in full.
        let slots = WallPage.all(state).flatMap { pane in
            (0..<pages(pane, state, rect: rect)).map { (pane, page: $0) }
        }
        return [slots[step % slots.count]]
    }

    /// Whether the next rotation step shows something else: panes taking turns, a list
    /// longer than its pane, or a contest sharing the leaderboard's column.
    static func turns(_ state: AppState) -> Bool {
        let layout = Self.layout(state, tiles: WallTiles.tiles(state))
        guard !layout.isTooSmall else { return false }
        return layout.rotates || !state.derived.contests.isEmpty
            || zip(Pane.allCases, layout.panes).contains { pages(.pane($0), state, rect: $1) > 1 }
    }

    /// Good news in a band of its own, on the flash colours, every item of it on one line.
    static func drawCelebration(_ state: AppState, into buffer: inout CellBuffer, rect: Rect) {
        buffer.fill(rect, role: .flash)
        let star = state.ascii ? "*" : "★"
        let text = star + " " + state.derived.celebrations.map { $0.text(in: state.data) }
            .joined(separator: "  \(star)  ") + " " + star
        let shown = Text.truncate(text, to: max(0, rect.width - 2))
        let x = rect.x + max(1, (rect.width - DisplayWidth.of(shown)) / 2)
        buffer.put(shown, x: x, y: rect.y + rect.height / 2, role: .flash, maxWidth: max(0, rect.maxX - x))
    }

    static func pages(_ pane: WallPage, _ state: AppState, rect: Rect) -> Int {
        PaneTable.pageCount(pane.table(state, width: rect.width).count,
                            visible: DashboardLayout.listRect(in: rect).height)
    }

    /// The dashboard's panes, narrowed to what a room needs and with nothing asking for a key.
    static func table(_ pane: Pane, _ state: AppState, width: Int) -> PaneTable {
        switch pane {
        case .reminders:
            var due = state
            due.derived.reminders = state.derived.reminders.filter { $0.state == .due || $0.state == .overdue }
            var table = RemindersPane.table(due, width: width)
            // Says whose they are when a team narrows them, so nobody reads them as all.
            let team = state.wall?.team(in: state.data).map { state.data.team($0)?.name ?? $0 }
            table.title = ["Reminders due", team, "\(due.derived.reminders.count)"].compactMap { $0 }.joined(separator: " · ")
            table.emptyText = "Nothing due."
            return table
        case .cases:
            var table = CasesPane.table(state, width: width)
            table.emptyText = "No open cases."
            return table
        case .leaderboard:
            var table = LeaderboardPane.table(state, width: width)
            table.emptyText = "No activity in this period."
            return table
        }
    }

    static func drawTitle(_ state: AppState, _ wall: WallSettings, into buffer: inout CellBuffer, rect: Rect) {
        buffer.fill(rect, role: .header)
        // Freshness is what a reader must be able to trust, so it keeps its place first.
        let updated = "updated " + readAt(state) + " "
        let right = DisplayWidth.of(updated)
        buffer.put(" " + wall.title, x: rect.x, y: rect.y, role: .header, maxWidth: max(0, rect.width - right - 1))
        buffer.put(updated, x: max(rect.x, rect.maxX - right), y: rect.y,
                   role: state.loadError == nil ? .header : .error)
    }

    /// When the data on screen was read: the time, and the day too once that is not today,
    /// so a wall whose data has not changed over a weekend does not seem to say "today".
    static func readAt(_ state: AppState) -> String {
        let time = Format.clock(state.lastUpdated, zone: state.zone)
        guard !Format.gregorian(state.zone).isDate(state.lastUpdated, inSameDayAs: state.now) else { return time }
        return Format.date(state.lastUpdated, zone: state.zone) + " " + time
    }

    static func drawFooter(_ wall: WallSettings, current: WallPage?, of all: [WallPage], ascii: Bool, keys: [KeyBinding],
                           into buffer: inout CellBuffer, rect: Rect) {
        buffer.fill(rect, role: .footer)
        var x = rect.x + 1
        if let current {
            // One mark per pane says where in the turn we are, short enough for any width.
            let marks = all.map { $0 == current ? (ascii ? "*" : "●") : (ascii ? "o" : "○") }.joined()
            x += buffer.put(marks + " ", x: x, y: rect.y, role: .footerKey)
            x += buffer.put(current.title, x: x, y: rect.y, role: .footerKey)
            x += buffer.put(" · every \(Int(wall.rotate))s", x: x, y: rect.y, role: .footer)
        }
        guard !wall.locked else { return }
        let hint = KeyMap.active(in: .wall, keys).compactMap(\.footerHint)
        var hx = rect.maxX
        for (key, text) in hint.reversed() {
            hx -= DisplayWidth.of(key) + DisplayWidth.of(text) + 2
            guard hx > x else { return }
            buffer.put(key, x: hx, y: rect.y, role: .footerKey)
            buffer.put(text, x: hx + DisplayWidth.of(key) + 1, y: rect.y, role: .footer)
        }
    }
}
