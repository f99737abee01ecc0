import CRMCore
import Foundation
import TerminalUI

enum CasesPane {
    /// What the pane shows beyond the countdown, the priority and the title, in the order
    /// it earns room: each is taken while the title keeps `minimumTitle` columns.
    enum Extra: CaseIterable {
        case owner, customer, escalation, due
        /// "BREACH", "warning", "paused" instead of a one-column mark.
        case stateWords
        /// "URG", "high", "norm", "low" instead of one letter.
        case priorityWords

        /// Columns it adds, with the gap before it.
        var width: Int {
            switch self {
            case .owner: 9
            case .customer: 19
            case .escalation: 4
            case .due: 10
            case .stateWords: 6
            case .priorityWords: 3
            }
        }
    }

    /// The title is what a row is about: it keeps a third of a wide pane, 20 columns of a
    /// narrow one; half the pane on a wall, which is read from across the room.
    static func minimumTitle(width: Int, wall: Bool) -> Int { wall ? max(24, width / 2) : max(20, width / 3) }

    /// The extras that fit a pane `width` columns wide, taken in priority order; one that does
    /// not fit is skipped, so a narrower one after it may still come in.
    static func extras(width: Int, wall: Bool = false) -> Set<Extra> {
        // The leading space, the countdown (9), the state mark and the priority letter, and their gaps.
        var title = width - 1 - (9 + 1) - (1 + 1) - (1 + 1)
        var shown: Set<Extra> = []
        for extra in Extra.allCases where title - extra.width >= minimumTitle(width: width, wall: wall) {
            shown.insert(extra)
            title -= extra.width
        }
        return shown
    }

    static func table(_ state: AppState, width: Int) -> PaneTable {
        let rows = state.derived.cases
        let extras = extras(width: width, wall: state.wall != nil)
        let stateWords = extras.contains(.stateWords), priorityWords = extras.contains(.priorityWords)
        var columns = [Column(title: "SLA", width: 9, alignRight: true)]
        if extras.contains(.due) { columns.append(Column(title: "DUE", width: 9)) }
        columns += [
            Column(title: "", width: stateWords ? 7 : 1),
            Column(title: priorityWords ? "PRI" : "P", width: priorityWords ? 4 : 1),
            Column.flex("TITLE"),
        ]
        if extras.contains(.customer) { columns.append(Column(title: "CUSTOMER", width: 18)) }
        if extras.contains(.owner) { columns.append(Column(title: "OWNER", width: 8)) }
        if extras.contains(.escalation) { columns.append(Column(title: "ESC", width: 3)) }
        let (title, shorterTitles) = titles(state)
        var table = PaneTable(
            title: title,
            columns: columns,
            count: rows.count,
            row: { i in
                let row = rows[i]
                let clock = row.urgent
                // A wall shows minutes, so when nothing happens its screen changes once a minute.
                var cells = [TableCell(clock.map { Format.countdown($0.remaining, showSeconds: state.wall == nil) } ?? "—",
                                       slaRole(clock?.state))]
                if extras.contains(.due) {
                    cells.append(TableCell(clock?.due.map { Format.nearInstant($0, now: state.now, zone: state.zone) } ?? "—",
                                           .dim))
                }
                cells += [
                    TableCell(stateText(clock?.state, wide: stateWords, ascii: state.ascii), slaRole(clock?.state)),
                    priorityCell(row.item.priority, wide: priorityWords),
                    TableCell((row.item.kind == .feedback ? (state.ascii ? "* " : "◆ ") : "") + row.item.title),
                ]
                if extras.contains(.customer) { cells.append(TableCell(row.item.source(in: state.data.influencers), .dim)) }
                if extras.contains(.owner) { cells.append(TableCell(row.item.owner ?? "—", .dim)) }
                if extras.contains(.escalation) {
                    cells.append(TableCell(row.escalationLevel > 0 ? "E\(row.escalationLevel)" : "",
                                           row.escalationLevel >= 2 ? .slaBreached : .slaWarning))
                }
                return cells
            },
            emptyText: "No open cases. Open one: crmtop case open TITLE --customer NAME",
            ascii: state.ascii,
            flashing: Set(rows.indices.filter { state.flashes[rows[$0].item.id] != nil })
        )
        table.shorterTitles = shorterTitles
        return table
    }

    /// "Cases & feedback · 22 open · 7 breached · 5 at risk · 4 paused · 6 on track", and
    /// shorter forms: the least urgent counts go first, and before each goes the name
    /// shortens to "Cases".
    static func titles(_ state: AppState) -> (String, [String]) {
        let d = state.derived
        var counts = ["\(d.cases.count) open"]
        if d.casesBreached > 0 { counts.append("\(d.casesBreached) breached") }
        if d.casesAtRisk > 0 { counts.append("\(d.casesAtRisk) at risk") }
        if d.casesPaused > 0 { counts.append("\(d.casesPaused) paused") }
        if d.casesOnTrack > 0 { counts.append("\(d.casesOnTrack) on track") }
        let whose = switch state.caseScope {
        case .all: ""
        case .mine: " · mine"
        case .team: " · my team"
        }
        let (name, short) = switch state.caseKind {
        case nil: ("Cases & feedback", "Cases")
        case .standard: ("Cases", "Cases")
        case .feedback: ("Feedback", "Feedback")
        }
        var forms: [String] = []
        for shown in PaneTable.titles(dropping: counts) {
            for form in [name + whose + " · " + shown, short + whose + " · " + shown] where !forms.contains(form) {
                forms.append(form)
            }
        }
        for form in [name + whose, short + whose] where !forms.contains(form) { forms.append(form) }
        return (forms[0], Array(forms.dropFirst()))
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
