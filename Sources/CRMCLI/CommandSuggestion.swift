import ArgumentParser
import Foundation

/// Names the mistyped command in a command line the parser refused, and the nearest real
/// one: `crmtop remider list` would otherwise be read as two stray arguments of the default
/// `dash`, and `crmtop reminder lst` as one stray argument of `reminder`.
enum CommandSuggestion {
    /// The message for a word that stands where a command should and names none, at any level
    /// of the command tree; nil when every command word is known (the parser's own message
    /// then says what is wrong).
    static func diagnose(_ arguments: [String]) -> String? {
        guard let root = CommandNode.tree() else { return nil }
        var node = root, path: [String] = [], i = 0
        while i < arguments.count {
            let word = arguments[i]
            if word == "--" { return nil }
            if word.hasPrefix("-"), word.count > 1 {
                // An option this command does not know is what the parser's message is about.
                guard let option = node.option(word) else { return nil }
                i += option.takesValue ? 2 : 1
                continue
            }
            i += 1
            // `crmtop help reminder add`: the words after help are a command path too.
            if path.isEmpty, word == "help" { continue }
            let commands = node.subcommands ?? []
            guard !commands.isEmpty else { return nil }
            if let next = commands.first(where: { $0.answers(to: word) }) {
                node = next
                path.append(word)
                continue
            }
            // A default command that takes arguments of its own could be given this word.
            if let fallback = node.defaultCommand, fallback.takesPositionals { return nil }
            return message(word, path: path, among: commands.filter { $0.shouldDisplay ?? true }.map(\.commandName))
        }
        return nil
    }

    static func message(_ word: String, path: [String], among names: [String]) -> String {
        let given = (path + [word]).joined(separator: " ")
        if let near = nearest(word, among: names) {
            return "unknown command '\(given)'. Did you mean '\((path + [near]).joined(separator: " "))'?"
        }
        let whose = path.isEmpty ? "the commands" : "the \(path.joined(separator: " ")) commands"
        let help = (["crmtop"] + path + ["--help"]).joined(separator: " ")
        return "unknown command '\(given)'; \(whose) are \(names.joined(separator: ", ")) (see \(help))"
    }

    /// The name `word` most likely meant: the only one it begins, else the closest within a
    /// typo or two (one for short words, where two would match almost anything).
    static func nearest(_ word: String, among names: [String]) -> String? {
        let typed = word.lowercased()
        let extended = names.filter { typed.count >= 2 && $0.hasPrefix(typed) }
        if extended.count == 1 { return extended[0] }
        let allowed = typed.count <= 4 ? 1 : 2
        let scored = names.map { (name: $0, distance: editDistance(typed, $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= allowed else { return nil }
        return best.name
    }

    /// Edits (insert, delete, replace, swap two neighbours) between two words.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

/// The command tree as the parser describes it for tools (the form `--experimental-dump-help`
/// prints and the manual page is made from): names, aliases and which options take a value.
struct CommandNode: Decodable {
    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }
        var kind: String
        var names: [Name]?
    }

    var commandName: String
    var aliases: [String]?
    var shouldDisplay: Bool?
    var defaultSubcommand: String?
    var subcommands: [CommandNode]?
    var arguments: [Argument]?

    private struct Document: Decodable { var command: CommandNode }

    static func tree() -> CommandNode? {
        try? JSONDecoder().decode(Document.self, from: Data(CRMTop._dumpHelp().utf8)).command
    }

    func answers(to word: String) -> Bool { commandName == word || (aliases ?? []).contains(word) }

    var defaultCommand: CommandNode? {
        defaultSubcommand.flatMap { name in subcommands?.first { $0.commandName == name } }
    }

    var takesPositionals: Bool { (arguments ?? []).contains { $0.kind == "positional" } }

    /// The flag or option `word` names, here or in the default command the parser would hand
    /// it to; `takesValue` when the next word is its value (not so for `--name=value`).
    func option(_ word: String) -> (name: String, takesValue: Bool)? {
        let name = String(word.prefix { $0 != "=" })
        if ["-h", "--help", "--version"].contains(name) { return (name, false) }
        for argument in arguments ?? [] where argument.kind != "positional" {
            let spellings = (argument.names ?? []).map { $0.kind == "long" ? "--" + $0.name : "-" + $0.name }
            if spellings.contains(name) { return (name, argument.kind == "option" && !word.contains("=")) }
        }
        return defaultCommand?.option(word)
    }
}
