import Testing
@testable import TerminalUI

@Suite struct GeometryTests {
    @Test func rectClampsNegativeSizes() {
        let r = Rect(x: 3, y: 4, width: -2, height: -7)
        #expect(r.width == 0 && r.height == 0 && r.isEmpty)
        #expect(r.maxX == 3 && r.maxY == 4)
    }

    @Test func maxSaturatesInsteadOfTrapping() {
        #expect(Rect(x: 5, y: 5, width: Int.max, height: Int.max).maxX == Int.max)
        #expect(Rect(x: -5, y: 0, width: Int.max, height: 1).maxX == Int.max - 5)
    }

    @Test func takeTopAndBottom() {
        let r = Rect(x: 1, y: 2, width: 10, height: 8)
        #expect(r.takeTop(3) == (Rect(x: 1, y: 2, width: 10, height: 3), Rect(x: 1, y: 5, width: 10, height: 5)))
        #expect(r.takeBottom(3) == (Rect(x: 1, y: 2, width: 10, height: 5), Rect(x: 1, y: 7, width: 10, height: 3)))
        #expect(r.takeTop(20) == (r, Rect(x: 1, y: 10, width: 10, height: 0)))
        #expect(r.takeTop(-1) == (Rect(x: 1, y: 2, width: 10, height: 0), r))
        #expect(r.takeBottom(20) == (Rect(x: 1, y: 2, width: 10, height: 0), r))
        #expect(r.takeBottom(-4) == (r, Rect(x: 1, y: 10, width: 10, height: 0)))
        let empty = Rect(x: 0, y: 0, width: 0, height: 0)
        #expect(empty.takeTop(1) == (empty, empty))
    }

    @Test func columnsShareTheWidth() {
        let r = Rect(x: 2, y: 1, width: 10, height: 3)
        #expect(r.columns(3).map(\.width) == [4, 3, 3])
        #expect(r.columns(3).map(\.x) == [2, 6, 9])
        #expect(r.columns(3, gap: 1).map(\.width) == [3, 3, 2])
        #expect(r.columns(3, gap: 1).map(\.x) == [2, 6, 10])
        #expect(r.columns(1) == [r])
        #expect(r.columns(0).isEmpty)
        #expect(r.columns(-2).isEmpty)
        #expect(r.columns(3).allSatisfy { $0.y == 1 && $0.height == 3 })
    }

    @Test func columnsWithNoRoomStayInside() {
        let r = Rect(x: 0, y: 0, width: 4, height: 1)
        let cols = r.columns(3, gap: 3)
        #expect(cols.count == 3)
        #expect(cols.allSatisfy { $0.width == 0 && $0.x >= r.x && $0.maxX <= r.maxX })
        #expect(r.columns(12).map(\.width).reduce(0, +) == 4)
    }

    @Test func negativeGapCountsAsNone() {
        let r = Rect(x: 0, y: 0, width: 10, height: 1)
        #expect(r.columns(2, gap: -3) == r.columns(2))
    }

    @Test func columnsAlwaysTileTheWidth() {
        var failures: [String] = []
        for width in 0...30 {
            for count in 1...6 {
                for gap in 0...3 {
                    let r = Rect(x: 5, y: 0, width: width, height: 1)
                    let cols = r.columns(count, gap: gap)
                    let tiles = width < gap * (count - 1)
                        || cols.map(\.width).reduce(0, +) + gap * (count - 1) == width
                    if cols.count != count || !tiles
                        || !cols.allSatisfy({ $0.x >= r.x && $0.maxX <= r.maxX })
                        || !zip(cols, cols.dropFirst()).allSatisfy({ $0.maxX <= $1.x }) {
                        failures.append("width \(width), \(count) columns, gap \(gap): \(cols)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(3))")
    }

    @Test func rowsByWeight() {
        let r = Rect(x: 0, y: 2, width: 5, height: 10)
        #expect(r.rows(weights: [1, 2, 1]).map(\.height) == [3, 5, 2])
        #expect(r.rows(weights: [1, 2, 1]).map(\.y) == [2, 5, 10])
        #expect(r.rows(weights: [1, 1, 1]).map(\.height) == [4, 3, 3])
        #expect(r.rows(weights: [5]) == [r])
        #expect(r.rows(weights: []).isEmpty)
    }

    @Test func zeroAndNegativeWeightsGetNoRows() {
        let r = Rect(x: 0, y: 0, width: 5, height: 3)
        #expect(r.rows(weights: [0, 1, 1]).map(\.height) == [0, 2, 1])
        #expect(r.rows(weights: [-1, 1]).map(\.height) == [0, 3])
        let none = r.rows(weights: [0, 0])
        #expect(none.count == 2)
        #expect(none.allSatisfy { $0.height == 0 })
    }

    @Test func rowsAlwaysTileTheHeight() {
        var rng = SeededGenerator(seed: 5)
        var failures: [String] = []
        for _ in 0..<500 {
            let height = Int.random(in: 0...60, using: &rng)
            let weights = (0..<Int.random(in: 1...6, using: &rng)).map { _ in Int.random(in: -1...5, using: &rng) }
            let r = Rect(x: 0, y: 3, width: 7, height: height)
            let rows = r.rows(weights: weights)
            let tiles = !weights.contains(where: { $0 > 0 }) || rows.map(\.height).reduce(0, +) == height
            if rows.count != weights.count || !tiles
                || !zip(rows, rows.dropFirst()).allSatisfy({ $0.maxY == $1.y })
                || !zip(rows, weights).allSatisfy({ $1 > 0 || $0.height == 0 }) {
                failures.append("height \(height), weights \(weights): \(rows.map(\.height))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(3))")
    }

    @Test func centered() {
        let r = Rect(x: 10, y: 5, width: 10, height: 5)
        #expect(r.centered(width: 4, height: 1) == Rect(x: 13, y: 7, width: 4, height: 1))
        #expect(r.centered(width: 40, height: 40) == r)
        #expect(r.centered(width: 0, height: 0) == Rect(x: 15, y: 7, width: 0, height: 0))
        let negative = r.centered(width: -4, height: -2)
        #expect(negative.isEmpty && negative.x >= r.x && negative.maxX <= r.maxX && negative.maxY <= r.maxY)
        #expect(Rect(x: 0, y: 0, width: 0, height: 0).centered(width: 3, height: 3) == Rect(x: 0, y: 0, width: 0, height: 0))
    }

    @Test func inset() {
        #expect(Rect(x: 0, y: 0, width: 10, height: 4).inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 2))
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1).isEmpty)
    }

    @Test(arguments: [("120x40", Size(width: 120, height: 40)), ("80X24", Size(width: 80, height: 24)),
                      ("1x1", Size(width: 1, height: 1))])
    func sizeParses(_ text: String, _ size: Size) {
        #expect(Size(parsing: text) == size)
        #expect(size.description == text.lowercased())
    }

    @Test(arguments: ["", "x", "80", "80x", "x24", "0x24", "80x0", "-80x24", "80xx24", "80x24x", "80x24x10", "ax5", "80 x 24"])
    func sizeRejects(_ text: String) {
        #expect(Size(parsing: text) == nil)
    }
}
