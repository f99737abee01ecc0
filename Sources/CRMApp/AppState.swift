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
    public var reminders: [ReminderOrder.Entry] = [] { didSet { countReminders() } }
    public var cases: [CaseRow] = [] { didSet { countCases() } }
    public var leaderboard: [LeaderboardRow] = [] { didSet { listIDs(.leaderboard) } }
    public var teams: [TeamRow] = [] { didSet { listIDs(.leaderboard) } }
    /// The contests running now, for the wall's contest pages; only worked out on a wall.
    public var contests: [Leaderboard.ContestBoard] = []
    /// The leaderboard pane lists teams instead of people.
    public var showingTeams = false { didSet { listIDs(.leaderboard) } }
    public var period: PeriodRange?
    /// What the wall celebrates now: good news of the last half minute (`Celebrations.live`).
    public var celebrations: [Celebration] = []

    // Counted when the lists change: a frame reads them several times, and there may be
    // 20,000 cases.
    public private(set) var remindersDue = 0
    public private(set) var casesAtRisk = 0
    public private(set) var casesBreached = 0
    public private(set) var casesPaused = 0
    public private(set) var casesOnTrack = 0
    private var ids: [Pane: [String]] = [:]

    public func ids(of pane: Pane) -> [String] { ids[pane] ?? [] }

    private mutating func countReminders() {
        remindersDue = reminders.indices.count { reminders[$0].state == .due || reminders[$0].state == .overdue }
        listIDs(.reminders)
    }

    private mutating func countCases() {
        (casesAtRisk, casesBreached, casesPaused, casesOnTrack) = (0, 0, 0, 0)
        // Through the buffer, so that reading a row's state does not copy the row.
        cases.withUnsafeBufferPointer { rows in
            for n in rows.indices {
                switch rows[n].urgent?.state {
                case .warning: casesAtRisk += 1
                case .breached: casesBreached += 1
                case .paused: casesPaused += 1
                case .running: casesOnTrack += 1
                default: break
                }
            }
        }
        listIDs(.cases)
    }

    private mutating func listIDs(_ pane: Pane) {
        switch pane {
        case .reminders: ids[pane] = reminders.map(\.reminder.id)
        case .cases: ids[pane] = cases.withUnsafeBufferPointer { rows in rows.indices.map { rows[$0].item.id } }
        case .leaderboard: ids[pane] = showingTeams ? teams.map(\.team) : leaderboard.map(\.person)
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
    /// The person's changes on screen that the disk refused and that wait to be stored.
    public var unsavedChanges = 0
    /// `q` asked to save again: quit once everything is stored.
    public var quitWhenSaved = false
    /// What was announced lately, newest last, for the message area.
    public var recentNotices: [Notice] = []
    /// What stood about each reminder and case when it was last looked at, so that only what
    /// is new since is announced.
    public var news = NewsLedger()
    /// Good news lately, newest last, for the message area.
    public var recentCelebrations: [CelebrationNotice] = []
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
    /// The key table in use: the defaults with the person's own keys (config.json) in place.
    public var keyBindings = KeyMap.bindings
    /// The themes `T` steps through.
    public var themes = ThemeCycle()
    public var derived = Derived()
    /// What a refresh can keep from the last one.
    var memo = DerivationMemo()

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

    /// Re-derives the panes for `now` and keeps every selection valid. Runs every second, so
    /// it redoes only what the moment or the data changed (see `DerivationMemo`).
    public mutating func refresh() {
        let owner = everyone || wall != nil ? nil : user
        var pool = owner.map { memo.reminders(of: $0, in: data.reminders) } ?? data.reminders
        if let wall { pool = wall.narrow(pool, in: data) }
        var reminders = memo.ordered(pool, owner: owner, at: now, calendar: data.settings.defaultCalendar)
        if let f = filters[.reminders] {
            reminders = reminders.filter {
                Self.matches(f, [$0.reminder.title, $0.reminder.notes ?? ""] + $0.reminder.owners)
            }
        }
        derived.reminders = reminders
        // Let go of the rows first, so that the memo can bring them to this moment in place.
        // Asked in a statement of its own: as the argument of `narrowed`, the call would keep a
        // copy of the state, rows and all, and the memo would have to copy them to update them.
        derived.cases = []
        memo.prepare(data, period: period, now: now)
        let open = memo.cases(data, now: now)
        derived.cases = narrowed(open)
        let board = memo.board(data, period: period, now: now)
        derived.period = board.range
        derived.teams = board.teams
        derived.showingTeams = showTeams
        // On a shared screen only the top N show, but you always see your own row.
        var rows = Leaderboard.visible(board.rows, topN: data.settings.leaderboard.topN, viewer: wall == nil ? user : nil)
        if let f = filters[.leaderboard] {
            rows = rows.filter { Self.matches(f, [$0.person, data.person($0.person)?.name ?? "", $0.team ?? ""]) }
        }
        derived.leaderboard = rows
        derived.contests = wall == nil ? [] : memo.contests(data, now: now)
        derived.celebrations = memo.celebrations(data, period: period, now: now)
        for pane in Pane.allCases { keepSelectionValid(pane) }
    }

    /// The open cases the pane's scope, kind and filter let through.
    private func narrowed(_ rows: [CaseRow]) -> [CaseRow] {
        let filter = filters[.cases]
        guard caseScope != .all || caseKind != nil || filter != nil else { return rows }
        let myTeam = data.person(user)?.team
        return rows.filter { row in
            let item = row.item
            if let kind = caseKind, item.kind != kind { return false }
            switch caseScope {
            case .all: break
            case .mine: if item.owner != user { return false }
            case .team: if myTeam == nil || item.team != myTeam { return false }
            }
            return filter.map { Self.matches($0, [item.title, item.source(in: data.influencers), item.owner ?? "", item.id]) } ?? true
        }
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
