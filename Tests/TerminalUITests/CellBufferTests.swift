import Testing
@testable import TerminalUI

@Suite struct CellBufferTests {
    static func buffer(_ w: Int, _ h: Int = 1, filledWith ch: Character? = nil) -> CellBuffer {
        var b = CellBuffer(size: Size(width: w, height: h))
        if let ch { b.fill(b.bounds, role: .dim, with: ch) }
        return b
    }

    // MARK: put and clipping

    @Test func putDrawsAndReturnsColumnsUsed() {
        var b = Self.buffer(10)
        #expect(b.put("a中b", x: 1, y: 0, role: .emphasis) == 4)
        #expect(b.line(0) == " a中b     ")
        #expect(b.roleLines() == [".EEEE....."])
    }

    @Test func putClipsAtTheRightEdge() {
        var b = Self.buffer(5)
        #expect(b.put("abcdefg", x: 2, y: 0, role: .text) == 3)
        #expect(b.line(0) == "  abc")
    }

    @Test func putClipsAtMaxWidthAndLeavesTheRestAlone() {
        var b = Self.buffer(8, filledWith: "x")
        #expect(b.put("abcdef", x: 1, y: 0, role: .text, maxWidth: 3) == 3)
        #expect(b.line(0) == "xabcxxxx")
        #expect(b.roleLines() == ["d...dddd"])
    }

    @Test func putClipsAtTheLeftEdge() {
        var b = Self.buffer(5)
        b.put("abcdef", x: -2, y: 0, role: .text)
        #expect(b.line(0) == "cdef ")
    }

    @Test(arguments: [-1, 1, 5, 100])
    func putOutsideTheRowsDrawsNothing(_ y: Int) {
        var b = Self.buffer(5, filledWith: "x")
        let before = b
        #expect(b.put("abc", x: 0, y: y, role: .text) == 0)
        #expect(b == before)
    }

    @Test func putBeyondTheLastColumnDrawsNothing() {
        var b = Self.buffer(5, filledWith: "x")
        let before = b
        #expect(b.put("abc", x: 5, y: 0, role: .text) == 0)
        b.put("abc", x: -10, y: 0, role: .text, maxWidth: 5)
        #expect(b == before)
    }

    @Test(arguments: [0, -3])
    func putWithNoRoomDrawsNothing(_ maxWidth: Int) {
        var b = Self.buffer(5, filledWith: "x")
        let before = b
        #expect(b.put("abc", x: 1, y: 0, role: .text, maxWidth: maxWidth) == 0)
        #expect(b == before)
    }

    @Test func hugeMaxWidthDoesNotOverflow() {
        var b = Self.buffer(5)
        #expect(b.put("abc", x: 2, y: 0, role: .text, maxWidth: Int.max) == 3)
        #expect(b.line(0) == "  abc")
    }

    // MARK: wide glyphs

