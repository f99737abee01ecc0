import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct InfluencerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "influencer",
        abstract: "Sources of feedback: bloggers, forum accounts, traffic sources.",
        discussion: "Example: crmtop influencer list",
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an influencer and print its id.",
            discussion: "Example: crmtop influencer add \"CRM Weekly\" --url https://crmweekly.example"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The name shown.") var name: String
        @Option(help: "Where they publish.") var url: String?
        @Option(help: "Free text.") var notes: String?

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the name is empty") }
        }

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            let id = Identifiers.next(prefix: "I-", existing: session.data.influencers.map(\.id), first: 1)
            let influencer = Influencer(id: id, name: name, url: url, notes: notes)
            try session.apply([.supportCase(.addInfluencer(influencer))])
            if global.json {
                Console.current.json(Self.json(influencer))
            } else {
                Console.current.write(id + "\n")
            }
        }

        /// `id, name, url, notes`; unset fields are `null`.
        static func json(_ i: Influencer) -> JSONOutput {
            .object([
                .init("id", .string(i.id)), .init("name", .string(i.name)),
                .init("url", i.url.map(JSONOutput.string) ?? .null),
                .init("notes", i.notes.map(JSONOutput.string) ?? .null),
            ])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Every influencer.", discussion: "Example: crmtop influencer list --json")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session.open(global)
            defer { session.close() }
            let all = session.data.influencers
            if global.json {
                Console.current.json(.array(all.map(Add.json)))
            } else if all.isEmpty {
                Console.current.write("No influencers yet; add one with crmtop influencer add NAME.\n")
            } else {
                // Notes run to paragraphs; --json has them.
                Console.current.write(TextTable.render(all.map { [$0.id, $0.name, $0.url ?? ""] }))
            }
        }
    }
}
