import CRMCore
import Foundation

extension AppState {
    /// The next moment at which what the screen shows may change with time alone, for the
    /// runtime to sleep until (changes to the data wake it too). The dashboard shows seconds:
    /// its header clock and the SLA countdowns. The wall shows minutes (the clock in big
    /// digits is HH:MM, countdowns count minutes), so it sleeps until the minute turns, or
    /// until something it shows happens first: a case breaching or a reminder coming due (to
    /// flash them on the second), a flash ending, the next pane or page, a logged moment still
    /// to come (on the board or a contest's), a celebration starting or ending.
    public func nextChange() -> Date {
        let second = now.timeIntervalSince1970.rounded(.down)
        guard let wall else { return Date(timeIntervalSince1970: second + 1) }
        var next = Date(timeIntervalSince1970: (second / 60).rounded(.down) * 60 + 60)
        func consider(_ date: Date?) {
            if let date, date > now, date < next { next = date }
        }
        if WallView.turns(self) { consider(wall.nextStep(after: now)) }
        for end in flashes.values { consider(end) }
        consider(memo.nextBoardChange)
        consider(memo.nextContestChange)
        consider(memo.nextCelebrationChange)
        derived.cases.withUnsafeBufferPointer { rows in
            for n in rows.indices {
                for clock in rows[n].clocks where clock.state == .running || clock.state == .warning {
                    consider(clock.due)
                }
            }
        }
        for entry in derived.reminders {
            consider(entry.occurrence.due)
            consider(entry.occurrence.end)
            for until in entry.reminder.snoozedUntil.values { consider(until) }
        }
        // Whole seconds, so the moment is on screen once it is reached.
        return Date(timeIntervalSince1970: next.timeIntervalSince1970.rounded(.up))
    }
}
