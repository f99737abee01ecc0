import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct InfluencerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "influencer",
        abstract: "Sources of feedback: bloggers, forum accounts, traffic sources.",
        discussion: "Example: crmtop influencer list",
        subcommands: [Add.self, List.self, Show.self, InfluencerEditCommand.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an influencer and print its id.",
            discussion: """
                Without a name, the screen name (--handle) is the name shown.
                Example: crmtop influencer add "CRM Weekly" --url https://crmweekly.example
                Example: crmtop influencer add --handle Rant112 --url https://rant112.blog.example
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The name shown (default: the screen name).") var name: String?
        @Option(help: "The screen name they publish under, like Rant112.") var handle: String?
        @Option(help: "Where they publish: a whole URL, like https://blog.example.com.") var url: String?
        @Option(help: "Free text.") var notes: String?

        func validate() throws {
            guard name != nil || handle != nil else { throw ValidationError("give a name, a --handle or both") }
            try InfluencerFields(name: name, handle: handle, url: url).check()
        }

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            let id = Identifiers.next(prefix: "I-", existing: session.data.influencers.map(\.id), first: 1)
            let handle = handle.map(InfluencerFields.plain)
            let influencer = Influencer(id: id, name: name ?? handle ?? "", handle: handle, url: url, notes: notes)
            try session.apply([.supportCase(.addInfluencer(influencer))])
            if global.json {
                Console.current.json(Self.json(influencer))
            } else {
                Console.current.write(id + "\n")
            }
        }

        /// `id, name, handle, url, notes`; unset fields are `null`.
        static func json(_ i: Influencer) -> JSONOutput {
            func text(_ value: String?) -> JSONOutput { value.map(JSONOutput.string) ?? .null }
            return .object([
                .init("id", .string(i.id)), .init("name", .string(i.name)), .init("handle", text(i.handle)),
                .init("url", text(i.url)), .init("notes", text(i.notes)),
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
                // Notes run to paragraphs; --json and influencer show have them.
                Console.current.write(TextTable.render(all.map {
                    [$0.id, $0.name, $0.handle.map { "@" + $0 } ?? "", $0.url ?? ""]
                }))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "One influencer: name, screen name, where they publish, notes, and the feedback from them.",
            discussion: "Example: crmtop influencer show I-1")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The influencer id.") var id: String

        func run() throws {
            let session = try Session.open(global)
            defer { session.close() }
            let influencer = try session.influencer(id)
            let items = session.data.cases.filter { $0.influencer == id }.sorted { $0.opened < $1.opened }
            if global.json {
                guard case .object(var members) = Add.json(influencer) else { return }
                members.append(.init("feedback", .array(items.map { .string($0.id) })))
                Console.current.json(.object(members))
                return
            }
            let open = items.filter(\.status.isOpen)
            let feedback = items.isEmpty ? "none yet"
                : "\(open.count) open" + (open.isEmpty ? "" : ": " + open.map(\.id).joined(separator: ", "))
                    + "; \(items.count) in all"
            Console.current.write(TextTable.render([[influencer.id, influencer.name]]) + CaseText.indent(TextTable.render([
                ["handle", influencer.handle.map { "@" + $0 } ?? "-"], ["url", influencer.url ?? "-"],
                ["notes", influencer.notes ?? "-"], ["feedback", feedback],
            ])))
        }
    }
}

extension Session {
    func influencer(_ id: String) throws -> Influencer {
        guard let found = data.influencers.first(where: { $0.id == id }) else {
            throw CLIError("no influencer with id \(id)" + known(data.influencers.map(\.id), "influencers"))
        }
        return found
    }
}

/// What `influencer add` and `edit` refuse before anything is stored.
struct InfluencerFields {
    var name: String?
    var handle: String?
    var url: String?

    /// A screen name as kept: without the "@" people write it with.
    static func plain(_ handle: String) -> String {
        let trimmed = handle.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed
    }

    func check() throws {
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the name is empty") }
        if let handle, !handle.isEmpty, Self.plain(handle).isEmpty || handle.contains(where: \.isNewline) {
            throw ValidationError("--handle: \"\(handle)\" is not a screen name; give it as they write it, like Rant112")
        }
        if let url, !url.isEmpty, let problem = Link.problem(url, like: "https://blog.example.com") {
            throw ValidationError("--url: " + problem)
        }
    }
}
