import Foundation

/// Everything crmtop knows, as loaded from one data directory.
public struct DataSet: Equatable, Sendable {
    public var reminders: [Reminder]
    public var cases: [SupportCase]
    public var influencers: [Influencer]
    public var people: [Person]
    public var teams: [Team]
    public var kpis: [KPI]
    public var activities: [Activity]
    public var settings: Settings
    /// The highest reminder id given out so far when the reminder that had it was deleted
    /// (nil until one is): new ids go above it (see `reminderIDs`).
    public var lastReminderID: String?

    public init(reminders: [Reminder] = [], cases: [SupportCase] = [], influencers: [Influencer] = [],
                people: [Person] = [], teams: [Team] = [], kpis: [KPI] = [],
                activities: [Activity] = [], settings: Settings = Settings()) {
        self.reminders = reminders
        self.cases = cases
        self.influencers = influencers
        self.people = people
        self.teams = teams
        self.kpis = kpis
        self.activities = activities
        self.settings = settings
    }

    public func person(_ id: String) -> Person? { people.first { $0.id == id } }
}
