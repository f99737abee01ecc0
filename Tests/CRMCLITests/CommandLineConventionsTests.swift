import ArgumentParser
import CRMCLI
import Foundation
import Testing

/// Every command the user can reach, the root first.
func allCommands(_ root: any ParsableCommand.Type = CRMTop.self) -> [any ParsableCommand.Type] {
    [root] + root.configuration.subcommands.flatMap { allCommands($0) }
}

@Suite struct CommandLineConventionsTests {
    @Test func everyCommandsHelpShowsAnExample() {
        for command in allCommands() {
            let lines = command.configuration.discussion.split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let example = lines.contains { $0.hasPrefix("crmtop ") || $0.hasPrefix("Example: crmtop ") }
            #expect(example, "\(command._commandName) --help has no example")
        }
    }

    /// The help reflows each paragraph to the terminal's width, so a line break inside a
    /// sentence shows as a ragged short line: only a sentence's end, an example or an indented
    /// line may end a line of the discussion.
    @Test func everyCommandsHelpParagraphsReflow() {
        for command in allCommands() {
            let lines = command.configuration.discussion.split(separator: "\n", omittingEmptySubsequences: false)
            for (line, next) in zip(lines, lines.dropFirst())
            where !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("Example: ") {
                let endsASentence = line.last.map { ".:?!".contains($0) } ?? true
                let breaksAParagraph = !endsASentence && !next.isEmpty && !next.hasPrefix(" ")
                #expect(!breaksAParagraph, "crmtop help \(command._commandName): \"\(line)\" is cut off before \"\(next)\"")
            }
        }
    }

    @Test(arguments: [("bash", "-F _crmtop crmtop"), ("zsh", "#compdef crmtop"), ("fish", "complete -c 'crmtop'")])
    func completionScriptsKnowEveryCommand(shell: String, marker: String) {
        let run = crmtop("completions", shell)
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains(marker))
        for command in CRMTop.configuration.subcommands {
            #expect(run.out.contains(command.configuration.commandName ?? "?"), "\(shell): \(command)")
        }
        #expect(run.out.contains("--theme"))
    }

    @Test func anUnknownShellIsAUsageError() {
        let run = crmtop("completions", "powershell")
        #expect(run.code == 2)
        #expect(run.err.contains("powershell"))
    }

    /// docs/crmtop.1 is generated (`swift package generate-manual`) and committed; this
    /// notices when a command changes and the page does not.
    @Test func theManualPageDescribesEveryCommandAsItIsNow() throws {
        let page = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/crmtop.1"),
            encoding: .utf8)
        for command in allCommands().dropFirst() where command.configuration.shouldDisplay {
            let name = command._commandName
            #expect(page.contains(".It Em \(name)\n"), "docs/crmtop.1 lacks \(name)")
            #expect(page.contains(command.configuration.abstract), "docs/crmtop.1 has an old summary of \(name)")
        }
    }
}
