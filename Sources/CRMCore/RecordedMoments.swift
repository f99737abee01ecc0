import Foundation

/// The moments recorded in the data that the leaderboard counts from once they pass: logged
/// activities, and with derived KPIs acknowledgements, first responses and resolutions.
public enum RecordedMoments {
    /// The first such moment after `now`, and the earliest in the `Celebrations.shownFor`
    /// seconds up to it, from one pass over the data.
    public static func around(_ now: Date, in data: DataSet, derivedKPIs: Bool) -> (next: Date?, recent: Date?) {
        let since = now.addingTimeInterval(-Celebrations.shownFor)
        var next: Date?
        var recent: Date?
        func consider(_ date: Date?) {
            guard let date else { return }
            if date > now {
                if next.map({ date < $0 }) ?? true { next = date }
            } else if date > since, recent.map({ date < $0 }) ?? true {
                recent = date
            }
        }
        for activity in data.activities { consider(activity.at) }
        if derivedKPIs {
            for r in data.reminders { for at in r.acknowledgedBy.values { consider(at) } }
            for c in data.cases { consider(c.resolvedAt); consider(c.firstResponseAt) }
        }
        return (next, recent)
    }
}
