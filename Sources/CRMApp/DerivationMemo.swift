import CRMCore
import Dispatch
import Foundation

/// Results of a refresh worth keeping for the next, with what they were made from. A refresh
/// runs every second and after every change; at 100,000 reminders, 20,000 open cases and a
/// million activities, redoing everything each time costs far more than a frame may. Arrays
/// compare by identity first, so asking whether a million activities are unchanged costs
/// nothing when they are.
struct DerivationMemo: Equatable, Sendable {
    private var sifted: (source: [Reminder], owner: String, owned: [Reminder])?
    private var order: (pool: [Reminder], owner: String?, now: Date, calendar: BusinessCalendar,
                        entries: [ReminderOrder.Entry])?
    private var open: (cases: [SupportCase], settings: Settings, now: Date, rows: [CaseRow])?
    private var board: (key: BoardKey, nextEvent: Date?, board: Leaderboard.Board)?
    private var contests: (key: BoardKey, nextEvent: Date?, boards: [Leaderboard.ContestBoard])?
    /// What is being celebrated, kept until a recorded moment enters or leaves its window.
    private var cheers = CelebrationMemo()

    /// What a leaderboard is made from, apart from the moment.
    struct BoardKey: Equatable, Sendable {
        var period: Period
        var day: LocalDate
        var activities: Identity<Activity>
        var people: [Person]
        var teams: [Team]
        var kpis: [KPI]
        var settings: Settings
        /// Only when a KPI is derived from them (acknowledgements, cases closed in time).
        var reminders: Identity<Reminder>?
        var cases: Identity<SupportCase>?

        init(_ data: DataSet, period: Period, now: Date) {
            let derivedKPIs = data.kpis.contains { DerivedKPI.isReserved($0.id) }
            self.period = period
            day = TimeText.wallClock(now, zone: data.settings.defaultCalendar.timeZone).day
            activities = Identity(array: data.activities)
            people = data.people
            teams = data.teams
            kpis = data.kpis
            settings = data.settings
            reminders = derivedKPIs ? Identity(array: data.reminders) : nil
            cases = derivedKPIs ? Identity(array: data.cases) : nil
        }
    }

    /// An array compared by the storage it uses: comparing a million activities element by
    /// element would cost more than the board. A copy with equal contents in new storage
    /// only makes the board again.
    struct Identity<Element: Sendable>: Equatable, Sendable {
        let array: [Element]
        static func == (a: Identity, b: Identity) -> Bool { same(a.array, b.array) }
    }

    /// A memo never makes two states differ.
    static func == (_: DerivationMemo, _: DerivationMemo) -> Bool { true }

    /// `owner`'s reminders: a tick re-orders a few hundred of them, not a hundred thousand.
    /// Any change of the array sifts them again, which costs no more than comparing would.
    mutating func reminders(of owner: String, in reminders: [Reminder]) -> [Reminder] {
        if let sifted, sifted.owner == owner, Self.same(sifted.source, reminders) { return sifted.owned }
        let owned = Self.owned(by: owner, in: reminders)
        sifted = (reminders, owner, owned)
        return owned
    }

    /// `pool` in the one order at `now`: kept while neither the reminders nor the moment
    /// change, so that a keypress that moves the selection does not order them again.
    mutating func ordered(_ pool: [Reminder], owner: String?, at now: Date,
                          calendar: BusinessCalendar) -> [ReminderOrder.Entry] {
        if let order, order.owner == owner, order.now == now, order.calendar == calendar, Self.same(order.pool, pool) {
            return order.entries
        }
        let entries = ReminderOrder.entries(pool, owner: owner, at: now, calendar: calendar)
        order = (pool, owner, now, calendar, entries)
        return entries
    }

    /// The owner's reminders sifted from `current`, if they were, with the memo's hold on
    /// `current` let go: while the memo holds it, changing one reminder copies them all.
    /// Hand the result to `patchReminders` once the change is made.
    mutating func letGoOfReminders(_ current: [Reminder]) -> (owner: String, owned: [Reminder])? {
        order = nil
        guard let kept = sifted.take(), Self.same(kept.source, current) else { return nil }
        return (kept.owner, kept.owned)
    }

    /// After `mutations` made `new`: the owner's reminders patched for the few that changed,
    /// rather than 100,000 sifted again after every keypress that changes one.
    mutating func patchReminders(_ kept: (owner: String, owned: [Reminder])?, to new: [Reminder],
                                 by mutations: [Mutation]) {
        guard let owner = kept?.owner, var owned = kept?.owned else { return }
        var ids: Set<String> = []
        for mutation in mutations {
            switch mutation {
            case .reminder(let change): ids.insert(change.reminderID)
            case .supportCase, .logActivity, .settings, .contest: break
            // A change to the directory may rename an owner: sift again.
            case .directory: return
            }
        }
        if !ids.isEmpty {
            owned.removeAll { ids.contains($0.id) }
            new.withUnsafeBufferPointer { all in
                for id in ids {
                    if let n = all.firstIndex(where: { $0.id == id }), all[n].isOwned(by: owner) { owned.append(all[n]) }
                }
            }
        }
        sifted = (new, owner, owned)
    }

