import Testing
@testable import TerminalUI

@Suite struct GaugeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let fraction: Double, width: Int, ascii: Bool, text: String, roles: String
        var testDescription: String { "\(fraction) in \(width)\(ascii ? " ascii" : "")" }
    }

    static let cases: [Case] = [
        Case(fraction: 0, width: 10, ascii: false, text: "░░░░░░░░░░", roles: "----------"),
        Case(fraction: 1, width: 10, ascii: false, text: "██████████", roles: "##########"),
        Case(fraction: 0.5, width: 10, ascii: false, text: "█████░░░░░", roles: "#####-----"),
        Case(fraction: 0.55, width: 10, ascii: false, text: "█████▌░░░░", roles: "######----"),
        Case(fraction: 0.3, width: 10, ascii: false, text: "███░░░░░░░", roles: "###-------"),
        Case(fraction: 0.999, width: 10, ascii: false, text: "█████████▉", roles: "##########"),
        Case(fraction: 0.01, width: 10, ascii: false, text: "░░░░░░░░░░", roles: "----------"),
        Case(fraction: 0.0125, width: 10, ascii: false, text: "▏░░░░░░░░░", roles: "#---------"),
        Case(fraction: 1.5, width: 4, ascii: false, text: "████", roles: "####"),
        Case(fraction: .infinity, width: 4, ascii: false, text: "████", roles: "####"),
        Case(fraction: -0.5, width: 4, ascii: false, text: "░░░░", roles: "----"),
        Case(fraction: -.infinity, width: 4, ascii: false, text: "░░░░", roles: "----"),
        Case(fraction: .nan, width: 4, ascii: false, text: "░░░░", roles: "----"),
        Case(fraction: 0.55, width: 10, ascii: true, text: "#####-----", roles: "#####-----"),
        Case(fraction: 0.99, width: 10, ascii: true, text: "#########-", roles: "#########-"),
        Case(fraction: 1, width: 3, ascii: true, text: "###", roles: "###"),
        Case(fraction: 2, width: 3, ascii: true, text: "###", roles: "###"),
        Case(fraction: 0, width: 3, ascii: true, text: "---", roles: "---"),
        Case(fraction: 0.5, width: 1, ascii: false, text: "▌", roles: "#"),
    ]

    @Test(arguments: cases) func drawsFilledAndEmptyCells(_ c: Case) {
        var b = CellBuffer(size: Size(width: c.width + 2, height: 1))
        b.fill(b.bounds, role: .dim, with: "x")
        #expect(b.drawGauge(c.fraction, x: 1, y: 0, width: c.width, ascii: c.ascii) == c.width)
        #expect(b.line(0) == "x" + c.text + "x")
        #expect(b.roleLines() == ["d" + c.roles + "d"])
        #expect(Gauge(fraction: c.fraction, ascii: c.ascii).text(width: c.width) == c.text)
    }

    @Test(arguments: 0...8) func eighthBlocks(_ eighths: Int) {
        let g = Gauge(fraction: Double(eighths) / 8)
        let expected: [Character] = ["░", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
        #expect(g.text(width: 1) == String(expected[eighths]))
        #expect(g.filledEighths(width: 1) == eighths)
    }

    @Test func fillGrowsWithTheFractionAndNeverOverfills() {
        for width in [1, 2, 7, 10, 33] {
            var lastEighths = -1
            for step in 0...400 {
                let f = Double(step) / 300  // runs past 1
                for ascii in [false, true] {
                    let g = Gauge(fraction: f, ascii: ascii)
                    let text = g.text(width: width)
                    #expect(text.count == width && DisplayWidth.of(text) == width)
                    #expect((0...width * 8).contains(g.filledEighths(width: width)))
                    #expect((g.filledEighths(width: width) == width * 8) == (f >= 1))
                }
                let e = Gauge(fraction: f).filledEighths(width: width)
                #expect(e >= lastEighths)
                lastEighths = e
            }
        }
    }

    @Test func customRolesAndNoWidth() {
        var b = CellBuffer(size: Size(width: 4, height: 1))
        b.draw(Gauge(fraction: 0.5, filledRole: .slaBreached, emptyRole: .slaOnTrack), x: 0, y: 0, width: 4)
        #expect(b.roleLines() == ["BBgg"])
        let before = b
        #expect(b.drawGauge(0.5, x: 0, y: 0, width: 0) == 0)
        #expect(b.drawGauge(0.5, x: 0, y: 0, width: -3) == 0)
        #expect(b == before)
        #expect(Gauge(fraction: 0.5).text(width: 0).isEmpty)
    }

    @Test func clipsAtTheBufferEdges() {
        var b = CellBuffer(size: Size(width: 5, height: 1))
        b.drawGauge(1, x: 3, y: 0, width: 10)
        #expect(b.line(0) == "   ██")
        b.drawGauge(0, x: -8, y: 0, width: 10)
        #expect(b.line(0) == "░░ ██")
        b.drawGauge(1, x: 0, y: 3, width: 10)
        #expect(b.invariantViolations().isEmpty)
    }
}

