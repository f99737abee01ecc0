import CRMCore
import Foundation
import TerminalUI

/// What takes a turn on the wall: a pane of the dashboard, or a running contest's standings.
/// This is the list of the wall's pages; `WallView` draws whichever the moment picks.
enum WallPage: Equatable {
    case pane(Pane)
    /// A running contest, by its place in `Derived.contests`.
    case contest(Int)

    static func all(_ state: AppState) -> [WallPage] {
        Pane.allCases.map(WallPage.pane) + state.derived.contests.indices.map(WallPage.contest)
    }

    func table(_ state: AppState, width: Int) -> PaneTable {
        switch self {
        case .pane(let pane): WallView.table(pane, state, width: width)
        case .contest(let n): WallContestPage.table(state.derived.contests[n], state, width: width)
        }
    }

    var title: String {
        switch self {
        case .pane(let pane): pane.title
        case .contest: "Contest"
        }
    }

    /// The pane whose column it shows in when all stand side by side: contests take turns
    /// with the standing board.
    var column: Pane {
        switch self {
        case .pane(let pane): pane
        case .contest: .leaderboard
        }
    }

    /// Side by side, what each column shows at `step`: its pages in turn, and in the
    /// leaderboard's column every page of each running contest after the board's own.
    static func sideBySide(_ state: AppState, rects: [Rect], step: Int) -> [(WallPage, page: Int)] {
        zip(Pane.allCases, rects).map { pane, rect in
            let sharing = all(state).filter { $0.column == pane }
            guard sharing.count > 1 else { return (.pane(pane), page: step) }
            let slots = sharing.flatMap { page in (0..<WallView.pages(page, state, rect: rect)).map { (page, page: $0) } }
            return slots[step % slots.count]
        }
    }
}

/// A running contest on the wall: its name, prize and last day, then the standings on its
/// KPIs, top N only as on the standing board.
enum WallContestPage {
    static func table(_ board: Leaderboard.ContestBoard, _ state: AppState, width: Int) -> PaneTable {
        let contest = board.contest
        // The prize before the last day: in a narrow column the title is cut from the end.
        let lastDay = Format.dayMonth(board.end.addingTimeInterval(-1), zone: state.zone)
        let title = [contest.name, contest.prize.map { "prize: \($0)" }, "ends \(lastDay)"]
            .compactMap { $0 }.joined(separator: " · ")
        let topN = state.data.settings.leaderboard.topN
        if contest.isBetweenTeams {
            let rows = Leaderboard.visible(board.teams, topN: topN) { _ in false }
            return PaneTable(
                title: title,
                columns: [Column(title: "#", width: 3, alignRight: true), Column.flex("TEAM"),
                          Column(title: "PEOPLE", width: 6, alignRight: true), Column(title: "PTS", width: 6, alignRight: true)],
                count: rows.count,
                row: { i in
                    let t = rows[i]
                    return [TableCell("\(t.rank).", t.rank == 1 ? .recognition : .text), TableCell(t.name),
                            TableCell("\(t.members)", .dim), TableCell("\(t.points)", .emphasis)]
                },
                emptyText: "No team takes part.", ascii: state.ascii)
        }
        let rows = Leaderboard.visible(board.rows, topN: topN, viewer: nil)
        let wide = width >= 60
        // A column for each KPI while they fit beside a readable name.
        let kpis = Array(contest.kpis.prefix(max(1, (width - 30) / 8)))
        var columns = [Column(title: "#", width: 3, alignRight: true), Column.flex("NAME")]
        if wide { columns.append(Column(title: "TEAM", width: 8)) }
        columns += kpis.map { Column(title: String($0.uppercased().prefix(7)), width: 7, alignRight: true) }
        columns.append(Column(title: "PTS", width: 5, alignRight: true))
        return PaneTable(
            title: title,
            columns: columns,
            count: rows.count,
            row: { i in
                let r = rows[i]
                var cells = [TableCell("\(r.rank).", r.rank == 1 ? .recognition : .text),
                             TableCell(state.data.person(r.person)?.name ?? r.person)]
                if wide { cells.append(TableCell(r.team ?? "", .dim)) }
                cells += kpis.map { kpi in TableCell("\(r.kpis.first { $0.kpi == kpi }?.count ?? 0)") }
                cells.append(TableCell("\(r.points)", .emphasis))
                return cells
            },
            emptyText: "Nobody takes part.", ascii: state.ascii)
    }
}
