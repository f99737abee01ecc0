import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let columns: Int
        let note: String
        init(_ text: String, _ columns: Int, _ note: String) {
            self.text = text
            self.columns = columns
            self.note = note
        }
        var testDescription: String { "\(note): \(text.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")) → \(columns)" }
    }

    static let asciiCases: [Case] = [
        Case("a", 1, "letter"), Case("hello", 5, "word"), Case(" ", 1, "space"),
        Case("~", 1, "tilde"), Case("", 0, "empty"), Case("A1 b2!", 6, "mixed"),
    ]

    static let latinCases: [Case] = [
        Case("e\u{301}", 1, "e + combining acute"),
        Case("\u{E9}", 1, "precomposed é"),
        Case("n\u{303}o", 2, "ño decomposed"),
        Case("a\u{301}\u{302}\u{323}", 1, "stacked marks"),
        Case("Cafe\u{301}", 4, "Café decomposed"),
        Case("\u{1EC7}", 1, "ệ precomposed"),
        Case("\u{3B1}\u{3B2}", 2, "Greek αβ (East Asian ambiguous is narrow)"),
    ]

    static let cjkCases: [Case] = [
        Case("中", 2, "Han"), Case("中文", 4, "Han pair"), Case("日本語", 6, "Japanese"),
        Case("あ", 2, "hiragana"), Case("カ", 2, "katakana"), Case("\u{FF76}", 1, "halfwidth katakana"),
        Case("\u{3000}", 2, "ideographic space"), Case("\u{3001}", 2, "ideographic comma"),
        Case("\u{2000B}", 2, "Extension B ideograph"), Case("\u{30000}", 2, "Extension G ideograph"),
        Case("\u{31350}", 2, "Extension H ideograph"), Case("\u{2FFC}", 2, "ideographic description character (15.1)"),
        Case("\u{31EF}", 2, "CJK stroke (15.1)"), Case("\u{1B132}", 2, "small hiragana ko (15.0)"),
        Case("\u{1AFF0}", 2, "katakana minnan tone (Kana Extended-B)"),
        Case("\u{18D00}", 2, "Tangut ideograph supplement"),
        Case("\u{3248}", 1, "circled number on black square (ambiguous)"),
        Case("\u{303F}", 1, "ideographic half fill space (narrow)"),
        Case("\u{3099}", 0, "combining kana voiced mark in a wide block"),
        Case("か\u{3099}", 2, "か + combining voiced mark"),
    ]

    static let fullwidthCases: [Case] = [
        Case("\u{FF21}", 2, "fullwidth A"), Case("\u{FF11}\u{FF12}", 4, "fullwidth 12"),
        Case("\u{FF01}", 2, "fullwidth !"), Case("\u{FFE5}", 2, "fullwidth yen"),
        Case("\u{FF61}", 1, "halfwidth ideographic full stop"),
    ]

    static let hangulCases: [Case] = [
        Case("한", 2, "syllable"), Case("한국어", 6, "word"),
        Case("\u{1112}\u{1161}\u{11AB}", 2, "conjoining L V T"),
        Case("\u{1100}\u{1161}", 2, "conjoining L V"),
        Case("\u{1100}", 2, "leading consonant alone"),
        Case("\u{1161}", 0, "medial vowel alone"),
        Case("\u{11A8}", 0, "final consonant alone"),
        Case("\u{A960}", 2, "Jamo Extended-A leading consonant"),
        Case("\u{D7B0}", 0, "Jamo Extended-B medial vowel"),
        Case("\u{D7CB}", 0, "Jamo Extended-B final consonant"),
        Case("\u{A960}\u{D7B0}\u{D7CB}", 2, "old Hangul syllable from extended jamo"),
        Case("\u{3131}", 2, "compatibility jamo"),
        Case("\u{FFA1}", 1, "halfwidth jamo"),
    ]

    static let emojiCases: [Case] = [
        Case("😀", 2, "grinning face"), Case("🚀", 2, "rocket"), Case("\u{231A}", 2, "watch (BMP)"),
        Case("\u{2615}", 2, "hot beverage"), Case("\u{2B50}", 2, "star"), Case("🫠", 2, "melting face (14.0)"),
        Case("\u{1FAE8}", 2, "shaking face (15.0)"), Case("a😀b", 4, "between letters"),
        Case("\u{263A}", 1, "smiling face, text presentation"),
        Case("\u{2764}", 1, "heavy heart, text presentation"),
        Case("\u{1F321}", 1, "thermometer, text presentation"),
        Case("\u{1F5A5}", 1, "desktop computer, text presentation"),
        Case("\u{1F6E0}", 1, "hammer and wrench, text presentation"),
    ]

    static let modifiersCases: [Case] = [
        Case("👍🏽", 2, "thumbs up, medium skin tone"),
        Case("👋🏿", 2, "waving hand, dark skin tone"),
        Case("🧑🏻", 2, "person, light skin tone"),
        Case("👍🏽👍🏽", 4, "two of them"),
        Case("\u{1F3FD}", 2, "modifier alone"),
        Case("👨\u{200D}👩\u{200D}👧", 2, "ZWJ family, one grapheme"),
    ]

    static let flagsCases: [Case] = [
        Case("🇩🇪", 2, "Germany"), Case("🇯🇵", 2, "Japan"), Case("🇩🇪🇫🇷", 4, "two flags"),
        Case("\u{1F1E6}", 2, "lone regional indicator"),
    ]

    // The keycap base decides: the sanitiser drops U+FE0F (terminals disagree on
    // whether it makes the cap two columns), leaving base + enclosing mark in one cell.
    static let keycapsCases: [Case] = [
        Case("1\u{FE0F}\u{20E3}", 1, "keycap 1"), Case("#\u{FE0F}\u{20E3}", 1, "keycap #"),
        Case("*\u{20E3}", 1, "keycap * without selector"), Case("\u{20E3}", 0, "enclosing keycap alone"),
    ]

    static let invisibleCases: [Case] = [
        Case("\u{200B}", 0, "zero-width space"), Case("\u{200C}", 0, "ZWNJ"), Case("\u{200D}", 0, "ZWJ"),
        Case("\u{2060}", 0, "word joiner"), Case("\u{FEFF}", 0, "BOM"), Case("\u{202E}", 0, "RLO"),
        Case("\u{2066}", 0, "LRI"), Case("\u{061C}", 0, "ALM"), Case("\u{200F}", 0, "RLM"),
        Case("\u{FE0F}", 0, "VS16"), Case("\u{E0041}", 0, "tag A"), Case("\u{0301}", 0, "combining acute"),
        Case("\u{0600}", 0, "Arabic number sign"), Case("\u{034F}", 0, "combining grapheme joiner"),
        Case("\u{0}", 0, "NUL"), Case("\u{1B}", 0, "ESC"), Case("\u{7F}", 0, "DEL"), Case("\u{85}", 0, "NEL"),
        Case("\u{9B}", 0, "C1 CSI"), Case("a\u{200B}b", 2, "ZWSP between letters"),
    ]

    static let ambiguousNarrowCases: [Case] = [
        Case("…", 1, "ellipsis"), Case("─│┌┐└┘", 6, "box drawing"),
        Case("█░▏▎▍▌▋▊▉▀▄", 11, "blocks"), Case("·", 1, "middle dot"), Case("\u{FFFD}", 1, "replacement character"),
    ]

    @Test(arguments: asciiCases) func asciiText(_ c: Case) { #expect(DisplayWidth.of(c.text) == c.columns) }
    @Test(arguments: latinCases) func latinWithCombiningMarks(_ c: Case) { #expect(DisplayWidth.of(c.text) == c.columns) }
    @Test(arguments: cjkCases) func cjkIsWide(_ c: Case) { #expect(DisplayWidth.of(c.text) == c.columns) }
    @Test(arguments: fullwidthCases) func fullwidthForms(_ c: Case) { #expect(DisplayWidth.of(c.text) == c.columns) }
    @Test(arguments: hangulCases) func hangulSyllablesAndJamo(_ c: Case) { #expect(DisplayWidth.of(c.text) == c.columns) }
    @Test(arguments: emojiCases) func emojiPresentation(_ c: Case) { #expect(DisplayWidth.of(c.text) == c.columns) }
    @Test(arguments: flagsCases) func flags(_ c: Case) { #expect(DisplayWidth.of(c.text) == c.columns) }
    @Test(arguments: keycapsCases) func keycaps(_ c: Case) { #expect(DisplayWidth.of(c.text) == c.columns) }
    @Test(arguments: invisibleCases) func zeroWidthAndFormat(_ c: Case) { #expect(DisplayWidth.of(c.text) == c.columns) }
    @Test(arguments: ambiguousNarrowCases) func ambiguousIsNarrow(_ c: Case) { #expect(DisplayWidth.of(c.text) == c.columns) }

    @Test(arguments: modifiersCases) func skinTonesAndSequencesAreOneGrapheme(_ c: Case) {
        #expect(DisplayWidth.of(c.text) == c.columns)
        #expect(c.text.count * 2 == c.columns)
    }

    @Test func flagIsOneGrapheme() {
        #expect("🇩🇪".count == 1)
        #expect(DisplayWidth.of(Character("🇩🇪")) == 2)
    }

    @Test func stringWidthIsSumOfGraphemeWidths() {
        let samples = ["Cafe\u{301} 中文 👍🏽 🇩🇪 한\u{1161}", "\u{1112}\u{1161}\u{11AB}x", "abc", "\u{301}x"]
        for s in samples {
            #expect(DisplayWidth.of(s) == s.reduce(0) { $0 + DisplayWidth.of($1) })
            #expect(DisplayWidth.of(Substring(s)) == DisplayWidth.of(s))
        }
    }

    /// Every scalar: 0, 1 or 2 columns; controls, marks and format characters 0;
    /// emoji presentation 2. Guards the tables against a typo in a range.
    @Test func everyScalarHasASaneWidth() {
        var bad: [String] = []
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let w = DisplayWidth.of(s)
            let p = s.properties
            let expectZero = v < 0x20 || (0x7F..<0xA0).contains(v)
                || (v >= 0x300 && [.nonspacingMark, .enclosingMark, .format].contains(p.generalCategory))
            if !(0...2).contains(w)
                || (expectZero && w != 0)
                || (p.isEmojiPresentation && !expectZero && w != 2)
                || (p.generalCategory == .spaceSeparator && v != 0x3000 && w != 1)
                || (p.generalCategory == .privateUse && w != 1) {
                bad.append(String(v, radix: 16))
            }
            if bad.count > 20 { break }
        }
        #expect(bad.isEmpty, "unexpected widths at U+\(bad.joined(separator: ", U+"))")
    }
}
