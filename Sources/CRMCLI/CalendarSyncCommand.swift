import ArgumentParser
import CRMCalDAV
import CRMCore
import CRMStore
import Foundation

/// `crmtop calendar-sync add|list|remove`: the CalDAV accounts whose calendars are kept in
/// step with reminders, kept in settings.json's `calendar_sync` without their passwords.
struct CalendarSyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar-sync",
        abstract: "CalDAV accounts whose calendar is kept in step with someone's reminders.",
        discussion: """
            The password is never stored: an account names a command that prints it, or a file only its owner may read.
            Example: crmtop calendar-sync add work --url https://cloud.example.com/remote.php/dav \\
                       --username maria --password-command "pass show work/caldav"
            """,
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account; checks the login and lists the calendars it finds.",
            discussion: """
                The address may be a calendar itself or the server's base address: the calendars are found from it \
                (RFC 6764). Certificates are verified. With --no-check nothing is asked of the server.
                Example: crmtop calendar-sync add phone --url https://dav.example.com/ --username jonas \\
                           --password-file ~/.config/crmtop/caldav-password --owner jonas
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The account's name, for crmtop sync NAME and crmtop calendar-sync remove NAME.")
        var name: String

        @Option(help: ArgumentHelp("A calendar's address, or the server's base address.", valueName: "url"))
        var url: String

        @Option(help: ArgumentHelp("The login on the calendar server.", valueName: "login"))
        var username: String

        @Option(help: ArgumentHelp("A command that prints the password, run at each sync.", valueName: "command"))
        var passwordCommand: String?

        @Option(help: ArgumentHelp("A file, readable by you only, whose first line is the password.", valueName: "file"))
        var passwordFile: String?

        @Option(help: ArgumentHelp("Whose reminders it keeps in step (default: the user).", valueName: "person"))
        var owner: String?

        @Flag(help: "Store the account without asking the server anything.")
        var noCheck = false

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("NAME must not be empty") }
            if let problem = CalendarAccount.problem(withURL: url) { throw ValidationError("--url: \(problem)") }
            guard (passwordCommand == nil) != (passwordFile == nil) else {
                throw ValidationError(passwordCommand == nil
                    ? "give --password-command or --password-file: the password itself is never stored"
                    : "--password-command and --password-file exclude each other")
            }
        }

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            let accounts = session.data.settings.calendarAccounts
            guard !accounts.contains(where: { $0.name == name }) else {
                throw CLIError("there is already a calendar account \(name); see crmtop calendar-sync list")
            }
            let owner = try session.person(owner ?? session.user, option: owner == nil ? "--user" : "--owner").id
            let account = CalendarAccount(name: name, url: url, username: username,
                                          password: passwordCommand.map { .command($0) } ?? .file(passwordFile!),
                                          owner: owner)
            let calendars = noCheck ? nil : try CalendarSyncText.discover(account)
            var settings = session.data.settings
            settings.calendarAccounts.append(account)
            try session.apply([.settings(settings)])
            var text = "Added calendar account \(name) for \(owner).\n"
            if let calendars {
                text += calendars.isEmpty ? "It has no calendars yet.\n"
                    : calendars.map { "  " + CalendarSyncText.line($0) + "\n" }.joined()
            }
            global.report(json: CalendarSyncText.record(account, calendars: calendars), text: text)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the calendar accounts: address, login, where the password comes from, whose reminders.",
            discussion: "Example: crmtop calendar-sync list --json")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session.open(global)
            defer { session.close() }
            let accounts = session.data.settings.calendarAccounts
            var table = PlainTable([.init(title: "NAME"), .init(title: "URL"), .init(title: "USERNAME"),
                                    .init(title: "PASSWORD FROM"), .init(title: "OWNER")])
            table.rows = accounts.map { [$0.name, $0.url, $0.username, CalendarSyncText.source($0.password), $0.owner] }
            global.report(json: .array(accounts.map { CalendarSyncText.record($0, calendars: nil) }),
                          text: accounts.isEmpty ? "No calendar accounts. Add one with crmtop calendar-sync add.\n"
                                                 : table.render())
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an account; the calendar on the server and the reminders stay as they are.",
            discussion: "Example: crmtop calendar-sync remove work")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The account's name.")
        var name: String

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            var settings = session.data.settings
            guard let index = settings.calendarAccounts.firstIndex(where: { $0.name == name }) else {
                throw CLIError("no calendar account \(name)"
                    + known(settings.calendarAccounts.map(\.name), "calendar accounts"))
            }
            let account = settings.calendarAccounts.remove(at: index)
            try session.apply([.settings(settings)])
            global.report(json: CalendarSyncText.record(account, calendars: nil),
                          text: "Removed calendar account \(name).\n")
        }
    }
}

/// How calendar accounts read on the command line. No output ever holds a password: only
/// where it comes from.
enum CalendarSyncText {
    static func source(_ password: CalendarAccount.PasswordSource) -> String {
        switch password {
        case .command(let command): "command: " + command
        case .file(let path): "file: " + path
        }
    }

    static func line(_ calendar: CalendarCollection) -> String {
        let kinds = calendar.components.isEmpty ? "events and to-dos"
            : calendar.components.map { $0 == "VTODO" ? "to-dos" : $0 == "VEVENT" ? "events" : $0 == "VJOURNAL" ? "journals" : $0 }.joined(separator: ", ")
        return (calendar.displayName.map { $0 + " · " } ?? "") + calendar.url.absoluteString + " (\(kinds))"
    }

    static func discover(_ account: CalendarAccount) throws -> [CalendarCollection] {
        do {
            let password = try AccountPassword.read(account)
            let client = CalDAVClient(exchange: HTTPExchange(login: Login(username: account.username, password: password)))
            return try client.discoverCalendars(from: URL(string: account.url)!)
        } catch let error as AccountPasswordError {
            throw CLIError(error.description + "; nothing was stored")
        } catch let error as CalDAVError {
            throw CLIError("calendar account \(account.name): \(error); nothing was stored (--no-check stores it unchecked)")
        }
    }

    static func record(_ account: CalendarAccount, calendars: [CalendarCollection]?) -> JSONOutput {
        var members: [JSONOutput.Member] = [
            .init("name", .string(account.name)), .init("url", .string(account.url)),
            .init("username", .string(account.username)), .init("owner", .string(account.owner)),
        ]
        switch account.password {
        case .command(let command): members.append(.init("password_command", .string(command)))
        case .file(let path): members.append(.init("password_file", .string(path)))
        }
        if let calendars {
            members.append(.init("calendars", .array(calendars.map { c in
                .object([.init("url", .string(c.url.absoluteString)),
                         .init("name", c.displayName.map(JSONOutput.string) ?? .null),
                         .init("components", .array(c.components.map(JSONOutput.string)))])
            })))
        }
        return .object(members)
    }
}
