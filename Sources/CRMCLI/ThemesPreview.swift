import CRMApp
import CursesBackend
import TerminalUI

/// How many colours escape codes may use on the terminal `crmtop themes` writes to.
enum ColorDepth: Equatable {
    /// `NO_COLOR`: bold, underline and reverse still show.
    case attributesOnly
    case palette(Int)
    case trueColor

    /// A guess from the environment alone: reading terminfo would take curses, which
    /// CLI commands never start. `COLORTERM` is how terminals announce true colour.
    static func detect(_ environment: [String: String]) -> ColorDepth {
        let term = environment["TERM"] ?? ""
        let colorterm = (environment["COLORTERM"] ?? "").lowercased()
        if colorterm == "truecolor" || colorterm == "24bit" || term.hasSuffix("-direct") { return .trueColor }
        if term.contains("256color") { return .palette(256) }
        if term.contains("16color") { return .palette(16) }
        // Their terminfo entries promise 8; nearly every other emulator also knows 90–97.
        let eightColor = ["screen", "tmux", "linux", "vt", "ansi", "cons"]
        return eightColor.contains { term.hasPrefix($0) } ? .palette(8) : .palette(16)
    }
}

/// A line of dashboard-like text in a theme, in colour or described role by role.
enum ThemePreview {
    static let sample: [(Role, String)] = [
        (.header, " crmtop 11:00 "), (.headerAccent, " 3 due "), (.text, " "),
        (.priorityHigh, "high"), (.text, " "), (.reminderOverdue, "overdue 25m"), (.text, " "),
        (.slaBreached, "-0:12:09"), (.text, " "), (.slaWarning, "0:40:00"), (.text, " "),
        (.slaOnTrack, "3:10:00"), (.text, " "), (.slaPaused, "paused"), (.text, " "),
        (.rankUp, "up 1"), (.text, " "), (.gaugeFilled, "#####"), (.gaugeEmpty, "-----"), (.text, " "),
        (.selection, " selected row "),
    ]

    static func colored(_ palette: Palette, depth: ColorDepth) -> String {
        sample.map { role, text in
            let sgr = escape(palette.style(for: role), depth: depth)
            return sgr.isEmpty ? text : sgr + text + "\u{1B}[0m"
        }.joined()
    }

    /// For pipes and files: each role the sample uses, with its text and its style.
    static func described(_ palette: Palette) -> [String] {
        sample.filter { $0.0 != .text }.map { role, text in
            let name = ThemeLoader.fileName(of: role)
            return name.padding(toLength: 20, withPad: " ", startingAt: 0)
                + text.trimmingCharacters(in: .whitespaces).padding(toLength: 16, withPad: " ", startingAt: 0)
                + ThemeLoader.describe(palette.style(for: role))
        }
    }

    static func escape(_ style: TextStyle, depth: ColorDepth) -> String {
        let attributes: [(TextAttributes, Int)] = [
            (.bold, 1), (.dim, 2), (.italic, 3), (.underline, 4), (.blink, 5), (.reverse, 7),
        ]
        var codes = attributes.filter { style.attributes.contains($0.0) }.map(\.1)
        codes += color(style.foreground, depth: depth, base: 30)
        codes += color(style.background, depth: depth, base: 40)
        return codes.isEmpty ? "" : "\u{1B}[" + codes.map(String.init).joined(separator: ";") + "m"
    }

    /// `base` is 30 for the foreground, 40 for the background.
    private static func color(_ color: TermColor, depth: ColorDepth, base: Int) -> [Int] {
        let colors: Int
        switch depth {
        case .attributesOnly:
            return []
        case .trueColor:
            if case .rgb(let r, let g, let b) = color { return [base + 8, 2, Int(r), Int(g), Int(b)] }
            colors = 256
        case .palette(let n):
            colors = n
        }
        let index = ColorDegradation.index(of: color, colors: colors)
        switch index {
        case ..<0: return []
        case 0..<8: return [base + index]
        case 8..<16: return [base + 60 + index - 8]
        default: return [base + 8, 5, index]
        }
    }
}