@Suite struct BigDigitsTests {
    @Test func smallDigits() {
        #expect(BigDigits.lines("0123456789", height: .small) == [
            "█▀█ ▄█  ▀▀█ ▀▀█ █ █ █▀▀ █▀▀ ▀▀█ █▀█ █▀█",
            "█ █  █  █▀▀ ▀▀█ ▀▀█ ▀▀█ █▀█   █ █▀█ ▀▀█",
            "▀▀▀ ▀▀▀ ▀▀▀ ▀▀▀   ▀ ▀▀▀ ▀▀▀   ▀ ▀▀▀ ▀▀▀",
        ])
    }

    @Test func smallClock() {
        #expect(BigDigits.lines("12:34", height: .small) == [
            "▄█  ▀▀█ ▄ ▀▀█ █ █",
            " █  █▀▀ ▄ ▀▀█ ▀▀█",
            "▀▀▀ ▀▀▀   ▀▀▀   ▀",
        ])
        #expect(BigDigits.size(of: "12:34", height: .small) == Size(width: 17, height: 3))
    }

    @Test func largeCountdown() {
        #expect(BigDigits.lines("-1:05", height: .large) == [
            "          ██        ██████  ██████",
            "        ████    ██  ██  ██  ██    ",
            "██████    ██        ██  ██  ██████",
            "          ██    ██  ██  ██      ██",
            "        ██████      ██████  ██████",
        ])
        #expect(BigDigits.size(of: "-1:05", height: .large) == Size(width: 34, height: 5))
    }

    @Test func asciiDigits() {
        #expect(BigDigits.lines("0123456789", height: .small, ascii: true) == [
            " _       _   _       _   _   _   _   _ ",
            "| |   |  _|  _| |_| |_  |_    | |_| |_|",
            "|_|   | |_   _|   |  _| |_|   | |_|  _|",
        ])
        #expect(BigDigits.lines("-1:5", height: .small, ascii: true) == [
            "           _ ",
            " _    | . |_ ",
            "      | .  _|",
        ])
        #expect(BigDigits.lines("7", height: .large, ascii: true) == ["######", "    ##", "    ##", "    ##", "    ##"])
    }

    @Test(arguments: ["0", "12:34", "-05:59", "1.5", "23:59:59", "", "9 9", "4x2"])
    func linesMatchTheReportedSize(_ text: String) {
        for height in BigDigits.Height.all(upTo: 31) {
            for ascii in [false, true] {
                let lines = BigDigits.lines(text, height: height, ascii: ascii)
                let size = BigDigits.size(of: text, height: height)
                #expect(lines.count == height.rows && size.height == height.rows)
                #expect(lines.allSatisfy { DisplayWidth.of($0) == size.width && $0.count == size.width })
                #expect(lines.allSatisfy { Sanitizer.clean($0) == $0 })
            }
        }
    }

    /// Taller digits are the same design with longer bars and strokes, not blown-up pixels:
    /// every row is whole blocks or blanks, and bars thicken only as the height grows.
    @Test func digitsGrowWithTheirBands() {
        #expect(BigDigits.lines("10:42", height: BigDigits.Height(rows: 7)!) == [
            "   ██     ████████      ██    ██  ████████",
            "█████     ██    ██      ██    ██        ██",
            "   ██     ██    ██  ██  ██    ██        ██",
            "   ██     ██    ██      ████████  ████████",
            "   ██     ██    ██  ██        ██  ██      ",
            "   ██     ██    ██            ██  ██      ",
            "████████  ████████            ██  ████████",
        ])
        let tall = BigDigits.lines("8", height: BigDigits.Height(rows: 19)!)
        #expect(tall.count == 19)
        // Three-row bars and six-column strokes at 19 rows.
        #expect(tall[0] == String(repeating: "█", count: 23) && tall[2] == tall[0])
        #expect(tall[3] == "██████" + String(repeating: " ", count: 11) + "██████")
        #expect(tall.allSatisfy { $0.allSatisfy { $0 == "█" || $0 == " " } })
        #expect(BigDigits.lines("7", height: BigDigits.Height(rows: 9)!, ascii: true)[0] == String(repeating: "#", count: 11))
    }

    @Test func heightsAreThreeAndOddFromFive() {
        #expect(BigDigits.Height.all(upTo: 12).map(\.rows) == [3, 5, 7, 9, 11])
        #expect(BigDigits.Height.all(upTo: 2).isEmpty)
        #expect(BigDigits.Height(rows: 4) == nil && BigDigits.Height(rows: 6) == nil)
        // Widths grow with the height, so a layout that fits a height fits every smaller one.
        let widths = BigDigits.Height.all(upTo: 41).map { BigDigits.size(of: "88:88", height: $0).width }
        #expect(widths == widths.sorted() && Set(widths).count == widths.count)
    }

    @Test func unknownCharactersAreBlankDigits() {
        #expect(BigDigits.lines("x", height: .small) == ["   ", "   ", "   "])
        #expect(BigDigits.size(of: "1x1", height: .small) == BigDigits.size(of: "101", height: .small))
        #expect(BigDigits.lines("\u{1B}", height: .large).allSatisfy { $0 == "      " })
    }

    @Test func largestHeightThatFits() {
        #expect(BigDigits.largestHeight(for: "12:34", fitting: Size(width: 80, height: 24)) == BigDigits.Height(rows: 13))
        #expect(BigDigits.largestHeight(for: "12:34", fitting: Size(width: 80, height: 8)) == BigDigits.Height(rows: 7))
        #expect(BigDigits.largestHeight(for: "12:34", fitting: Size(width: 34, height: 5)) == .large)
        #expect(BigDigits.largestHeight(for: "12:34", fitting: Size(width: 33, height: 5)) == .small)
        #expect(BigDigits.largestHeight(for: "12:34", fitting: Size(width: 80, height: 4)) == .small)
        #expect(BigDigits.largestHeight(for: "12:34", fitting: Size(width: 16, height: 10)) == nil)
        #expect(BigDigits.largestHeight(for: "12:34", fitting: Size(width: 80, height: 2)) == nil)
    }

    @Test func drawsAtAPointAndReturnsItsSize() {
        var b = CellBuffer(size: Size(width: 6, height: 4))
        b.fill(b.bounds, role: .dim, with: "x")
        #expect(b.drawBigDigits("10", x: 1, y: 1, height: .small, role: .emphasis) == Size(width: 7, height: 3))
        #expect(b.textLines() == ["xxxxxx", "x▄█  █", "x █  █", "x▀▀▀ ▀"])
        #expect(b.roleLines() == ["dddddd", "dEEEEE", "dEEEEE", "dEEEEE"])
    }

    @Test func centresTheLargestThatFits() {
        var b = CellBuffer(size: Size(width: 40, height: 9))
        let area = b.drawBigDigits("12:34", centeredIn: b.bounds, role: .emphasis)
        #expect(area == Rect(x: 3, y: 2, width: 34, height: 5))
        #expect(b.line(2) == "     ██    ██████      ██████  ██  ██   ")
        #expect(b.line(3) == "   ████        ██  ██      ██  ██  ██   ")

        var small = CellBuffer(size: Size(width: 20, height: 4))
        #expect(small.drawBigDigits("12:34", centeredIn: small.bounds, role: .text)
            == Rect(x: 1, y: 0, width: 17, height: 3))
        #expect(small.line(0) == " ▄█  ▀▀█ ▄ ▀▀█ █ █  ")
    }

    @Test func fallsBackToPlainTextWhenNothingFits() {
        var b = CellBuffer(size: Size(width: 9, height: 2))
        let area = b.drawBigDigits("12:34", centeredIn: b.bounds, role: .text)
        #expect(area == Rect(x: 2, y: 0, width: 5, height: 1))
        #expect(b.textLines() == ["  12:34  ", "         "])
        var tiny = CellBuffer(size: Size(width: 3, height: 1))
        tiny.drawBigDigits("12:34", centeredIn: tiny.bounds, role: .text)
        #expect(tiny.line(0) == "12…")
        var none = CellBuffer(size: Size(width: 0, height: 0))
        none.drawBigDigits("12:34", centeredIn: none.bounds, role: .text)
    }
}

