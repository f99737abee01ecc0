import CRMCore
import Foundation
import TerminalUI

/// Help and details, drawn in a box over the panes.
enum Overlays {
    typealias Line = (label: String, value: String, role: Role)

    static func draw(_ overlay: Overlay, _ state: AppState, into buffer: inout CellBuffer) {
        let (title, lines) = content(overlay, state)
        let labelWidth = min(18, (lines.map { DisplayWidth.of($0.label) }.max() ?? 0))
        let contentWidth = lines.map { labelWidth + 2 + DisplayWidth.of($0.value) }.max() ?? 20
        let box = buffer.bounds.centered(width: min(buffer.width - 4, max(40, contentWidth + 4)),
                                         height: min(buffer.height - 2, lines.count + 2))
        guard box.width >= 10, box.height >= 3 else { return }
        buffer.fill(box, role: .overlay)
        buffer.drawBox(box, title: title, role: .overlay, titleRole: .overlayTitle, ascii: state.ascii)
        let inner = box.inset(by: 1)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            let y = inner.y + i
            let x = inner.x + 1
            if line.label.isEmpty {
                buffer.put(line.value, x: x, y: y, role: line.role, maxWidth: inner.width - 2)
            } else {
                buffer.put(padded: line.label, x: x, y: y, width: labelWidth, role: .dim)
                buffer.put(line.value, x: x + labelWidth + 2, y: y, role: line.role,
                           maxWidth: max(0, inner.width - labelWidth - 3))
            }
        }
    }

    static func content(_ overlay: Overlay, _ state: AppState) -> (String, [Line]) {
        switch overlay {
        case .help:
            var lines: [Line] = state.keyBindings.map { b in
                guard b.command == .undo else { return (b.keyLabel, b.summary, .text) }
                return (b.keyLabel, "\(b.summary) (\(Undo.prospect(state)))", Undo.isAvailable(state) ? .text : .dim)
            }
            let quit = KeyMap.active(in: .pane(state.focus), state.keyBindings).first { $0.command == .quit }
            lines.append(("Ctrl-C", "quit (as \(quit?.firstKey?.label ?? "q"))", .text))
            return ("Keys", lines)
        case .details(.reminders, let id):
            guard let r = state.data.reminders.first(where: { $0.id == id }) else { return gone(id) }
            return ("Reminder \(r.id)", reminderLines(r, state))
        case .details(.cases, let id):
            guard let row = state.derived.cases.first(where: { $0.item.id == id }) else { return gone(id) }
            return ("\(row.item.kind == .feedback ? "Feedback" : "Case") \(row.item.id)", caseLines(row, state))
        case .details(.leaderboard, let id):
            guard let row = state.derived.leaderboard.first(where: { $0.person == id }) else { return gone(id) }
            return (state.data.person(id)?.name ?? id, personLines(row, state))
        }
    }

    static func gone(_ id: String) -> (String, [Line]) {
        ("Details", [("", "\(id) is no longer in this list.", .dim)])
    }

    static func reminderLines(_ r: Reminder, _ state: AppState) -> [Line] {
        let z = state.zone
        var lines: [Line] = [("title", r.title, .emphasis), ("priority", r.priority.rawValue, .text)]
        let calendar = state.data.settings.defaultCalendar
        let occurrence = r.currentOccurrence(for: state.user, at: state.now, calendar: calendar)
            ?? r.occurrence(at: state.now, calendar: calendar)
        if r.start != nil { lines.append(("reminding from", Format.moment(occurrence.start, zone: z), .text)) }
        lines.append(("due", Format.moment(occurrence.due, zone: z), .text))
        if let moved = r.occurrenceTitle(dueAt: occurrence.due, calendar: calendar) { lines.append(("this time", moved, .text)) }
        if let end = occurrence.end { lines.append(("follow-up until", Format.moment(end, zone: z), .text)) }
        if let rule = r.repeatRule { lines.append(("repeats", rule.name(zone: r.timeZone(calendar: calendar)), .text)) }
        if let own = r.zone { lines.append(("time zone", own, .text)) }
        if let own = r.alerts {
            lines.append(("alerts", own.isEmpty ? "none" : own.map(DurationText.format).joined(separator: ", ") + " before due", .text))
        }
        for owner in r.owners {
            let s = r.state(for: owner, at: state.now, calendar: state.data.settings.defaultCalendar)
            var text = s.rawValue
            if let at = r.acknowledgedBy[owner] { text += " " + Format.moment(at, zone: z) }
            if s == .snoozed, let until = r.snoozedUntil[owner] { text += " until " + Format.moment(until, zone: z) }
            lines.append(("owner " + owner, text, RemindersPane.stateRole(s)))
        }
        for warning in r.workingTimeWarnings(calendar: calendar, of: occurrence) {
            lines.append(("working time", warning, .warningMark))
        }
        if let creator = r.creator { lines.append(("created by", creator, .text)) }
        if let link = r.link { lines.append(("link", link, .link)) }
        if let notes = r.notes { lines.append(("notes", notes, .text)) }
        return lines + reminderHistoryLines(r, zone: z)
    }

    /// The latest changes first: what someone opening the details wants to know is what
    /// happened last. The rest are a command away.
    static let reminderHistoryShown = 8

    static func reminderHistoryLines(_ r: Reminder, zone: TimeZone) -> [Line] {
        guard !r.history.isEmpty else { return [] }
        var lines: [Line] = [("", "", .text), ("history", "newest first", .dim)]
        lines += r.history.suffix(reminderHistoryShown).reversed().map { historyLine($0, zone: zone) }
        let earlier = r.history.count - reminderHistoryShown
        if earlier > 0 { lines.append(("", "\(earlier) earlier: crmtop reminder show \(r.id)", .dim)) }
        return lines
    }

    /// "Tue 24 Nov 14:30  snoozed by maria: until 2026-11-24 15:00"
    static func historyLine(_ event: HistoryEvent, zone: TimeZone) -> Line {
        let who = event.actor.map { " by \($0)" } ?? ""
        return (Format.moment(event.at, zone: zone), event.action + who + (event.detail.map { ": \($0)" } ?? ""), .dim)
    }

    static func caseLines(_ row: CaseRow, _ state: AppState) -> [Line] {
        let c = row.item, z = state.zone
        var lines: [Line] = [
            ("title", c.title, .emphasis), ("customer", c.source(in: state.data.influencers), .text),
            ("priority", c.priority.rawValue, .text), ("status", c.status.rawValue, .text),
            ("owner", c.owner ?? "—", .text), ("team", c.team ?? "—", .text),
            ("opened", Format.moment(c.opened, zone: z), .text),
        ]
        if let id = c.influencer {
            let name = state.data.influencers.first { $0.id == id }?.shownName ?? id
            lines.append(("influencer", name, .text))
        }
        for clock in row.clocks {
            var text = clock.state.rawValue + "  " + Format.countdown(clock.remaining)
            if let due = clock.due { text += "  due " + Format.moment(due, zone: z) }
            lines.append((clock.metric.rawValue.replacingOccurrences(of: "_", with: " "), text,
                          CasesPane.slaRole(clock.state)))
        }
        lines.append(("escalation", row.escalationLevel > 0 ? "level \(row.escalationLevel)" : "none", .text))
        lines += c.history.suffix(6).map { historyLine($0, zone: z) }
        return lines
    }

    static func personLines(_ row: LeaderboardRow, _ state: AppState) -> [Line] {
        var lines: [Line] = [
            ("rank", "\(row.rank)" + (row.previousRank.map { " (last period \($0))" } ?? ""), .text),
            ("points", "\(row.points)", .emphasis),
            ("goal progress", row.attainment == nil ? "no goal" : Format.percent(row.attainment), .text),
            ("streak", "\(row.streak) working days", .text),
        ]
        for k in row.kpis {
            let kpi = state.data.kpis.first { $0.id == k.kpi }
            var text = "\(k.count)" + (k.goal.map { " of \($0)" } ?? "")
            // What was logged beside what counted, so a capped day does not look like lost work.
            if k.capped { text += " · \(k.logged) logged" + (kpi?.dailyCap.map { ", capped at \($0) a day" } ?? ", capped") }
            lines.append((kpi?.name ?? k.kpi, text, .text))
        }
        return lines
    }
}
