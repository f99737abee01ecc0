import Testing
@testable import TerminalUI

/// Swift string literals refuse noncharacters, so those are built from their values.
private func scalar(_ v: UInt32) -> String { String(Unicode.Scalar(v)!) }

@Suite struct SanitizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: String
        let note: String
        init(_ input: String, _ expected: String, _ note: String) {
            self.input = input
            self.expected = expected
            self.note = note
        }
        var testDescription: String { "\(note): \(input.debugDescription)" }
    }

    static let escapeSequences: [Case] = [
        Case("\u{1B}[31mred", "\u{FFFD}red", "CSI colour"),
        Case("\u{1B}[0m", "\u{FFFD}", "CSI reset attributes"),
        Case("\u{1B}[38;5;196mX\u{1B}[0m", "\u{FFFD}X\u{FFFD}", "CSI 256 colour"),
        Case("\u{1B}[38:2::255:0:0mX", "\u{FFFD}X", "CSI truecolour with colons"),
        Case("\u{1B}[2J\u{1B}[H", "\u{FFFD}\u{FFFD}", "clear screen, cursor home"),
        Case("a\u{1B}[10;20Hb", "a\u{FFFD}b", "cursor position"),
        Case("a\u{1B}[5Ab\u{1B}[3Dc", "a\u{FFFD}b\u{FFFD}c", "cursor up and back"),
        Case("\u{1B}[?1049l\u{1B}[?25h", "\u{FFFD}\u{FFFD}", "private modes: alternate screen, cursor"),
        Case("\u{1B}[>0q", "\u{FFFD}", "CSI with > prefix"),
        Case("\u{1B}[1 q", "\u{FFFD}", "CSI with intermediate (cursor shape)"),
        Case("\u{1B}]8;;https://evil.example/\u{7}click\u{1B}]8;;\u{7}", "\u{FFFD}click\u{FFFD}", "OSC 8 hyperlink, BEL"),
        Case("\u{1B}]8;id=1;https://x.example/\u{1B}\\link\u{1B}]8;;\u{1B}\\", "\u{FFFD}link\u{FFFD}", "OSC 8 hyperlink, ST"),
        Case("\u{1B}]0;pwned\u{7}title", "\u{FFFD}title", "OSC 0 title, BEL"),
        Case("\u{1B}]0;pwned\u{1B}\\title", "\u{FFFD}title", "OSC 0 title, ESC \\"),
        Case("\u{1B}]2;pwned\u{9C}title", "\u{FFFD}title", "OSC 2 title, C1 ST"),
        Case("\u{1B}]52;c;ZXZpbA==\u{7}x", "\u{FFFD}x", "OSC 52 clipboard write"),
        Case("\u{1B}]0;日本語タイトル\u{7}x", "\u{FFFD}x", "OSC with non-ASCII payload"),
        Case("a\u{1B}]0;never ends", "a\u{FFFD}", "unterminated OSC"),
        Case("\u{1B}P1$qm\u{1B}\\after", "\u{FFFD}after", "DCS request"),
        Case("\u{1B}Pq#0;2;0;0;0\u{7}still\u{1B}\\after", "\u{FFFD}after", "DCS is not ended by BEL"),
        Case("\u{1B}_Gf=100;AAAA\u{1B}\\x", "\u{FFFD}x", "APC (kitty graphics)"),
        Case("\u{1B}^pm\u{1B}\\x", "\u{FFFD}x", "PM"),
        Case("\u{1B}Xsos\u{1B}\\x", "\u{FFFD}x", "SOS"),
        Case("\u{1B}c", "\u{FFFD}", "RIS full reset"),
        Case("a\u{1B}cb", "a\u{FFFD}b", "RIS between letters"),
        Case("\u{1B}7save\u{1B}8", "\u{FFFD}save\u{FFFD}", "DECSC/DECRC"),
        Case("\u{1B}(0lqk\u{1B}(B", "\u{FFFD}lqk\u{FFFD}", "designate line drawing set"),
        Case("\u{1B}#8", "\u{FFFD}", "DECALN screen fill"),
        Case("\u{1B}%G", "\u{FFFD}", "select UTF-8"),
        Case("\u{1B}M\u{1B}D\u{1B}E", "\u{FFFD}\u{FFFD}\u{FFFD}", "RI, IND, NEL as escapes"),
        Case("\u{1B}=\u{1B}>", "\u{FFFD}\u{FFFD}", "keypad modes"),
        Case("\u{9B}31mred", "\u{FFFD}red", "C1 CSI"),
        Case("\u{9B}2J\u{9B}1;1H", "\u{FFFD}\u{FFFD}", "C1 CSI clear and home"),
        Case("\u{9D}0;pwned\u{7}x", "\u{FFFD}x", "C1 OSC"),
        Case("\u{90}1$qm\u{9C}x", "\u{FFFD}x", "C1 DCS"),
        Case("\u{9F}apc\u{9C}x", "\u{FFFD}x", "C1 APC"),
        Case("\u{98}sos\u{9C}x", "\u{FFFD}x", "C1 SOS"),
        Case("\u{9E}pm\u{9C}x", "\u{FFFD}x", "C1 PM"),
        Case("abc\u{1B}", "abc\u{FFFD}", "ESC at the end"),
        Case("abc\u{1B}[", "abc\u{FFFD}", "CSI cut short"),
        Case("abc\u{1B}[12;", "abc\u{FFFD}", "CSI parameters cut short"),
        Case("\u{1B}[3\n1mX", "\u{FFFD}X", "C0 inside CSI does not end it"),
        Case("\u{1B}[3\u{18}1m", "\u{FFFD}1m", "CAN cancels CSI"),
        Case("\u{1B}[3\u{1A}1m", "\u{FFFD}1m", "SUB cancels CSI"),
        Case("\u{1B}[3\u{1B}[31mX", "\u{FFFD}\u{FFFD}X", "ESC restarts inside CSI"),
        Case("\u{1B}]0;t\u{1B}[31mX", "\u{FFFD}\u{FFFD}X", "ESC ends OSC and starts CSI"),
        Case("\u{1B}\u{1B}[31mX", "\u{FFFD}\u{FFFD}X", "double ESC"),
        Case("\u{1B}[31\u{9B}32mX", "\u{FFFD}\u{FFFD}X", "C1 CSI inside CSI"),
        Case("\u{1B}é", "\u{FFFD}é", "ESC before non-ASCII"),
        Case("\u{1B}[3é", "\u{FFFD}é", "non-ASCII ends CSI"),
    ]

    static let invisibles: [Case] = [
        Case("abc\u{202E}fed", "abcfed", "RLO override"),
        Case("\u{202D}a\u{202C}", "a", "LRO, PDF"),
        Case("\u{202A}\u{202B}x\u{202C}", "x", "embeddings"),
        Case("\u{2066}x\u{2069}\u{2067}y\u{2069}\u{2068}z\u{2069}", "xyz", "isolates"),
        Case("\u{200E}\u{200F}\u{061C}ok", "ok", "marks LRM RLM ALM"),
        Case("a\u{200B}b", "ab", "zero-width space"),
        Case("a\u{200C}b\u{200D}c", "abc", "ZWNJ, ZWJ"),
        Case("a\u{2060}b\u{2061}\u{2062}\u{2063}\u{2064}", "ab", "word joiner, invisible operators"),
        Case("\u{FEFF}BOM", "BOM", "byte order mark"),
        Case("soft\u{AD}hyphen", "softhyphen", "soft hyphen"),
        Case("a\u{2028}b", "a\u{FFFD}b", "line separator"),
        Case("a\u{2029}b", "a\u{FFFD}b", "paragraph separator"),
        Case("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "🏴", "tag sequence"),
        Case("a\u{E0001}\u{E0041}b", "ab", "language tag"),
        Case("\u{2764}\u{FE0F}", "\u{2764}", "emoji presentation selector"),
        Case("\u{2764}\u{FE0E}", "\u{2764}", "text presentation selector"),
        Case("1\u{FE0F}\u{20E3}", "1\u{20E3}", "keycap keeps its enclosing mark"),
        Case("\u{845B}\u{E0100}", "\u{845B}", "ideographic variation selector"),
        Case("a\u{034F}b", "ab", "combining grapheme joiner"),
        Case("\u{1820}\u{180B}", "\u{1820}", "Mongolian free variation selector"),
        Case("👨\u{200D}👩\u{200D}👧", "👨👩👧", "ZWJ sequence falls apart"),
        Case("\u{0600}12", "12", "prepended Arabic number sign"),
        Case("\u{FFF9}a\u{FFFA}b\u{FFFB}", "ab", "interlinear annotation"),
        Case("\u{1D173}x", "x", "musical format character"),
    ]

    static let controls: [Case] = [
        Case("a\nb", "a b", "newline"),
        Case("a\r\nb", "a  b", "CR LF"),
        Case("a\tb", "a b", "tab"),
        Case("a\u{0}b", "a\u{FFFD}b", "NUL"),
        Case("ding\u{7}", "ding\u{FFFD}", "BEL"),
        Case("back\u{8}\u{8}", "back\u{FFFD}\u{FFFD}", "backspace"),
        Case("a\u{7F}b", "a\u{FFFD}b", "DEL"),
        Case("a\u{85}b", "a\u{FFFD}b", "NEL"),
        Case("\u{C}\u{B}", "\u{FFFD}\u{FFFD}", "form feed, vertical tab"),
    ]

    static let baseless: [Case] = [
        Case("\u{301}abc", "abc", "combining mark at the start"),
        Case("\u{200B}\u{301}x", "x", "mark left alone by a removed space"),
        Case("\u{301}\u{302}\u{303}", "", "nothing but marks"),
        Case("x\u{301}", "x\u{301}", "mark with a base stays"),
        Case("\u{1B}[1m\u{301}x", "\u{FFFD}\u{301}x", "mark after a replaced sequence sits on the replacement"),
        Case("\u{1161}", "", "Hangul vowel alone"),
        Case("\u{AC01}\u{1161}", "\u{AC01}", "Hangul vowel after a closed syllable"),
        Case("\u{AC00}\u{11A8}", "\u{AC00}\u{11A8}", "LV + T is one syllable"),
        Case("a\u{D7B0}", "a", "extended-B vowel after a letter"),
        Case("\u{20E3}", "", "enclosing keycap alone"),
    ]

    static let unassigned: [Case] = [
        Case("\u{378}", "\u{FFFD}", "unassigned Greek"),
        Case("a" + scalar(0xFFFF) + "b", "a\u{FFFD}b", "noncharacter U+FFFF"),
        Case(scalar(0xFDD0), "\u{FFFD}", "noncharacter U+FDD0"),
        Case(scalar(0x10FFFF), "\u{FFFD}", "last code point"),
        Case("\u{E000}", "\u{E000}", "private use is kept"),
    ]

    static let untouched = [
        "plain ASCII, with punctuation: ~!@#$%^&*()_+{}|:\"<>?", "Cafe\u{301} crème brûlée",
        "日本語のテキスト", "한국어", "\u{1112}\u{1161}\u{11AB}", "Ελληνικά", "עברית", "مرحبا",
        "👍🏽 🇩🇪 🇯🇵 😀", "Ａ１", "\u{FFFD}", "x\u{E000}", "", " ", "ﾊﾝｶｸ",
    ]

    @Test(arguments: escapeSequences) func escapeSequencesLeaveNoParameters(_ c: Case) {
        #expect(Sanitizer.clean(c.input) == c.expected)
    }

    @Test(arguments: invisibles) func invisibleAndReorderingCharactersAreDropped(_ c: Case) {
        #expect(Sanitizer.clean(c.input) == c.expected)
    }

    @Test(arguments: controls) func controlsAreReplaced(_ c: Case) {
        #expect(Sanitizer.clean(c.input) == c.expected)
    }

    @Test(arguments: baseless) func marksWithoutABaseAreDropped(_ c: Case) {
        #expect(Sanitizer.clean(c.input) == c.expected)
    }

    @Test(arguments: unassigned) func unassignedCodePointsAreReplaced(_ c: Case) {
        #expect(Sanitizer.clean(c.input) == c.expected)
    }

    @Test(arguments: untouched) func safeTextPassesUnchanged(_ text: String) {
        #expect(Sanitizer.clean(text) == text)
    }

    /// Every C0 and C1 control and DEL, between two letters. ESC and the C1 introducers
    /// take the `b` as part of their sequence, as a terminal would.
    @Test(arguments: Array(UInt32(0)...0x1F) + Array(UInt32(0x7F)...0x9F))
    func everyControlCharacter(_ value: UInt32) {
        let c = Character(Unicode.Scalar(value)!)
        let out = Sanitizer.clean("a\(c)b")
        let expected: String
        switch value {
        case 0x09, 0x0A, 0x0D: expected = "a b"
        case 0x1B, 0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F: expected = "a\u{FFFD}"
        default: expected = "a\u{FFFD}b"
        }
        #expect(out == expected)
        #expect(!out.unicodeScalars.contains(where: isForbidden))
    }

    // MARK: - Properties over generated strings

    /// Pieces that nasty titles are made of. No piece contains `HIDDEN` except inside the
    /// payload of an escape sequence, so it must never reach the output.
    static func nastyPiece(_ rng: inout SeededGenerator) -> String {
        func pick(_ range: ClosedRange<UInt32>) -> String {
            String(Unicode.Scalar(UInt32.random(in: range, using: &rng))!)
        }
        let params = (0..<Int.random(in: 0...3, using: &rng)).map { _ in String(Int.random(in: 0...255, using: &rng)) }
            .joined(separator: ";")
        switch Int.random(in: 0..<30, using: &rng) {
        case 0, 1, 2: return String((0..<Int.random(in: 1...6, using: &rng)).map { _ in
            "abcdefghijklmnopqrstuvwxyz0123456789 .,:;!?[]-_~".randomElement(using: &rng)! })
        case 3: return pick(0x00...0x1F)
        case 4: return pick(0x7F...0x9F)
        case 5: return "\u{1B}[\(params)\(["m", "H", "J", "K", "A", "q", " q", "?25l"].randomElement(using: &rng)!)"
        case 6: return "\u{1B}]\(["0", "2", "8;;http://x.example/", "52;c"].randomElement(using: &rng)!);HIDDEN"
            + ["\u{7}", "\u{1B}\\", "\u{9C}"].randomElement(using: &rng)!
        case 7: return "\u{1B}\(["P", "_", "^", "X"].randomElement(using: &rng)!)HIDDEN"
            + ["\u{1B}\\", "\u{9C}"].randomElement(using: &rng)!
        case 8: return "\u{9B}\(params)m"
        case 9: return "\u{9D}0;HIDDEN\u{7}"
        case 10: return "\u{1B}" + ["c", "7", "8", "(0", "(B", "#8", "=", ">", "M", ""].randomElement(using: &rng)!
        case 11: return pick(0x300...0x36F)
        case 12: return ["\u{20D0}", "\u{20E3}", "\u{3099}", "\u{034F}", "\u{0E31}", "\u{093F}", "\u{0941}"].randomElement(using: &rng)!
        case 13: return pick(0x200B...0x200F)
        case 14: return pick(0x202A...0x202E)
        case 15: return pick(0x2060...0x206F)
        case 16: return ["\u{FEFF}", "\u{061C}", "\u{AD}", "\u{2028}", "\u{2029}", "\u{180E}", "\u{0600}", "\u{FFF9}"].randomElement(using: &rng)!
        case 17: return pick(0xFE00...0xFE0F)
        case 18: return pick(0xE0000...0xE007F)
        case 19: return pick(0x4E00...0x4E80) + pick(0x3041...0x3096)
        case 20: return pick(0xAC00...0xD7A3)
        case 21: return pick(0x1100...0x115F) + pick(0x1160...0x11A7) + pick(0x11A8...0x11FF)
        case 22: return pick(0x1160...0x11FF) + pick(0xD7B0...0xD7FB)
        case 23: return pick(0x1F600...0x1F64F) + (Bool.random(using: &rng) ? pick(0x1F3FB...0x1F3FF) : "")
        case 24: return pick(0x1F1E6...0x1F1FF)
        case 25: return ["👨\u{200D}👩\u{200D}👧", "1\u{FE0F}\u{20E3}", "\u{2764}\u{FE0F}", "🏳\u{FE0F}\u{200D}🌈"].randomElement(using: &rng)!
        case 26: return pick(0xFF01...0xFF60) + pick(0xFF61...0xFFDC)
        case 27: return ["\u{378}", scalar(0xFFFF), "\u{E000}", scalar(0x10FFFF), "\u{1F321}", "\u{263A}"].randomElement(using: &rng)!
        case 28: return pick(0x5D0...0x5EA) + pick(0x621...0x64A)
        default:
            while true {
                if let s = Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &rng)) { return String(s) }
            }
        }
    }

    static func generatedNastyStrings(count: Int, seed: UInt64) -> [String] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...24, using: &rng)).map { _ in nastyPiece(&rng) }.joined()
        }
    }

    @Test func generatedStringsCleanSafely() {
        let inputs = Self.generatedNastyStrings(count: 3000, seed: 0x5EED_C0DE)
        // The generator must really produce what this test is about.
        #expect(inputs.filter { $0.contains("HIDDEN") }.count > 500)
        #expect(inputs.filter { $0.unicodeScalars.contains("\u{1B}") }.count > 1000)
        var failures: [String] = []
        for (i, input) in inputs.enumerated() {
            let out = Sanitizer.clean(input)
            var why: [String] = []
            if let bad = out.unicodeScalars.first(where: isForbidden) {
                why.append("forbidden U+\(String(bad.value, radix: 16))")
            }
            if let ch = out.first(where: { DisplayWidth.of($0.unicodeScalars.first!) == 0 }) {
                why.append("grapheme \(String(ch).debugDescription) starts with a zero-width scalar")
            }
            if DisplayWidth.of(out) != cellTerminalColumns(out) {
                why.append("width \(DisplayWidth.of(out)) but a terminal uses \(cellTerminalColumns(out))")
            }
            if Sanitizer.clean(out) != out { why.append("not idempotent") }
            if out.contains("HIDDEN") { why.append("escape payload visible") }
            if !why.isEmpty {
                failures.append("#\(i) \(input.debugDescription) → \(out.debugDescription): \(why.joined(separator: "; "))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(3).joined(separator: "\n"))")
    }

    /// What `DisplayWidth` says a cleaned string takes is what the cell buffer uses, and
    /// the cells read back as the same text.
    @Test func cleanedWidthMatchesCellsUsed() {
        var failures: [String] = []
        for input in Self.generatedNastyStrings(count: 1000, seed: 42) {
            let out = Sanitizer.clean(input)
            let width = DisplayWidth.of(out)
            var buffer = CellBuffer(size: Size(width: width + 2, height: 1))
            let used = buffer.put(input, x: 0, y: 0, role: .text)
            let line = buffer.line(0)
            if used != width || line != out + "  " {
                failures.append("\(input.debugDescription): width \(width), used \(used), line \(line.debugDescription)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(3).joined(separator: "\n"))")
    }

    /// Text made only of safe pieces is never changed.
    @Test func generatedSafeStringsPassUnchanged() {
        var rng = SeededGenerator(seed: 7)
        let pieces = ["a", "Z", "7", " ", ".", "e\u{301}", "\u{E9}", "中", "あ", "한", "\u{1112}\u{1161}\u{11AB}",
                      "😀", "👍🏽", "🇩🇪", "Ａ", "ｶ", "α", "ש", "ب", "\u{FFFD}", "…", "█"]
        for _ in 0..<500 {
            let s = (0..<Int.random(in: 0...20, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(Sanitizer.clean(s) == s)
        }
    }

    @Test func plainASCIIIsReturnedAsIs() {
        let s = String((0x20..<0x7F).map { Character(Unicode.Scalar($0)!) })
        #expect(Sanitizer.clean(s) == s)
    }
}
