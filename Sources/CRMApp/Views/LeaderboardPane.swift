import CRMCore
import Foundation
import TerminalUI

enum LeaderboardPane {
    static func table(_ state: AppState, width: Int) -> PaneTable {
        let rows = state.derived.leaderboard
        let wide = width >= 60
        var columns = [
            Column(title: "#", width: 3, alignRight: true),
            Column(title: "", width: 3),
            Column.flex("AGENT"),
        ]
        if wide { columns.append(Column(title: "TEAM", width: 8)) }
        columns.append(Column(title: "PTS", width: 5, alignRight: true))
        let gaugeWidth = wide ? min(20, max(6, width / 5)) : 0
        if wide { columns.append(Column(title: "GOAL", width: gaugeWidth)) }
        columns.append(Column(title: "%", width: 4, alignRight: true))
        if wide { columns.append(Column(title: "STREAK", width: 6)) }
        let zone = state.zone
        let periodText = state.derived.period.map {
            "week of \(Format.dayMonth($0.start, zone: zone))"
        } ?? "this week"
        return PaneTable(
            title: "Leaderboard · \(periodText)",
            columns: columns,
            count: rows.count,
            row: { i in
                let r = rows[i]
                var cells = [TableCell("\(r.rank).", r.rank == 1 ? .recognition : .text), movementCell(r, ascii: state.ascii),
                             TableCell(state.data.person(r.person)?.name ?? r.person)]
                if wide { cells.append(TableCell(r.team ?? "", .dim)) }
                cells.append(TableCell("\(r.points)", .emphasis))
                if wide {
                    cells.append(.gauge(r.attainment))
                }
                cells.append(TableCell("\(Int((r.attainment * 100).rounded()))%"))
                if wide { cells.append(TableCell(r.streak > 1 ? "\(r.streak)d" : "", .recognition)) }
                return cells
            },
            emptyText: "No activity this week. Log some: crmtop log KPI",
            ascii: state.ascii
        )
    }

    static func movementCell(_ r: LeaderboardRow, ascii: Bool) -> TableCell {
        guard let previous = r.previousRank else { return TableCell(ascii ? "new" : "new", .dim) }
        let delta = previous - r.rank
        if delta > 0 { return TableCell((ascii ? "+" : "▲") + "\(delta)", .rankUp) }
        if delta < 0 { return TableCell((ascii ? "-" : "▼") + "\(-delta)", .rankDown) }
        return TableCell(ascii ? "=" : "–", .dim)
    }
}
