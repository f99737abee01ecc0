import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct EscalationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalation",
        abstract: "The escalation ladder: levels, what triggers each and who is told.",
        discussion: "Example: crmtop escalation list",
        subcommands: [Set.self, List.self]
    )

    static let roles = KnownNames.escalationRoles

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set a level of the ladder, replacing the one there was.",
            discussion: """
                Roles: \(EscalationCommand.roles.joined(separator: ", ")) and the roles people have; anything else must be a person's handle.
                Example: crmtop escalation set --level 3 --after breach+2h --notify team-lead head-of-support
                """
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: "The level, 1 or more.") var level: Int
        @Option(help: "warning, breach or breach+DURATION (like breach+2h).") var after: String
        @Option(parsing: .upToNextOption, help: "Who is told: roles or handles, several allowed.") var notify: [String]

        var names: [String] {
            notify.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                .filter { !$0.isEmpty }
        }

        func validate() throws {
            guard level >= 1 else { throw ValidationError("--level: \(level) is not a level; levels start at 1") }
            guard EscalationTrigger(text: after) != nil else {
                throw ValidationError("--after: expected warning, breach or breach+DURATION (like breach+2h), found \"\(after)\"")
            }
            guard !names.isEmpty else { throw ValidationError("--notify: say who is told") }
        }

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            let step = EscalationLevel(level: level, trigger: EscalationTrigger(text: after)!, notify: names)
            // Refused by the rule check reports by, so a level never names nobody.
            let known = KnownNames(session.data)
            if let refusal = names.lazy.compactMap({ known.refusal($0, as: .escalationTarget) }).first {
                throw CLIError("--notify: \(refusal)")
            }
            var settings = session.data.settings
            settings.escalation.removeAll { $0.level == level }
            settings.escalation.append(step)
            settings.escalation.sort { $0.level < $1.level }
            try session.apply([.settings(settings)])
            try List.print([step], json: global.json, single: true)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "The escalation ladder, lowest level first.",
            discussion: """
                Warns about each level that tells nobody about some open items (no owner, no team lead, nobody \
                with the role).
                Example: crmtop escalation list
                """)

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session.open(global)
            defer { session.close() }
            let ladder = session.data.settings.escalation.sorted { $0.level < $1.level }
            if ladder.isEmpty && !global.json {
                Console.current.write("No escalation ladder yet; add a level with crmtop escalation set.\n")
                return
            }
            try Self.print(ladder, json: global.json)
            Self.warnUnheard(session.data, json: global.json)
        }

        /// Says which levels tell nobody about some open items: on stdout under the table,
        /// on stderr beside JSON.
        static func warnUnheard(_ data: DataSet, json: Bool) {
            for unheard in Escalation.unheard(data) {
                if json {
                    Console.current.error("crmtop: warning: " + unheard.sentence + "\n")
                } else {
                    Console.current.write("warning: " + unheard.sentence + "\n")
                }
            }
        }

        static func print(_ ladder: [EscalationLevel], json: Bool, single: Bool = false) throws {
            if json {
                Console.current.json(try settingsJSON(ladder, single: single, SettingsJSON.escalation))
                return
            }
            Console.current.write(TextTable.render([["LEVEL", "AFTER", "NOTIFY"]] + ladder.map {
                [String($0.level), $0.trigger.text, $0.notify.joined(separator: ", ")]
            }))
        }
    }
}