    static func same<T>(_ a: [T], _ b: [T]) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress && x.count == y.count } }
    }

    /// Sifted on all cores: 100,000 reminders take a few milliseconds even so.
    private static func owned(by owner: String, in reminders: [Reminder]) -> [Reminder] {
        let chunks = reminders.count < 10_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let found = PartResults<[Int]>(count: chunks, empty: [])
        reminders.withUnsafeBufferPointer { all in
            let all = ReadOnlyReminders(all: all)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                // Through the buffer: reading an element of the captured array would copy
                // each of the 100,000 reminders to ask for its owners.
                var mine: [Int] = []
                for n in (all.all.count * chunk / chunks)..<(all.all.count * (chunk + 1) / chunks)
                where all.all[n].isOwned(by: owner) {
                    mine.append(n)
                }
                found.set(chunk, mine)
            }
        }
        return found.takeAll().flatMap { $0 }.map { reminders[$0] }
    }

    /// Every open case with its clocks, the next breach first. A change to a reminder does not
    /// work out 20,000 SLA clocks again, and a second passing updates the rows it has in
    /// place. Let go of the rows it returned before asking again, or they are copied.
    mutating func cases(_ data: DataSet, now: Date) -> [CaseRow] {
        guard haveRows(for: data), var kept = open.take() else {
            let rows = CaseRows.make(data.cases, settings: data.settings, now: now)
            open = (data.cases, data.settings, now, rows)
            return rows
        }
        if kept.now != now {
            CaseRows.update(&kept.rows, settings: data.settings, now: now)
            kept.now = now
        }
        open = kept
        return kept.rows
    }

    /// The board, made again only when what it is made from changes, the day changes, or the
    /// time of a logged activity still to come arrives.
    mutating func board(_ data: DataSet, period: Period, now: Date) -> Leaderboard.Board {
        let key = BoardKey(data, period: period, now: now)
        if let board, haveBoard(for: key, now: now) { return board.board }
        let made = Self.makeBoard(data, key: key, period: period, now: now)
        board = made
        return made.board
    }

    /// The running contests' boards, made again on the board's terms, and when a contest's
    /// end comes. Contests begin and end with a day, which the key holds.
    mutating func contests(_ data: DataSet, now: Date) -> [Leaderboard.ContestBoard] {
        guard !data.settings.contests.isEmpty else { return [] }
        let key = BoardKey(data, period: .day, now: now)
        if let contests, contests.key == key, contests.nextEvent.map({ now < $0 }) ?? true { return contests.boards }
        let ends = data.settings.contests.compactMap(\.ended).filter { $0 > now }
        let next = ([RecordedMoments.around(now, in: data, derivedKPIs: key.reminders != nil).next] + ends).compactMap { $0 }.min()
        let boards = Leaderboard.runningContests(data, now: now)
        contests = (key, next, boards)
        return boards
    }

    /// Makes the case rows and the board side by side when neither is at hand, as on the
    /// first refresh or after another process changed the data: at 20,000 open cases and
    /// a million activities each takes a while, and they need nothing from each other.
    mutating func prepare(_ data: DataSet, period: Period, now: Date) {
        // The rows first: every second they are at hand, and the board need not be asked.
        guard !haveRows(for: data) else { return }
        let key = BoardKey(data, period: period, now: now)
        guard !haveBoard(for: key, now: now) else { return }
        let rows = PartResults<[CaseRow]>(count: 1, empty: [])
        let boards = PartResults<(key: BoardKey, nextEvent: Date?, board: Leaderboard.Board)?>(count: 1, empty: nil)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                rows.set(0, CaseRows.make(data.cases, settings: data.settings, now: now))
            } else {
                boards.set(0, Self.makeBoard(data, key: key, period: period, now: now))
            }
        }
        open = (data.cases, data.settings, now, rows.takeAll()[0])
        board = boards.takeAll()[0]
    }

    /// Whether the rows kept were made from these cases and settings (at any moment).
    private func haveRows(for data: DataSet) -> Bool {
        open.map { $0.cases == data.cases && $0.settings == data.settings } ?? false
    }

    /// Whether the board kept was made from `key` and no logged moment since has come.
    private func haveBoard(for key: BoardKey, now: Date) -> Bool {
        board.map { $0.key == key && ($0.nextEvent.map { now < $0 } ?? true) } ?? false
    }

    private static func makeBoard(_ data: DataSet, key: BoardKey, period: Period,
                                  now: Date) -> (key: BoardKey, nextEvent: Date?, board: Leaderboard.Board) {
        let made = Leaderboard.board(data, period: period, now: now)
        return (key, RecordedMoments.around(now, in: data, derivedKPIs: key.reminders != nil).next, made)
    }

    /// When the board changes by itself next: a logged activity's time coming.
    var nextBoardChange: Date? { board?.nextEvent }

    /// When the running contests' standings may next change with time alone.
    var nextContestChange: Date? { contests?.nextEvent }

    /// The celebrations standing at `now` (see `Celebrations.live`), worked out again only when a
    /// recorded moment enters or leaves the half minute before `now`, or the data changes.
    mutating func celebrations(_ data: DataSet, period: Period, now: Date) -> [Celebration] {
        cheers.celebrations(data, key: BoardKey(data, period: period, now: now), period: period, now: now)
    }

    /// When the celebrations standing may change by themselves next.
    var nextCelebrationChange: Date? { cheers.nextChange }
}

extension ReminderChange {
    var reminderID: String {
        switch self {
        case .acknowledge(let id, _, _), .acknowledgeOccurrence(let id, _, _, _), .unacknowledge(let id, _, _),
             .snooze(let id, _, _, _), .edit(let id, _, _), .delete(let id), .undo(let id, _, _):
            id
        case .add(let reminder), .put(let reminder), .restore(let reminder, _), .withdraw(let reminder): reminder.id
        }
    }
}

/// The reminders, read by all cores while nobody changes them.
private struct ReadOnlyReminders: @unchecked Sendable {
    let all: UnsafeBufferPointer<Reminder>
}
