import CRMCore
import Foundation
import TerminalUI

enum CasesPane {
    static func table(_ state: AppState, width: Int) -> PaneTable {
        let rows = state.derived.cases
        let wide = width >= 70
        var columns = [
            Column(title: "SLA", width: 9, alignRight: true),
            Column(title: "", width: wide ? 7 : 1),
            Column(title: wide ? "PRI" : "P", width: wide ? 4 : 1),
            Column.flex("TITLE"),
        ]
        let showCustomer = width >= 90
        if showCustomer { columns.append(Column(title: "CUSTOMER", width: min(18, width / 6))) }
        if wide {
            columns.append(Column(title: "OWNER", width: 8))
            columns.append(Column(title: "ESC", width: 3))
        }
        let d = state.derived
        var counts: [String] = []
        if d.casesBreached > 0 { counts.append("\(d.casesBreached) breached") }
        if d.casesAtRisk > 0 { counts.append("\(d.casesAtRisk) at risk") }
        if d.casesPaused > 0 { counts.append("\(d.casesPaused) paused") }
        if d.casesOnTrack > 0 { counts.append("\(d.casesOnTrack) on track") }
        let what = switch state.caseKind {
        case nil: "Cases & feedback"
        case .standard: "Cases"
        case .feedback: "Feedback"
        }
        let whose = switch state.caseScope {
        case .all: ""
        case .mine: " · mine"
        case .team: " · my team"
        }
        return PaneTable(
            title: (["\(what)\(whose) · \(rows.count) open"] + counts).joined(separator: " · "),
            columns: columns,
            count: rows.count,
            row: { i in
                let row = rows[i]
                let clock = row.urgent
                var cells = [
                    // A wall shows minutes, so when nothing happens its screen changes once a minute.
                    TableCell(clock.map { Format.countdown($0.remaining, showSeconds: state.wall == nil) } ?? "—",
                              slaRole(clock?.state)),
                    TableCell(stateText(clock?.state, wide: wide, ascii: state.ascii), slaRole(clock?.state)),
                    priorityCell(row.item.priority, wide: wide),
                    TableCell((row.item.kind == .feedback ? (state.ascii ? "* " : "◆ ") : "") + row.item.title),
                ]
                if showCustomer { cells.append(TableCell(row.item.source(in: state.data.influencers), .dim)) }
                if wide {
                    cells.append(TableCell(row.item.owner ?? "—", .dim))
                    cells.append(TableCell(row.escalationLevel > 0 ? "E\(row.escalationLevel)" : "",
                                           row.escalationLevel >= 2 ? .slaBreached : .slaWarning))
                }
                return cells
            },
            emptyText: "No open cases. Open one: crmtop case open TITLE --customer NAME",
            ascii: state.ascii,
            flashing: Set(rows.indices.filter { state.flashes[rows[$0].item.id] != nil })
        )
    }

    static func slaRole(_ s: SLAState?) -> Role {
        switch s {
        case .breached, .missed: .slaBreached
        case .warning: .slaWarning
        case .paused: .slaPaused
        case .running, .met: .slaOnTrack
        case nil: .dim
        }
    }

    static func stateText(_ s: SLAState?, wide: Bool, ascii: Bool) -> String {
        switch s {
        case .breached, .missed: wide ? "BREACH" : (ascii ? "X" : "✖")
        case .warning: wide ? "warning" : "!"
        case .paused: wide ? "paused" : (ascii ? "=" : "‖")
        case .running, .met, nil: ""
        }
    }

    static func priorityCell(_ p: CasePriority, wide: Bool) -> TableCell {
        let text = wide ? (p == .normal ? "norm" : (p == .urgent ? "URG" : p.rawValue)) : String(p.rawValue.prefix(1)).uppercased()
        switch p {
        case .urgent: return TableCell(text, .priorityUrgent)
        case .high: return TableCell(text, .priorityHigh)
        case .normal: return TableCell(text, .priorityNormal)
        case .low: return TableCell(text, .priorityLow)
        }
    }
}
