import CRMCore
import Foundation
import TerminalUI

enum LeaderboardPane {
    static func table(_ state: AppState, width: Int) -> PaneTable {
        if state.derived.showingTeams { return teamTable(state, width: width) }
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
        return PaneTable(
            title: "Leaderboard · " + periodTitle(state),
            columns: columns,
            count: rows.count,
            row: { i in
                let r = rows[i]
                var cells = [TableCell("\(r.rank).", r.rank == 1 ? .recognition : .text), movementCell(r, ascii: state.ascii),
                             TableCell(state.data.person(r.person)?.name ?? r.person)]
                if wide { cells.append(TableCell(r.team ?? "", .dim)) }
                cells.append(TableCell("\(r.points)", .emphasis))
                if wide { cells.append(r.attainment.map(TableCell.gauge) ?? TableCell("")) }
                cells.append(TableCell(Format.percent(r.attainment, ascii: state.ascii), r.attainment == nil ? .dim : .text))
                if wide { cells.append(TableCell(streakText(r, ascii: state.ascii), .recognition)) }
                return cells
            },
            emptyText: "No activity in this period. Log some with l, or crmtop log KPI",
            ascii: state.ascii
        )
    }

    /// "week 23–29 Nov", "day Mon 23 Nov", "month Nov 2026"...: the period and its dates.
    static func periodTitle(_ state: AppState) -> String {
        guard let range = state.derived.period else { return state.period.rawValue }
        let z = state.zone
        let last = range.end.addingTimeInterval(-1)
        return switch state.period {
        case .day: "today, " + Format.dayMonth(range.start, zone: z)
        default: "this \(state.period.rawValue), " + Format.dayMonth(range.start, zone: z) + "–" + Format.dayMonth(last, zone: z)
        }
    }

    /// The streak in working days, with a mark for each recognition earned.
    static func streakText(_ r: LeaderboardRow, ascii: Bool) -> String {
        var text = r.streak > 1 ? "\(r.streak)d" : ""
        for recognition in r.recognitions {
            let mark = switch recognition {
            case .top: ascii ? "*" : "★"
            case .firstToDailyGoal: ascii ? "^" : "⚑"
            case .longestStreak: ascii ? "~" : "♦"
            }
            text += mark
        }
        return text
    }

    static func teamTable(_ state: AppState, width: Int) -> PaneTable {
        let rows = state.derived.teams
        return PaneTable(
            title: "Teams · " + periodTitle(state),
            columns: [Column(title: "#", width: 3, alignRight: true), Column(title: "", width: 3),
                      Column.flex("TEAM"), Column(title: "PEOPLE", width: 6, alignRight: true),
                      Column(title: "PTS", width: 6, alignRight: true)],
            count: rows.count,
            row: { i in
                let t = rows[i]
                return [TableCell("\(t.rank).", t.rank == 1 ? .recognition : .text),
                        movement(previous: t.previousRank, rank: t.rank, ascii: state.ascii),
                        TableCell(t.name), TableCell("\(t.members)", .dim), TableCell("\(t.points)", .emphasis)]
            },
            emptyText: "No teams with points in this period.",
            ascii: state.ascii
        )
    }

    static func movementCell(_ r: LeaderboardRow, ascii: Bool) -> TableCell {
        movement(previous: r.previousRank, rank: r.rank, ascii: ascii)
    }

    static func movement(previous: Int?, rank: Int, ascii: Bool) -> TableCell {
        guard let previous else { return TableCell("new", .dim) }
        let delta = previous - rank
        if delta > 0 { return TableCell((ascii ? "+" : "▲") + "\(delta)", .rankUp) }
        if delta < 0 { return TableCell((ascii ? "-" : "▼") + "\(-delta)", .rankDown) }
        return TableCell(ascii ? "=" : "–", .dim)
    }
}
