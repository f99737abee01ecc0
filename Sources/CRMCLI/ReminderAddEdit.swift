import ArgumentParser
import CRMCore
import Foundation

/// What `reminder add` and `reminder edit` both take; `--due` is each command's own
/// because add requires it.
struct ReminderOptions: ParsableArguments {
    @Option(help: "high, normal or low (default normal).") var priority: String?

    @Option(name: .customLong("owner"), help: "Who is reminded; repeat for several (default: you).")
    var owners: [String] = []

    @Option(help: "When reminding begins (default: at due).") var start: String?

    // Unconditional: `--lead -1h` is a lead time to refuse with a reason, not a missing value.
    @Option(parsing: .unconditional, help: "Reminding begins this long before due: 30m, 1h, 1d.") var lead: String?

    @Option(help: "When the follow-up window closes (default: never; overdue until acknowledged).")
    var end: String?

    @Option(name: .customLong("follow-up"), parsing: .unconditional,
            help: "The follow-up window closes this long after due.")
    var followUp: String?

    @Option(help: "A URL to keep with it; \"\" removes it.") var link: String?

    @Option(help: "Free text; \"\" removes it.") var notes: String?

    @Option(name: .customLong("repeat"), help: ArgumentHelp(
        "daily, weekdays, weekly, monthly, none, or an RRULE such as FREQ=WEEKLY;BYDAY=MO,TH (several joined by \" + \").",
        valueName: "rule"))
    var repeatRule: String?

    @Option(name: .customLong("zone"), help: ArgumentHelp(
        "The time zone its occurrences keep their clock time in, e.g. America/New_York; none for the default calendar's.",
        valueName: "zone"))
    var zone: String?

    @Option(name: .customLong("alerts"), help: ArgumentHelp(
        "Its own alerts before due, comma-separated (1d,1h,10m); none for no alerts; default for the notifier's alerts_before.",
        valueName: "list"))
    var alerts: String?

    @Flag(name: .customLong("shift-to-working-day"),
          help: "Move a start or due outside working time to the next working moment.")
    var shift = false

    var isEmpty: Bool {
        priority == nil && owners.isEmpty && start == nil && lead == nil && end == nil && followUp == nil
            && link == nil && notes == nil && repeatRule == nil && zone == nil && alerts == nil && !shift
    }

    /// The fields these options set on `base`, after moving its due to `due` if given.
    /// `1d,1h` before due; `none` for no alerts, `default` for the data set's.
    static func alerts(_ text: String) throws -> [TimeInterval]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "default" { return nil }
        if trimmed == "none" { return [] }
        return try trimmed.split(separator: ",").map { item in
            let part = item.trimmingCharacters(in: .whitespaces)
            guard let d = DurationText.parse(part), d > 0 else {
                throw CLIError("--alerts: \"\(part)\" is not a duration before due like 1h or 10m; "
                    + "give a comma-separated list, none, or default", code: 2)
            }
            return d
        }
    }

    func fields(on base: Reminder, due: Date?, _ session: Session) throws -> [ReminderField] {
        if start != nil && lead != nil { throw CLIError("give --start or --lead, not both", code: 2) }
        if end != nil && followUp != nil { throw CLIError("give --end or --follow-up, not both", code: 2) }
        var fields: [ReminderField] = []
        if let due { fields.append(.due(due)) }
        let newDue = due ?? base.due
        if let start { fields.append(.start(try session.parseTime(start, option: "--start"))) }
        if let lead {
            let before = try session.parseDuration(lead, option: "--lead", negative: "a lead time before due cannot be "
                + "negative; to start reminding after due, move --due instead")
            fields.append(.start(newDue - before))
        }
        if let end { fields.append(.end(try session.parseTime(end, option: "--end"))) }
        if let followUp {
            let after = try session.parseDuration(followUp, option: "--follow-up",
                                                  negative: "a follow-up time after due cannot be negative")
            fields.append(.end(newDue + after))
        }
        if let priority {
            guard let p = ReminderPriority(rawValue: priority) else {
                throw CLIError("--priority: \"\(priority)\" is not one of high, normal, low", code: 2)
            }
            fields.append(.priority(p))
        }
        if !owners.isEmpty {
            var seen: Set<String> = []
            fields.append(.owners(owners.filter { seen.insert($0).inserted }))
        }
        if let link { fields.append(.link(link.isEmpty ? nil : link)) }
        if let notes { fields.append(.notes(notes.isEmpty ? nil : notes)) }
        if let alerts { fields.append(.alerts(try Self.alerts(alerts))) }
        var clock = base.timeZone(default: session.zone)
        if let zone {
            guard zone == "none" || TimeZone(identifier: zone) != nil else {
                throw CLIError("--zone: \"\(zone)\" is not a time zone; give one like Europe/Berlin or America/New_York, or none", code: 2)
            }
            fields.append(.zone(zone == "none" ? nil : zone))
            clock = zone == "none" ? session.zone : TimeZone(identifier: zone)!
        }
        if let repeatRule {
            do throws(RecurrenceRule.ParseError) {
                fields.append(.repeatRule(repeatRule == "none" ? nil : try Repetition(text: repeatRule, zone: clock)))
            } catch {
                throw CLIError("--repeat: \"\(repeatRule)\" is not one of daily, weekdays, weekly, monthly, none, "
                    + "or an RRULE: \(error.message)", code: 2)
            }
        }
        return fields
    }

    /// With `--shift-to-working-day`, the fields that move the edited reminder into working time.
    func shiftFields(for edited: Reminder, _ session: Session) throws -> [ReminderField] {
        guard shift else { return [] }
        guard let shifted = edited.shiftedToWorkingTime(calendar: session.calendar) else {
            throw CLIError("the calendar \(session.calendar.name) has no working time to shift to")
        }
        return [.due(shifted.due), .start(shifted.start), .end(shifted.end)]
    }

    /// A reminder not yet added is refused by what was typed, each problem on its own line
    /// and named by the option it came from, not by the id it would have had.
    func refuseProblems(of r: Reminder, _ session: Session) throws {
        let problems = r.problems(people: session.data.people.map(\.id), zone: session.zone)
        guard !problems.isEmpty else { return }
        throw CLIError(problems.map { message(for: $0, session) }.joined(separator: "\ncrmtop: "))
    }

    private func message(for problem: ReminderProblem, _ session: Session) -> String {
        switch problem.field {
        case .title: problem.message
        case .owners:
            if let owner = problem.unknownOwner {
                "--owner: unknown owner \(owner); \(session.peopleAre); add one with crmtop person add \(owner) --role ROLE"
            } else {
                "--owner: " + problem.message
            }
        case .start: (lead != nil ? "--lead: " : "--start: ") + problem.message
        case .end: (followUp != nil ? "--follow-up: " : "--end: ") + problem.message
        case .link: "--link: " + problem.message
        }
    }

    /// Non-working time is allowed (a call on a Saturday may be meant), so it only warns.
    static func warn(about r: Reminder, _ session: Session) {
        let warnings = r.workingTimeWarnings(calendar: session.calendar)
        guard !warnings.isEmpty else { return }
        for warning in warnings { Console.current.error("crmtop: warning: \(r.id): \(warning)\n") }
        Console.current.error("crmtop: --shift-to-working-day moves it to the next working moment\n")
    }
}

