import ArgumentParser

struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: """
            For zsh, write the script as _crmtop into a folder on $fpath; for fish, \
            into ~/.config/fish/completions/crmtop.fish.
            Example: crmtop completions bash > ~/.local/share/bash-completion/completions/crmtop
            """
    )

    /// Accepted, like on every command, so a script's usual options never break it.
    @OptionGroup var global: GlobalOptions

    enum Shell: String, ExpressibleByArgument, CaseIterable {
        case bash, zsh, fish

        var completionShell: CompletionShell {
            switch self {
            case .bash: .bash
            case .zsh: .zsh
            case .fish: .fish
            }
        }
    }

    @Argument(help: "The shell: bash, zsh or fish.")
    var shell: Shell

    func run() {
        Console.current.writeExact(CRMTop.completionScript(for: shell.completionShell))
    }
}