    @Test func wideGlyphAtTheLastColumnBecomesASpace() {
        var b = Self.buffer(5, filledWith: "x")
        #expect(b.put("abcd中", x: 0, y: 0, role: .emphasis) == 5)
        #expect(b.line(0) == "abcd ")
        #expect(b[4, 0] == Cell(text: " ", width: 1, role: .emphasis))
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func wideGlyphAtMaxWidthBecomesASpaceInsideTheLimit() {
        var b = Self.buffer(6, filledWith: "x")
        #expect(b.put("ab中", x: 0, y: 0, role: .text, maxWidth: 3) == 3)
        #expect(b.line(0) == "ab xxx")
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func wideGlyphCutByTheLeftEdgeLeavesNothingStale() {
        var b = Self.buffer(4, filledWith: "x")
        b.put("中b", x: -1, y: 0, role: .text)
        #expect(b.line(0) == " bxx")
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func continuationCells() {
        var b = Self.buffer(4)
        b.put("中", x: 1, y: 0, role: .priorityHigh)
        #expect(b[1, 0] == Cell(text: "中", width: 2, role: .priorityHigh))
        #expect(b[2, 0].isContinuation)
        #expect(b[2, 0].text.isEmpty)
        #expect(b[2, 0].role == .priorityHigh)
        #expect(b.line(0) == " 中 ")
        #expect(b.roleLines() == [".PP."])
    }

    @Test func overwritingTheRightHalfBlanksTheLeftHalf() {
        var b = Self.buffer(4)
        b.put("中", x: 0, y: 0, role: .text)
        b.put("a", x: 1, y: 0, role: .text)
        #expect(b.line(0) == " a  ")
        #expect(b[0, 0] == Cell(text: " ", width: 1, role: .text))
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func overwritingTheLeftHalfBlanksTheRightHalf() {
        var b = Self.buffer(4)
        b.put("中", x: 1, y: 0, role: .text)
        b.put("a", x: 1, y: 0, role: .text)
        #expect(b.line(0) == " a  ")
        #expect(!b[2, 0].isContinuation)
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func wideGlyphOverTheSameWideGlyphPosition() {
        var b = Self.buffer(4)
        b.put("中", x: 0, y: 0, role: .text)
        b.put("文", x: 0, y: 0, role: .text)
        #expect(b.line(0) == "文  ")
        #expect(b[0, 0].width == 2)
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func wideGlyphStraddlingTwoWideGlyphsBlanksBothOuterHalves() {
        var b = Self.buffer(6)
        b.put("中文", x: 0, y: 0, role: .text)
        b.put("日", x: 1, y: 0, role: .text)
        #expect(b.line(0) == " 日   ")
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func redrawingALineOverAnotherKeepsColumns() {
        var b = Self.buffer(8)
        b.put("ab中文cd", x: 0, y: 0, role: .text)
        b.put("中ab文", x: 1, y: 0, role: .text)
        #expect(b.line(0) == "a中ab文d")
        #expect(DisplayWidth.of(b.line(0)) == 8)
        #expect(b.invariantViolations().isEmpty)
    }

    // MARK: padded

    struct PadCase: Sendable, CustomTestStringConvertible {
        let text: String, width: Int, right: Bool, expected: String
        var testDescription: String { "\(text.debugDescription) in \(width)\(right ? " right" : "")" }
    }

    static let padCases: [PadCase] = [
        PadCase(text: "ab", width: 5, right: false, expected: "ab   "),
        PadCase(text: "ab", width: 5, right: true, expected: "   ab"),
        PadCase(text: "abcdefgh", width: 5, right: false, expected: "abcd…"),
        PadCase(text: "abcdefgh", width: 5, right: true, expected: "abcd…"),
        PadCase(text: "abcde", width: 5, right: false, expected: "abcde"),
        PadCase(text: "中文字", width: 5, right: false, expected: "中文…"),
        PadCase(text: "中文字", width: 4, right: false, expected: "中… "),
        PadCase(text: "中文字", width: 4, right: true, expected: " 中…"),
        PadCase(text: "x", width: 1, right: false, expected: "x"),
        PadCase(text: "xy", width: 1, right: true, expected: "…"),
        PadCase(text: "\u{1B}[31mred\u{1B}[0m", width: 6, right: false, expected: "\u{FFFD}red\u{FFFD} "),
        PadCase(text: "a\nb\tc", width: 7, right: true, expected: "  a b c"),
    ]

    @Test(arguments: padCases)
    func putPaddedTruncatesAndPads(_ c: PadCase) {
        var b = Self.buffer(c.width + 4, filledWith: "x")
        #expect(b.put(padded: c.text, x: 2, y: 0, width: c.width, role: .selection, alignRight: c.right) == c.width)
        #expect(b.line(0) == "xx" + c.expected + "xx")
        #expect(b.roleLines() == ["dd" + String(repeating: "S", count: c.width) + "dd"])
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func putPaddedWithNoWidthDrawsNothing() {
        var b = Self.buffer(5, filledWith: "x")
        let before = b
        b.put(padded: "abc", x: 1, y: 0, width: 0, role: .text)
        b.put(padded: "abc", x: 1, y: 0, width: -2, role: .text, alignRight: true)
        #expect(b == before)
    }

    // MARK: nasty strings

    static let nasty: [String] = [
        "\u{1B}[31mred", "\u{1B}[2J\u{1B}[H", "a\u{1B}[10;20Hb", "\u{1B}]8;;http://x/\u{7}link\u{1B}]8;;\u{7}",
        "\u{1B}]0;t\u{1B}\\x", "\u{1B}Pq\u{1B}\\", "\u{1B}c", "\u{9B}31m", "abc\u{202E}def", "\u{2066}x\u{2069}",
        "a\u{200B}b", "\u{FEFF}x", "a\u{2028}b", "🏴\u{E0067}\u{E0062}\u{E007F}", "line\nbreak\r\ntab\t",
        "\u{301}mark", "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}", "👨\u{200D}👩\u{200D}👧", "👍🏽🇩🇪",
        "1\u{FE0F}\u{20E3}", "中文\u{1161}", "\u{0}\u{7}\u{8}\u{7F}\u{85}\u{9C}", "\u{1B}", "\u{378}",
    ]

    @Test(arguments: nasty)
    func nastyStringNeverReachesACellRawOrShiftsColumns(_ text: String) {
        for width in [1, 2, 3, 7, 20] {
            var b = Self.buffer(width + 4, filledWith: "x")
            b.put(padded: text, x: 2, y: 0, width: width, role: .text)
            #expect(b.line(0).hasPrefix("xx"))
            #expect(b.line(0).hasSuffix("xx"))
            #expect(b[width + 2, 0] == Cell(text: "x", width: 1, role: .dim))
            #expect(DisplayWidth.of(b.line(0)) == width + 4)
            #expect(b.invariantViolations().isEmpty, "\(b.invariantViolations())")
            for cell in b.cells {
                #expect(!cell.text.unicodeScalars.contains(where: isForbidden))
            }
        }
        var plain = Self.buffer(40)
        plain.put(text, x: 0, y: 0, role: .text)
        plain.put("|", x: 39, y: 0, role: .text)
        #expect(plain[39, 0].text == "|")
        #expect(plain.invariantViolations().isEmpty)
    }

    /// Random draws of generated nasty text at random places over one buffer: whatever
    /// the order, the buffer stays well formed.
    @Test func randomDrawsKeepTheBufferWellFormed() {
        var rng = SeededGenerator(seed: 99)
        let texts = SanitizerTests.generatedNastyStrings(count: 300, seed: 3)
        var b = Self.buffer(17, 4)
        for (i, text) in texts.enumerated() {
            let x = Int.random(in: -4...18, using: &rng), y = Int.random(in: -1...4, using: &rng)
            switch i % 4 {
            case 0: b.put(text, x: x, y: y, role: .text)
            case 1: b.put(text, x: x, y: y, role: .emphasis, maxWidth: Int.random(in: -1...10, using: &rng))
            case 2: b.put(padded: text, x: x, y: y, width: Int.random(in: 0...12, using: &rng), role: .dim,
                          alignRight: Bool.random(using: &rng))
            default: b.fill(Rect(x: x, y: y, width: 3, height: 2), role: .selection,
                            with: ["中", "x", "\u{1B}", "👍🏽"].randomElement(using: &rng)!)
            }
            let problems = b.invariantViolations()
            #expect(problems.isEmpty, "after draw #\(i) \(text.debugDescription): \(problems)")
            if !problems.isEmpty { break }
        }
    }

    // MARK: fill and restyle

    @Test func fillClampsToTheBuffer() {
        var b = Self.buffer(4, 3)
        b.fill(Rect(x: -2, y: -1, width: 5, height: 3), role: .selection, with: "#")
        #expect(b.textLines() == ["### ", "### ", "    "])
        b.fill(Rect(x: 2, y: 1, width: Int.max, height: Int.max), role: .error, with: "*")
        #expect(b.textLines() == ["### ", "##**", "  **"])
        b.fill(Rect(x: 9, y: 9, width: 2, height: 2), role: .error)
        b.fill(Rect(x: 0, y: 0, width: 0, height: 3), role: .error)
    }

    @Test func fillSanitisesItsCharacter() {
        var b = Self.buffer(3)
        b.fill(b.bounds, role: .text, with: "\u{1B}")
        #expect(b.line(0) == "\u{FFFD}\u{FFFD}\u{FFFD}")
        b.fill(b.bounds, role: .text, with: "\u{200B}")
        #expect(b.line(0) == "   ")
        b.fill(b.bounds, role: .text, with: "\r\n")
        #expect(b.line(0) == "   ")
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func fillWithAWideCharacterLaysPairs() {
        var b = Self.buffer(5)
        b.fill(b.bounds, role: .text, with: "中")
        #expect(b.line(0) == "中中 ")
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func fillOverHalfAWideGlyphBlanksTheOtherHalf() {
        var b = Self.buffer(4)
        b.put("中文", x: 0, y: 0, role: .text)
        b.fill(Rect(x: 1, y: 0, width: 2, height: 1), role: .selection, with: "-")
        #expect(b.line(0) == " -- ")
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func restyleClampsAndKeepsText() {
        var b = Self.buffer(4, 2)
        b.put("abcd", x: 0, y: 0, role: .text)
        b.restyle(Rect(x: -3, y: -3, width: 5, height: 4), role: .selection)
        #expect(b.roleLines() == ["SS..", "...."])
        #expect(b.line(0) == "abcd")
        b.restyle(Rect(x: 3, y: 0, width: Int.max, height: Int.max), role: .error)
        #expect(b.roleLines() == ["SS.X", "...X"])
        b.restyle(Rect(x: 10, y: 10, width: 1, height: 1), role: .error)
        b.restyle(Rect(x: 0, y: 0, width: 0, height: 0), role: .error)
        #expect(b.roleLines() == ["SS.X", "...X"])
    }

    @Test func restyleTakesAWideGlyphWhole() {
        var b = Self.buffer(6)
        b.put("a中文", x: 0, y: 0, role: .text)
        b.restyle(Rect(x: 2, y: 0, width: 2, height: 1), role: .selection)
        #expect(b.roleLines() == [".SSSS."])
    }

    // MARK: reading back

    @Test func textRoleAndPlainLines() {
        var b = Self.buffer(6, 3)
        b.put("ab中", x: 0, y: 0, role: .emphasis)
        b.put("x", x: 5, y: 2, role: .error)
        #expect(b.textLines() == ["ab中  ", "      ", "     x"])
        #expect(b.roleLines() == ["EEEE..", "......", ".....X"])
        #expect(b.plainText() == "ab中\n\n     x\n")
    }

    /// Spaces inside a line stay, those at its end go, combining marks and wide glyphs are
    /// whole; every line is the text lines' own, trimmed.
    @Test func plainTextIsTheTextLinesTrimmed() {
        var b = Self.buffer(9, 4)
        b.put("e\u{301} a", x: 0, y: 0, role: .text)
        b.put("中 文", x: 2, y: 1, role: .text)
        b.fill(Rect(x: 0, y: 3, width: 9, height: 1), role: .text, with: "-")
        b.put(" ", x: 8, y: 3, role: .text)
        #expect(b.plainText() == "e\u{301} a\n  中 文\n\n--------\n")
        #expect(b.plainText() == b.textLines().map { String($0.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n") + "\n")
    }

    // MARK: degenerate sizes

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 0, height: 3), Size(width: 3, height: 0),
                      Size(width: -2, height: -5), Size(width: 1, height: 1)])
    func tinyBuffersDoNotCrash(_ size: Size) {
        var b = CellBuffer(size: size)
        #expect(b.width >= 0 && b.height >= 0)
        #expect(b.cells.count == b.width * b.height)
        b.put("中ab", x: 0, y: 0, role: .text)
        b.put("x", x: -1, y: 0, role: .text)
        b.put(padded: "abc", x: 0, y: 0, width: 3, role: .text, alignRight: true)
        b.fill(Rect(x: -1, y: -1, width: 3, height: 3), role: .dim, with: "中")
        b.restyle(Rect(x: 0, y: 0, width: 5, height: 5), role: .selection)
        #expect(b.textLines().count == b.height)
        #expect(b.roleLines().count == b.height)
        _ = b.plainText()
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func oneByOne() {
        var b = Self.buffer(1)
        #expect(b.put("中", x: 0, y: 0, role: .text) == 1)
        #expect(b.line(0) == " ")
        #expect(b.put("ab", x: 0, y: 0, role: .text) == 1)
        #expect(b.line(0) == "a")
        b.put(padded: "abc", x: 0, y: 0, width: 1, role: .text)
        #expect(b.line(0) == "…")
        b.fill(b.bounds, role: .text, with: "中")
        #expect(b.line(0) == " ")
        #expect(b.plainText() == "\n")
        #expect(CellBuffer(size: Size(width: 0, height: 0)).plainText() == "\n")
    }
}
