import ArgumentParser
import CRMCore
import Foundation

struct ReminderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminder",
        abstract: "Add, list, change, acknowledge and snooze reminders.",
        discussion: "Example: crmtop reminder list --all --json",
        subcommands: [ReminderAdd.self, ReminderList.self, ReminderShow.self, ReminderEdit.self,
                      ReminderDelete.self, ReminderAck.self, ReminderSnooze.self]
    )

    // Accepted here too, so that a mistyped subcommand is reported rather than the options after it.
    @OptionGroup var global: GlobalOptions
}

struct ReminderList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Your reminders in the dashboard's order.",
        discussion: "Example: crmtop reminder list --user maria --at 2026-11-23T10:00:00+01:00")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Everyone's reminders, each with the state of the owners still to act.")
    var all = false

    func run() throws {
        let session = try Session.open(global, actingAsUser: !all)
        defer { session.close() }
        let viewer = all ? nil : session.user
        let entries = ReminderOrder.entries(session.data.reminders, owner: viewer, at: session.now,
                                            calendar: session.calendar)
        let console = Console.current
        if global.json {
            console.json(.array(entries.map { session.reminderJSON($0, viewer: viewer) }))
        } else if entries.isEmpty {
            console.write(all ? "No reminders.\n" : "No reminders for \(session.user).\n")
        } else {
            console.write(ReminderTable.render(entries, owners: all, session: session))
        }
    }
}

struct ReminderShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Everything about one reminder: where each owner stands, and its history.",
        discussion: "Example: crmtop reminder show R-1001 --json")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The reminder's id.") var id: String

    func run() throws {
        let session = try Session.open(global)
        defer { session.close() }
        let r = try session.reminder(id), viewer = session.viewer(of: r)
        let entry = session.reminderEntry(r, viewer: viewer)
        if global.json {
            Console.current.json(session.reminderJSON(entry, viewer: viewer, history: true))
        } else {
            Console.current.write(ReminderTable.details(entry, session: session))
        }
    }
}

struct ReminderDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a reminder for everyone.",
        discussion: "Example: crmtop reminder delete R-1001")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The reminder's id.") var id: String

    func run() throws {
        var session = try Session.open(global)
        defer { session.close() }
        let r = try session.reminder(id), viewer = session.viewer(of: r)
        let entry = session.reminderEntry(r, viewer: viewer)
        try session.apply([.reminder(.delete(id: id))])
        if global.json {
            Console.current.json(session.reminderJSON(entry, viewer: viewer))
        } else {
            Console.current.write("Deleted \(id): \(entry.reminder.title)\n")
        }
    }
}

struct ReminderAck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge a reminder for you; a repeating one moves you on to its next occurrence.",
        discussion: "Example: crmtop reminder ack R-1001")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The reminder's id.") var id: String

    func run() throws {
        var session = try Session.open(global, actingAsUser: true)
        defer { session.close() }
        let r = try session.reminder(id), user = session.user
        guard r.isOwned(by: user) else { throw CLIError("\(user) is not an owner of \(id) (owners: \(r.owners.joined(separator: ", ")))") }
        let console = Console.current
        switch r.acknowledgement(for: user, at: session.now, calendar: session.calendar) {
        case .occurrence(let current):
            try session.apply([.reminder(.acknowledgeOccurrence(id: id, person: user, due: current.due, at: session.now))])
        case .already(let lastDue, let next):
            guard !global.json else { break }
            let at = r.acknowledgedBy[user].map { " at " + session.shortTime($0) } ?? ""
            let occurrence = r.repeatRule != nil ? lastDue.map { " for its occurrence due " + session.shortTime($0) } ?? "" : ""
            let coming = next.map { " The next is due \(session.shortTime($0.due)); acknowledge it once it reminds, from \(session.shortTime($0.start))." } ?? ""
            console.write("\(id) was already acknowledged by \(user)\(occurrence)\(at).\(coming)\n")
            return
        }
        let after = session.reminderEntry(try session.reminder(id), viewer: user)
        if global.json {
            console.json(session.reminderJSON(after, viewer: user, history: true))
        } else {
            let next = after.state == .acknowledged ? "" : " Next due \(session.shortTime(after.occurrence.due))."
            console.write("Acknowledged \(id) for \(user).\(next)\n")
        }
    }
}

struct ReminderSnooze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Quiet a reminder for you for a while; its priority and due time stay as they are.",
        discussion: "Example: crmtop reminder snooze R-1001 --for 1h")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The reminder's id.") var id: String

    @Option(name: .customLong("for"), parsing: .unconditional, help: "How long: 10m, 1h30m, 1d.") var duration: String?

    @Option(help: "Until when: tomorrow 9:00, mon 14:00, 2026-11-24 09:00 or ISO 8601.") var until: String?

    func run() throws {
        if duration != nil, until != nil { throw CLIError("give --for or --until, not both", code: 2) }
        guard duration != nil || until != nil else {
            throw CLIError("say how long with --for DURATION or until when with --until TIME", code: 2)
        }
        var session = try Session.open(global, actingAsUser: true)
        defer { session.close() }
        let now = session.now, user = session.user
        var end: Date
        if let duration {
            let seconds = try session.parseDuration(duration, option: "--for", negative: "a snooze cannot be negative")
            guard seconds > 0 else { throw CLIError("--for: a snooze must last longer than 0s", code: 2) }
            end = now.addingTimeInterval(seconds)
        } else {
            end = try session.parseTime(until!, option: "--until")
            guard end > now else {
                throw CLIError("--until \(session.shortTime(end)) is not after now (\(session.shortTime(now)))")
            }
        }
        let r = try session.reminder(id)
        if r.isOwned(by: user), r.state(for: user, at: now, calendar: session.calendar) == .acknowledged {
            throw CLIError("\(id) is acknowledged by \(user); there is nothing left to snooze")
        }
        try session.apply([.reminder(.snooze(id: id, person: user, until: end, at: now))])
        if global.json {
            Console.current.json(session.reminderJSON(session.reminderEntry(try session.reminder(id), viewer: user), viewer: user, history: true))
        } else {
            Console.current.write("Snoozed \(id) for \(user) until \(session.shortTime(end)).\n")
        }
    }
}
