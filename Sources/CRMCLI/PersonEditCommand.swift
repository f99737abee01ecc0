import ArgumentParser
import CRMCore
import CRMStore
import Foundation

/// Where the notify command can reach a person: `--email` and `--chat`, checked as
/// people.json checks them.
struct ContactOptions: ParsableArguments {
    @Option(help: "Their e-mail address, passed to the notify command (CRMTOP_EMAIL).")
    var email: String?

    @Option(help: "Their chat handle (e.g. @lea), passed to the notify command (CRMTOP_CHAT).")
    var chat: String?

    /// `clearing`: an empty value removes the address (for `person edit`).
    func validate(clearing: Bool) throws {
        for (option, value, problem) in [("--email", email, Person.emailProblem), ("--chat", chat, Person.chatProblem)] {
            guard let value, !(clearing && value.isEmpty), let why = problem(value) else { continue }
            throw ValidationError("\(option): \(why)")
        }
    }

    func apply(to person: inout Person) {
        if let email { person.email = email.isEmpty ? nil : email }
        if let chat { person.chat = chat.isEmpty ? nil : chat }
    }
}

extension PersonCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a person's name, role, team, manager, e-mail address or chat handle.",
            discussion: """
                Only what is given changes; an empty --email or --chat removes it.
                Example: crmtop person edit lea --email lea.park@example.com --chat @lea
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The person's handle.")
        var handle: String

        @Option(help: "Full name as shown.")
        var name: String?

        @Option(help: "Their role; KPI goals are set per role.")
        var role: String?

        @Option(help: "The id of their team.")
        var team: String?

        @Option(help: "The handle of their manager.")
        var manager: String?

        @OptionGroup var contact: ContactOptions

        func validate() throws {
            for (option, value) in [("--name", name), ("--role", role), ("--team", team)] {
                if let value, value.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw ValidationError("\(option) must not be empty")
                }
            }
            try contact.validate(clearing: true)
        }

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            var person = try session.person(handle, option: "NAME")
            if let team, let refusal = KnownNames(session.data).refusal(team, as: .team) {
                throw CLIError("--team: \(refusal)")
            }
            if let manager {
                _ = try session.person(manager, option: "--manager")
                guard manager != handle else { throw CLIError("--manager: \(handle) cannot manage themselves") }
            }
            if let name { person.name = name }
            if let role { person.role = role }
            if let team { person.team = team }
            if let manager { person.manager = manager }
            contact.apply(to: &person)
            try session.apply([.directory(.putPerson(person))])
            global.report(json: DirectoryJSON.person(person), text: handle + "\n")
        }
    }
}
