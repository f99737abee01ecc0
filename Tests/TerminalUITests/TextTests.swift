import Testing
@testable import TerminalUI

@Suite struct TextTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String, width: Int, expected: String
        var testDescription: String { "\(text.debugDescription) to \(width)" }
    }

    static let cases: [Case] = [
        Case(text: "abcdef", width: 6, expected: "abcdef"),
        Case(text: "abcdef", width: 5, expected: "abcd…"),
        Case(text: "abcdef", width: 1, expected: "…"),
        Case(text: "abcdef", width: 0, expected: ""),
        Case(text: "abcdef", width: -1, expected: ""),
        Case(text: "", width: 3, expected: ""),
        Case(text: "中文字", width: 6, expected: "中文字"),
        Case(text: "中文字", width: 5, expected: "中文…"),
        Case(text: "中文字", width: 4, expected: "中…"),
        Case(text: "中文字", width: 2, expected: "…"),
        Case(text: "a中b", width: 3, expected: "a…"),
        Case(text: "e\u{301}e\u{301}e\u{301}", width: 2, expected: "e\u{301}…"),
        Case(text: "👍🏽👍🏽", width: 3, expected: "👍🏽…"),
        Case(text: "🇩🇪🇫🇷", width: 3, expected: "🇩🇪…"),
        Case(text: "\u{1112}\u{1161}\u{11AB}\u{1112}\u{1161}\u{11AB}", width: 3, expected: "\u{1112}\u{1161}\u{11AB}…"),
    ]

    @Test(arguments: cases) func truncate(_ c: Case) {
        #expect(Text.truncate(c.text, to: c.width) == c.expected)
    }

    /// Whatever is cut, the result fits, is the original or a whole-grapheme prefix of it
    /// followed by `…`, and uses as much of the room as it can.
    @Test func truncateNeverSplitsAGraphemeOrWideGlyph() {
        var rng = SeededGenerator(seed: 11)
        let pieces = ["a", "中", "e\u{301}", "👍🏽", "🇩🇪", "\u{1112}\u{1161}\u{11AB}", "ｶ", "Ａ"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let width = Int.random(in: 0...20, using: &rng)
            let out = Text.truncate(text, to: width)
            #expect(DisplayWidth.of(out) <= max(0, width))
            if DisplayWidth.of(text) <= width {
                #expect(out == text)
            } else if width > 0 {
                #expect(out.last == Text.ellipsis)
                let kept = out.dropLast()
                #expect(text.starts(with: kept))
                let next = text.dropFirst(kept.count).first.map { DisplayWidth.of($0) } ?? 0
                #expect(DisplayWidth.of(kept) + next > width - 1, "gave up room in \(text.debugDescription) to \(width)")
            }
        }
    }

    @Test func fitPadsOrTruncatesToExactly() {
        #expect(Text.fit("ab", to: 4) == "ab  ")
        #expect(Text.fit("ab", to: 4, alignRight: true) == "  ab")
        #expect(Text.fit("abcdef", to: 4) == "abc…")
        #expect(Text.fit("中文字", to: 4) == "中… ")
        #expect(Text.fit("中文字", to: 4, alignRight: true) == " 中…")
        #expect(Text.fit("x", to: 0) == "")
        for w in 0...8 { #expect(DisplayWidth.of(Text.fit("中a文b", to: w)) == w) }
    }
}

@Suite struct TextWrapTests {
    @Test func breaksAtSpacesWithinTheWidth() {
        #expect(Text.wrap("the due time is outside working hours", width: 15)
            == ["the due time is", "outside working", "hours"])
        #expect(Text.wrap("fits", width: 10) == ["fits"])
        #expect(Text.wrap("", width: 10) == [""])
    }

    @Test func aWordWiderThanALineIsSplitAndWideGlyphsCountTwice() {
        #expect(Text.wrap("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
        #expect(Text.wrap("中文字 ab", width: 4) == ["中文", "字", "ab"])
    }

    @Test func everyLineFitsAndNothingIsLost() {
        let text = "Tuesday 09:00-12:00, 13:00-17:00 and a rather longwordthatgoesonandon to end"
        for width in 1...30 {
            let lines = Text.wrap(text, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width)")
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "\(width)")
        }
    }
}