struct ReminderAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a reminder and print its id.",
        discussion: "Example: crmtop reminder add \"Call Acme\" --due \"2026-11-23 10:00\" --lead 30m --owner maria --owner jonas")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "One line shown in lists.") var title: String

    @Option(help: "The event: 2026-11-24 09:00, tomorrow 9:00, mon 14:00, +2h or ISO 8601.") var due: String

    @OptionGroup var options: ReminderOptions

    func run() throws {
        var session = try Session.open(global, actingAsUser: true)
        defer { session.close() }
        let user = session.user
        let base = Reminder(id: session.data.nextReminderID,
                            title: title, owners: [user], creator: user,
                            due: try session.parseTime(due, option: "--due"))
        let asGiven = base.applying(try options.fields(on: base, due: nil, session))
        let shifted = asGiven.applying(try options.shiftFields(for: asGiven, session))
        let r = shifted.made(.created, ChangeStamp(at: session.now, actor: user,
                                                   note: ChangeStamp.shiftNote(asGiven, shifted)))
        try options.refuseProblems(of: r, session)
        try session.apply([.reminder(.add(r))])
        ReminderOptions.warn(about: r, session)
        if global.json {
            let viewer = session.viewer(of: r)
            Console.current.json(session.reminderJSON(session.reminderEntry(r, viewer: viewer), viewer: viewer, history: true))
        } else {
            Console.current.write(r.id + "\n")
        }
    }
}

struct ReminderEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a reminder; what is not given stays as it is.",
        discussion: """
            Moving --due takes the start and the end along with it. Changing --due or --repeat \
            starts the reminder afresh: acknowledgements and snoozes are dropped.
            Example: crmtop reminder edit R-1001 --due "2026-11-24 09:00" --priority high
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The reminder's id.") var id: String

    @Option(help: "A new title.") var title: String?

    @Option(help: "Move the event: 2026-11-24 09:00, tomorrow 9:00, mon 14:00, +2h or ISO 8601.") var due: String?

    @OptionGroup var options: ReminderOptions

    func run() throws {
        guard title != nil || due != nil || !options.isEmpty else {
            throw CLIError("nothing to change: give at least one option, such as --due or --title", code: 2)
        }
        var session = try Session.open(global, actingAsUser: true)
        defer { session.close() }
        let base = try session.reminder(id)
        var fields = title.map { [ReminderField.title($0)] } ?? []
        fields += try options.fields(on: base, due: try due.map { try session.parseTime($0, option: "--due") }, session)
        let asGiven = base.applying(fields), shiftFields = try options.shiftFields(for: asGiven, session)
        fields += shiftFields
        let stamp = ChangeStamp(at: session.now, actor: session.user,
                                note: ChangeStamp.shiftNote(asGiven, asGiven.applying(shiftFields)))
        try session.apply([.reminder(.edit(id: id, fields, stamp))])
        let r = try session.reminder(id), viewer = session.viewer(of: r)
        ReminderOptions.warn(about: r, session)
        if global.json {
            Console.current.json(session.reminderJSON(session.reminderEntry(r, viewer: viewer), viewer: viewer, history: true))
        } else {
            Console.current.write("Updated \(id).\n")
        }
    }
}
