import CRMCore
import Foundation
import TerminalUI

public enum Pane: Int, CaseIterable, Sendable {
    case reminders, cases, leaderboard

    public var title: String {
        switch self {
        case .reminders: "Reminders"
        case .cases: "Cases & feedback"
        case .leaderboard: "Leaderboard"
        }
    }
}

public enum CaseScope: String, CaseIterable, Sendable {
    case all, mine, team
}

public enum Overlay: Equatable, Sendable {
    case help
    case details(Pane, id: String)
}

/// A change that `u` can take back: what to apply to undo it, and what to call it.
public struct UndoEntry: Equatable, Sendable {
    public var label: String
    public var inverse: [Mutation]
}

/// A line in the status bar. Errors stay until they are resolved; notes fade.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    /// nil for messages that stay until replaced.
    public var expires: Date?
}

/// An open case with its SLA clocks worked out for the current moment.
public struct CaseRow: Equatable, Sendable {
    public var item: SupportCase
    public var clocks: [SLAClock]
    public var urgent: SLAClock?
    public var escalationLevel: Int
    /// The sort key, computed once per refresh rather than on every comparison.
    public var urgency: SLAUrgency
}

/// What the panes show, derived from the data and the moment; recomputed on
/// every tick and change so views stay plain functions of state.
public struct Derived: Equatable, Sendable {
    public var reminders: [ReminderOrder.Entry] = []
    public var cases: [CaseRow] = []
    public var leaderboard: [LeaderboardRow] = []
    public var teams: [TeamRow] = []
    /// The leaderboard pane lists teams instead of people.
    public var showingTeams = false
    public var period: PeriodRange?

    public var remindersDue: Int { reminders.filter { $0.state == .due || $0.state == .overdue }.count }
    public var casesAtRisk: Int { cases.filter { $0.urgent?.state == .warning }.count }
    public var casesBreached: Int { cases.filter { $0.urgent?.state == .breached }.count }
    public var casesPaused: Int { cases.filter { $0.urgent?.state == .paused }.count }
    public var casesOnTrack: Int { cases.filter { $0.urgent?.state == .running }.count }

    public func ids(of pane: Pane) -> [String] {
        switch pane {
        case .reminders: reminders.map(\.reminder.id)
        case .cases: cases.map(\.item.id)
        case .leaderboard: showingTeams ? teams.map(\.team) : leaderboard.map(\.person)
        }
    }
}

public struct AppState: Equatable, Sendable {
    public var data: DataSet
    public var user: String
    public var now: Date
    public var size: Size
    public var focus: Pane = .reminders
    /// Selections are ids, not indexes, so they survive re-ordering and reloads.
    public var selection: [Pane: String] = [:]
    public var scroll: [Pane: Int] = [:]
    public var overlay: Overlay?
    /// A menu, form, question or filter line that has the keyboard.
    public var modal: Modal?
    public var message: StatusMessage?
    /// Text that narrows each pane's list (case-insensitive).
    public var filters: [Pane: String] = [:]
    /// Everyone's reminders (with owners) instead of only the user's.
    public var everyone = false
    /// Changes that `u` can take back, newest last.
    public var undoStack: [UndoEntry] = []
    /// What was announced lately, newest last, for the message area.
    public var recentNotices: [Notice] = []
    /// Reminders that just became active or due, highlighted until the given moment.
    public var flashes: [String: Date] = [:]
    /// Which open items the cases pane lists.
    public var caseScope: CaseScope = .all
    /// nil lists cases and feedback together.
    public var caseKind: CaseKind?
    /// The leaderboard's period and whether it ranks teams.
    public var period: Period = .week
    public var showTeams = false
    /// Ring the terminal bell when a reminder comes due (off by default).
    public var bellOnDue = false
    /// Draw with ASCII instead of box-drawing and block characters (non-UTF-8 locales).
    public var ascii: Bool
    /// Set when the screen is a wall display.
    public var wall: WallSettings?
    /// When the data on screen was last read successfully.
    public var lastUpdated: Date
    /// Why the data could not be read last time; the last good data stays meanwhile.
    public var loadError: String?
    public var derived = Derived()

    public init(data: DataSet, user: String, now: Date, size: Size, ascii: Bool = false) {
        self.data = data
        self.user = user
        self.now = now
        self.size = size
        self.ascii = ascii
        self.lastUpdated = now
        refresh()
    }

    public var zone: TimeZone { data.settings.defaultCalendar.timeZone }

    public var userDisplayName: String { data.person(user)?.name ?? user }

    /// Re-derives the panes for `now` and keeps every selection valid.
    public mutating func refresh() {
        derived.reminders = ReminderOrder.entries(data.reminders, owner: everyone || wall != nil ? nil : user, at: now,
                                                  calendar: data.settings.defaultCalendar)
        if let f = filters[.reminders] {
            derived.reminders = derived.reminders.filter {
                Self.matches(f, [$0.reminder.title, $0.reminder.notes ?? ""] + $0.reminder.owners)
            }
        }
        let myTeam = data.person(user)?.team
        derived.cases = data.cases.filter { item in
            guard item.status.isOpen else { return false }
            if let kind = caseKind, item.kind != kind { return false }
            switch caseScope {
            case .all: return true
            case .mine: return item.owner == user
            case .team: return myTeam != nil && item.team == myTeam
            }
        }.map { item in
            let clocks = SLA.clocks(for: item, settings: data.settings, now: now)
            let level = Escalation.level(for: item, clocks: clocks, ladder: data.settings.escalation, now: now)
            return CaseRow(item: item, clocks: clocks, urgent: SLA.mostUrgent(clocks), escalationLevel: level,
                           urgency: SLA.urgency(of: item, clocks: clocks))
        }
        derived.cases.sort { $0.urgency < $1.urgency }
        if let f = filters[.cases] {
            derived.cases = derived.cases.filter {
                Self.matches(f, [$0.item.title, $0.item.customer, $0.item.owner ?? "", $0.item.id])
            }
        }
        let board = Leaderboard.board(data, period: period, now: now)
        derived.period = board.range
        derived.teams = board.teams
        derived.showingTeams = showTeams
        // On a shared screen only the top N show, but you always see your own row.
        derived.leaderboard = Leaderboard.visible(board.rows, topN: data.settings.leaderboard.topN,
                                                  viewer: wall == nil ? user : nil)
        if let f = filters[.leaderboard] {
            derived.leaderboard = derived.leaderboard.filter {
                Self.matches(f, [$0.person, data.person($0.person)?.name ?? "", $0.team ?? ""])
            }
        }
        for pane in Pane.allCases { keepSelectionValid(pane) }
    }

    static func matches(_ filter: String, _ fields: [String]) -> Bool {
        fields.contains { $0.range(of: filter, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }

    mutating func keepSelectionValid(_ pane: Pane) {
        let ids = derived.ids(of: pane)
        if let current = selection[pane], ids.contains(current) { return }
        selection[pane] = ids.first
    }

    public func selectedIndex(_ pane: Pane) -> Int? {
        guard let id = selection[pane] else { return nil }
        return derived.ids(of: pane).firstIndex(of: id)
    }
}