@Suite struct BoxTests {
    static func draw(_ w: Int, _ h: Int, in size: Size? = nil, at x: Int = 0, _ y: Int = 0,
                     title: String? = nil, ascii: Bool = false) -> (CellBuffer, Rect) {
        var b = CellBuffer(size: size ?? Size(width: w, height: h))
        let inner = b.drawBox(Rect(x: x, y: y, width: w, height: h), title: title, role: .paneTitle,
                              titleRole: .paneTitleFocused, ascii: ascii)
        return (b, inner)
    }

    @Test func unicodeFrame() {
        let (b, inner) = Self.draw(6, 3)
        #expect(b.textLines() == ["┌────┐", "│    │", "└────┘"])
        #expect(b.roleLines() == ["tttttt", "t....t", "tttttt"])
        #expect(inner == Rect(x: 1, y: 1, width: 4, height: 1))
    }

    @Test func asciiFrame() {
        let (b, _) = Self.draw(6, 4, ascii: true)
        #expect(b.textLines() == ["+----+", "|    |", "|    |", "+----+"])
    }

    @Test(arguments: [
        (12, "Cases", "┌─ Cases ──┐"),
        (10, "Cases", "┌─ Cases ┐"),
        (9, "Cases", "┌─ Cas… ┐"),
        (10, "Reminders due", "┌─ Remi… ┐"),
        (6, "Cases", "┌─ … ┐"),
        (5, "Cases", "┌───┐"),
        (10, "", "┌────────┐"),
        (10, "\u{1B}[31mX", "┌─ �X ───┐"),
        (10, "\u{200B}", "┌────────┐"),
        (10, "日本語です", "┌─ 日本… ┐"),
        (9, "日本語です", "┌─ 日… ─┐"),
    ])
    func titleOnTheTopEdge(_ width: Int, _ title: String, _ top: String) {
        let (b, _) = Self.draw(width, 3, title: title)
        #expect(b.line(0) == top)
        #expect(b.invariantViolations().isEmpty)
    }

