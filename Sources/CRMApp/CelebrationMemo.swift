import CRMCore
import Foundation

/// What is being celebrated, with what it was worked out from. Boards are made only when some
/// recorded moment lies in the last half minute: at a million activities a board takes a good
/// part of a second, and most seconds nothing has just happened.
struct CelebrationMemo: Sendable {
    private var kept: (key: DerivationMemo.BoardKey, from: Date, until: Date?, list: [Celebration])?

    /// When the list may change by itself next: a moment entering the window or leaving it.
    var nextChange: Date? { kept?.until }

    mutating func celebrations(_ data: DataSet, key: DerivationMemo.BoardKey, period: Period,
                               now: Date) -> [Celebration] {
        if let kept, kept.key == key, kept.from <= now, kept.until.map({ now < $0 }) ?? true { return kept.list }
        let moments = RecordedMoments.around(now, in: data, derivedKPIs: key.reminders != nil)
        let leaves = moments.recent.map { $0.addingTimeInterval(Celebrations.shownFor) }
        let until = [moments.next, leaves].compactMap { $0 }.min()
        let list = moments.recent == nil ? [] : Celebrations.live(in: data, period: period, at: now)
        kept = (key, now, until, list)
        return list
    }
}
