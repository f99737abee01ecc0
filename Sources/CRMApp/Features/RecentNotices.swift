import CRMCore
import Foundation

/// Keeps what was announced for the message area, and rings the bell for breaches and
/// escalations when the user asked for the bell.
enum RecentNotices {
    /// The area shows the newest few; older ones are kept no longer than this.
    static let kept = 20
    static let shownFor: TimeInterval = 3600

    /// Remembers the notices among `effects`; returns a bell to add, if one is due.
    static func remember(_ effects: [Effect], _ state: inout AppState) -> [Effect] {
        let notices = effects.compactMap { effect -> Notice? in
            if case .notify(let notice) = effect { return notice }
            return nil
        }
        guard !notices.isEmpty else { return [] }
        state.recentNotices = Array((state.recentNotices + notices).suffix(kept))
        let urgent = notices.contains { $0.kind.isUrgent }
        return state.wall == nil && state.bellOnDue && urgent ? [.bell] : []
    }

    /// The notices to show at the state's moment, newest first.
    static func shown(_ state: AppState) -> [Notice] {
        state.recentNotices.filter { state.now.timeIntervalSince($0.at) < shownFor }.reversed()
    }
}