    @Test func titleHasItsOwnRole() {
        let (b, _) = Self.draw(12, 3, title: "Cases")
        #expect(b.roleLines()[0] == "ttTTTTTTTttt")
    }

    @Test func insideIsLeftAlone() {
        var b = CellBuffer(size: Size(width: 6, height: 4))
        b.fill(b.bounds, role: .dim, with: "x")
        let inner = b.drawBox(b.bounds)
        #expect(b.textLines() == ["┌────┐", "│xxxx│", "│xxxx│", "└────┘"])
        #expect(inner == Rect(x: 1, y: 1, width: 4, height: 2))
    }

    @Test(arguments: [
        (1, 1, ["┌"]),
        (2, 1, ["┌┐"]),
        (1, 3, ["┌", "│", "└"]),
        (2, 2, ["┌┐", "└┘"]),
        (4, 1, ["┌──┐"]),
    ])
    func degenerateSizes(_ w: Int, _ h: Int, _ lines: [String]) {
        let (b, inner) = Self.draw(w, h, title: "Title")
        #expect(b.textLines() == lines)
        #expect(inner.isEmpty)
        #expect(inner.x <= w && inner.y <= h)
    }

    @Test func emptyRectDrawsNothing() {
        var b = CellBuffer(size: Size(width: 3, height: 3))
        let before = b
        b.drawBox(Rect(x: 1, y: 1, width: 0, height: 2), title: "x")
        b.drawBox(Rect(x: 1, y: 1, width: 2, height: -1))
        #expect(b == before)
    }

    @Test func clippedByTheBuffer() {
        let (b, _) = Self.draw(6, 4, in: Size(width: 5, height: 3), at: -2, -1)
        #expect(b.textLines() == ["   │ ", "   │ ", "───┘ "])
        let (c, _) = Self.draw(6, 4, in: Size(width: 5, height: 3), at: 2, 1, title: "Title")
        #expect(c.textLines() == ["     ", "  ┌─ ", "  │  "])
    }

    @Test func hugeRectIsCheap() {
        let (b, _) = Self.draw(Int.max, Int.max, in: Size(width: 4, height: 3), title: "T")
        #expect(b.textLines() == ["┌─ T", "│   ", "│   "])
    }
}
