import ArgumentParser
import CRMCore
import Foundation

/// `crmtop influencer edit`: changes what is given, keeps the rest.
struct InfluencerEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an influencer's name, screen name, URL or notes.",
        discussion: """
            "" removes the screen name, URL or notes.
            Example: crmtop influencer edit I-4 --name "Rita Anton" --url https://rant112.blog.example
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The influencer id.") var id: String
    @Option(help: "The name shown.") var name: String?
    @Option(help: "The screen name they publish under; \"\" removes it.") var handle: String?
    @Option(help: "Where they publish, a whole URL; \"\" removes it.") var url: String?
    @Option(help: "Free text; \"\" removes it.") var notes: String?

    func validate() throws {
        guard name != nil || handle != nil || url != nil || notes != nil else {
            throw ValidationError("say what to change: --name, --handle, --url or --notes")
        }
        try InfluencerFields(name: name, handle: handle, url: url).check()
    }

    func run() throws {
        var session = try Session.open(global)
        defer { session.close() }
        var influencer = try session.influencer(id)
        func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
        if let name { influencer.name = name }
        if let handle { influencer.handle = optional(InfluencerFields.plain(handle)) }
        if let url { influencer.url = optional(url) }
        if let notes { influencer.notes = optional(notes) }
        try session.apply([.supportCase(.putInfluencer(influencer))])
        if global.json {
            Console.current.json(InfluencerCommand.Add.json(influencer))
        } else {
            Console.current.write("\(id) \(influencer.shownName)\n")
        }
    }
}
