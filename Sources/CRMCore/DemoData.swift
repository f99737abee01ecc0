import Foundation

/// The built-in demo: a small sales and support organisation in the middle of a working day.
/// Everything is placed relative to `now`, so the demo looks alive whenever it is made, and
/// the same `now` always gives the same data.
public enum DemoData {
    /// Maria Oliveira, who leads the Sales team.
    public static let defaultUser = "maria"
    /// The zone of the demo's business calendar; `--at` without an offset is read in it.
    public static let zone = TimeZone(identifier: zoneName)!

    public static func make(now: Date) -> DataSet {
        let calendar = calendar(around: now)
        let clock = DemoClock(now: now, calendar: calendar)
        return DataSet(
            reminders: reminders(clock),
            cases: cases(clock),
            influencers: influencers,
            people: people,
            teams: teams,
            kpis: kpis,
            activities: activities(clock, kpis: kpis),
            settings: settings(calendar: calendar))
    }
}
