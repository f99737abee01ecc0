import CRMCore
import Foundation

/// A celebration as the message area lists it: what it said, and when it first showed.
public struct CelebrationNotice: Equatable, Sendable {
    public var celebration: Celebration
    public var text: String
    public var at: Date
}

/// Keeps the celebrations that have just begun for the message area: each once, however
/// many refreshes of its half minute see it.
enum Cheering {
    static func remember(since before: Set<String>, _ state: inout AppState) {
        let new = state.derived.celebrations.filter { !before.contains($0.key) }
        guard !new.isEmpty else { return }
        let notices = new.map { CelebrationNotice(celebration: $0, text: $0.text(in: state.data), at: state.now) }
        state.recentCelebrations = Array((state.recentCelebrations + notices).suffix(RecentNotices.kept))
    }

    static func label(_ kind: Celebration.Kind) -> String {
        switch kind {
        case .goalReached: "goal reached"
        case .tookTheLead: "in the lead"
        case .streak: "streak"
        }
    }
}
