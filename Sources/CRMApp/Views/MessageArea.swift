import CRMCore
import Foundation
import TerminalUI

/// A few lines above the footer listing what was announced in the last hour, newest first,
/// on screens tall enough to spare them; gone when there is nothing to list.
enum MessageArea {
    /// Below this height every row goes to the panes.
    static let minimumScreenHeight = 36
    static let maximumLines = 3

    static func lines(for state: AppState) -> Int {
        guard state.wall == nil, state.size.height >= minimumScreenHeight else { return 0 }
        return min(maximumLines, shown(state).count)
    }

    /// One line of the area: notices and celebrations alike.
    struct Line {
        var at: Date
        var label: String
        var role: Role
        var text: String
    }

    /// What the area lists at the state's moment, newest first.
    static func shown(_ state: AppState) -> [Line] {
        let notices = RecentNotices.shown(state).map { notice in
            var text = notice.kind.rawValue.hasPrefix("reminder.") ? notice.title : "\(notice.id) \(notice.title)"
            if !notice.recipients.isEmpty { text += " → " + notice.recipients.joined(separator: ", ") }
            return Line(at: notice.at, label: label(notice.kind), role: role(notice.kind), text: text)
        }
        let cheers = state.recentCelebrations.reversed()
            .filter { state.now.timeIntervalSince($0.at) < RecentNotices.shownFor }
            .map { Line(at: $0.at, label: Cheering.label($0.celebration.kind), role: .recognition, text: $0.text) }
        // Both lists are newest first; a merge keeps each one's order for the same moment.
        var merged: [Line] = []
        var (n, c) = (notices.startIndex, cheers.startIndex)
        while n < notices.endIndex || c < cheers.endIndex {
            if c == cheers.endIndex || (n < notices.endIndex && notices[n].at >= cheers[c].at) {
                merged.append(notices[n])
                n += 1
            } else {
                merged.append(cheers[c])
                c += 1
            }
        }
        return merged
    }

    static func draw(_ state: AppState, into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height > 0 else { return }
        for (row, line) in shown(state).prefix(rect.height).enumerated() {
            let y = rect.y + row
            var x = rect.x + 1
            x += buffer.put(Format.clock(line.at, zone: state.zone, seconds: false), x: x, y: y, role: .dim) + 1
            x += buffer.put(line.label, x: x, y: y, role: line.role, maxWidth: max(0, rect.maxX - x)) + 1
            buffer.put(line.text, x: x, y: y, role: .text, maxWidth: max(0, rect.maxX - x))
        }
    }

    static func label(_ kind: NotificationKind) -> String {
        switch kind {
        case .reminderAlert: "coming up"
        case .reminderActive: "reminder"
        case .reminderDue: "due now"
        case .reminderMissed: "missed"
        case .slaWarning: "SLA warning"
        case .slaBreach: "SLA breached"
        case .escalation: "escalated"
        case .goalReached: "goal reached"
        }
    }

    static func role(_ kind: NotificationKind) -> Role {
        switch kind {
        case .reminderAlert, .reminderActive: .reminderActive
        case .reminderDue: .reminderDue
        case .reminderMissed: .reminderOverdue
        case .slaWarning: .slaWarning
        case .slaBreach, .escalation: .slaBreached
        case .goalReached: .recognition
        }
    }
}

extension DashboardLayout {
    /// The layout for the state's size, with room for the message area when it shows, and
    /// rows shared by what each pane has to show.
    public init(_ state: AppState, only: Pane? = nil) {
        let items = Dictionary(uniqueKeysWithValues: Pane.allCases.map { ($0, state.derived.ids(of: $0).count) })
        self.init(size: state.size, messageLines: MessageArea.lines(for: state), items: items, only: only)
    }
}
