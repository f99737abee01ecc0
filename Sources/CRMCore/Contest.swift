import Foundation

/// A race on some KPIs over some days, between some people or teams, for a prize: beside the
/// standing board, which always runs, a contest starts and ends. Kept in settings.json.
public struct Contest: Identifiable, Equatable, Sendable {
    public var id: String
    public var name: String
    /// The KPIs that score, by id; points per unit and daily caps are the KPIs' own.
    public var kpis: [String]
    /// The first and last day, both counted, in the default calendar's zone.
    public var from: LocalDate
    public var to: LocalDate
    /// Who takes part: these people, and every member (people.json's `team`) of these teams.
    public var people: [String]
    public var teams: [String]
    public var prize: String?
    /// When it was ended before its last day was over (`crmtop contest end`): nothing after
    /// it counts.
    public var ended: Date?

    public init(id: String, name: String, kpis: [String], from: LocalDate, to: LocalDate,
                people: [String] = [], teams: [String] = [], prize: String? = nil, ended: Date? = nil) {
        self.id = id
        self.name = name
        self.kpis = kpis
        self.from = from
        self.to = to
        self.people = people
        self.teams = teams
        self.prize = prize
        self.ended = ended
    }

    public enum Phase: String, Sendable {
        case upcoming, running, over
    }

    /// The instants it spans: from the start of its first day to the end of its last, or to
    /// the moment it was ended.
    public func span(calendar: BusinessCalendar) -> (start: Date, end: Date) {
        let cal = PeriodMath.gregorian(calendar.timeZone)
        let start = PeriodMath.startOfDay(from, in: cal)
        let end = PeriodMath.startOfDay(PeriodMath.adding(days: 1, to: max(from, to)), in: cal)
        return (start, max(start, min(end, ended ?? end)))
    }

    public func phase(at now: Date, calendar: BusinessCalendar) -> Phase {
        // Ended is over, even when it was called off before it began.
        if let ended, now >= ended { return .over }
        let (start, end) = span(calendar: calendar)
        return now < start ? .upcoming : now < end ? .running : .over
    }

    public func takesPart(_ person: Person) -> Bool {
        people.contains(person.id) || person.team.map(teams.contains) == true
    }

    /// Teams against teams: several teams and no one named on their own. One team's contest is
    /// a race between its members.
    public var isBetweenTeams: Bool { people.isEmpty && teams.count > 1 }
}

/// Adding and ending contests, as changes of their own rather than a whole settings.json, so
/// two people setting up contests at once keep both.
public enum ContestChange: Equatable, Sendable {
    /// Refused when the id is taken.
    case add(Contest)
    /// Ends it at `at`; refused when there is no such contest or it already ended.
    case end(id: String, at: Date)

    func apply(to data: inout DataSet) throws(MutationError) {
        switch self {
        case .add(let contest):
            guard !data.settings.contests.contains(where: { $0.id == contest.id }) else {
                throw MutationError("there is already a contest \(contest.id)")
            }
            data.settings.contests.append(contest)
        case .end(let id, let at):
            guard let n = data.settings.contests.firstIndex(where: { $0.id == id }) else { throw .missing("contest", id) }
            let calendar = data.settings.defaultCalendar
            guard data.settings.contests[n].phase(at: at, calendar: calendar) != .over else {
                throw MutationError("contest \(id) is already over")
            }
            data.settings.contests[n].ended = at
        }
    }
}

extension Contest: FieldSized {
    public var oversizedFields: [OversizedField] {
        var c = FieldSizeCheck()
        c.check("id", id, .name)
        c.check("name", name, .name)
        c.check("kpis", kpis, .name)
        c.check("people", people, .name)
        c.check("teams", teams, .name)
        c.check("prize", prize, .title)
        return c.found
    }
}
