import Foundation

/// One field of a reminder set to a new value, as an edit sends it.
public enum ReminderField: Equatable, Sendable {
    case title(String)
    case notes(String?)
    case link(String?)
    case priority(ReminderPriority)
    case owners([String])
    /// Moves the event. Start and end move along, keeping the lead and the follow-up time,
    /// unless the same edit sets them afterwards.
    case due(Date)
    case start(Date?)
    case end(Date?)
    case repeatRule(Repetition?)
    /// The zone its times are on the clock of (`Reminder.zone`).
    case zone(String?)
    /// Its own alerts (`Reminder.alerts`); nil for the data set's.
    case alerts([TimeInterval]?)

    func apply(to r: inout Reminder) {
        switch self {
        case .title(let title): r.title = title
        case .notes(let notes): r.notes = notes
        case .link(let link): r.link = link
        case .priority(let priority): r.priority = priority
        case .owners(let owners): r.owners = owners
        case .due(let due):
            let shift = due.timeIntervalSince(r.due)
            r.start = r.start?.addingTimeInterval(shift)
            r.end = r.end?.addingTimeInterval(shift)
            r.due = due
        case .start(let start): r.start = start
        case .end(let end): r.end = end
        case .repeatRule(let rule): r.repeatRule = rule
        case .zone(let zone): r.zone = zone
        case .alerts(let alerts): r.alerts = alerts.map(Reminder.normalAlerts)
        }
    }
}

extension Reminder {
    /// The reminder with `fields` applied in order. Acknowledgements and snoozes were given
    /// for a moment: when the due time or the repeat rule changes they no longer hold and are
    /// dropped, and so are those of people who are no longer owners.
    public func applying(_ fields: [ReminderField]) -> Reminder {
        var r = self
        for field in fields { field.apply(to: &r) }
        if r.due != due || r.repeatRule != repeatRule || r.zone != zone {
            r.acknowledgedBy = [:]
            r.acknowledgedOccurrence = [:]
            r.snoozedUntil = [:]
        }
        let owners = Set(r.owners)
        r.acknowledgedBy = r.acknowledgedBy.filter { owners.contains($0.key) }
        r.acknowledgedOccurrence = r.acknowledgedOccurrence.filter { owners.contains($0.key) }
        r.snoozedUntil = r.snoozedUntil.filter { owners.contains($0.key) }
        return r
    }

    /// Refuses a reminder that cannot work, naming it and every problem. Owners must be known
    /// people when `people` is not empty (a data set without people takes any handle).
    public func validate(people: [String], zone: TimeZone) throws(MutationError) {
        try validate(knownPeople: Set(people), zone: zone)
    }

    /// `validate` with the handles already in a set, for checking many reminders against them.
    public func validate(knownPeople people: Set<String>, zone: TimeZone) throws(MutationError) {
        let problems = problems(knownPeople: people, zone: zone)
        if !problems.isEmpty { throw MutationError("\(id): " + problems.map(\.message).joined(separator: "; ")) }
    }

    /// What keeps this reminder from working, each with the field it is in, so that one not
    /// yet added can be refused by what was typed rather than by an id it never got.
    public func problems(people: [String], zone: TimeZone) -> [ReminderProblem] {
        problems(knownPeople: Set(people), zone: zone)
    }

    /// `problems` with the handles already in a set: building it costs more than the rest.
    public func problems(knownPeople known: Set<String>, zone: TimeZone) -> [ReminderProblem] {
        var problems: [ReminderProblem] = []
        func time(_ date: Date) -> String { TimeText.format(date, zone: zone) }
        if title.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }) { problems.append(.init(.title, "the title is empty")) }
        if title.contains(where: \.isNewline) { problems.append(.init(.title, "the title must be one line")) }
        if owners.isEmpty { problems.append(.init(.owners, "a reminder needs at least one owner")) }
        if !known.isEmpty {
            for owner in owners where !known.contains(owner) {
                problems.append(.init(.owners, "unknown owner \(owner)", unknownOwner: owner))
            }
        }
        if let start, start > due { problems.append(.init(.start, "start \(time(start)) is after due \(time(due))")) }
        if let end, end <= due { problems.append(.init(.end, "end \(time(end)) must be after due \(time(due))")) }
        if let link, let problem = Link.problem(link, like: "https://crm.example.com/accounts/acme") {
            problems.append(.init(.link, "link " + problem))
        }
        return problems
    }
}

/// One reason a reminder cannot be saved, and the field it is about.
public struct ReminderProblem: Equatable, Sendable {
    public enum Field: String, Sendable { case title, owners, start, end, link }

    public var field: Field
    public var message: String
    /// The handle, when the problem is an owner who is not among the people.
    public var unknownOwner: String?

    public init(_ field: Field, _ message: String, unknownOwner: String? = nil) {
        self.field = field
        self.message = message
        self.unknownOwner = unknownOwner
    }
}
