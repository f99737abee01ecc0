public struct Size: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)x\(height)" }

    /// Parses `COLSxROWS` (e.g. `120x40`).
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
        self.init(width: w, height: h)
    }
}

public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    // Saturating, so a rectangle meaning "to the end, whatever the size" cannot trap.
    public var maxX: Int { saturatingSum(x, width) }
    public var maxY: Int { saturatingSum(y, height) }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// Splits off `rows` rows from the top (clamped).
    public func takeTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let r = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: r),
                Rect(x: x, y: y + r, width: width, height: height - r))
    }

    /// Splits off `rows` rows from the bottom (clamped).
    public func takeBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let r = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - r),
                Rect(x: x, y: y + height - r, width: width, height: r))
    }

    /// Splits into `count` columns of near-equal width, left to right; leftover columns
    /// go to the first ones. When the gaps leave no room, the columns are empty but
    /// still lie inside this rectangle.
    public func columns(_ count: Int, gap: Int = 0) -> [Rect] {
        guard count > 0 else { return [] }
        let gap = max(0, gap)
        let usable = max(0, width - gap * (count - 1))
        var result: [Rect] = []
        var cx = x
        for i in 0..<count {
            let w = usable / count + (i < usable % count ? 1 : 0)
            result.append(Rect(x: min(cx, maxX), y: y, width: w, height: height))
            cx += w + gap
        }
        return result
    }

    /// Splits into one column per weight, left to right, `gap` columns apart, each as wide
    /// as its share of what the gaps leave; columns left over by rounding go to the first
    /// ones with a positive weight. Always returns one rectangle per weight.
    public func columns(weights: [Int], gap: Int = 0) -> [Rect] {
        let gap = max(0, gap)
        let usable = max(0, width - gap * max(0, weights.count - 1))
        let turned = Rect(x: 0, y: 0, width: 1, height: usable).rows(weights: weights)
        var result: [Rect] = []
        var cx = x
        for part in turned {
            result.append(Rect(x: min(cx, maxX), y: y, width: part.height, height: height))
            cx += part.height + gap
        }
        return result
    }

    /// Splits into one row per weight, top to bottom. Negative weights count as zero;
    /// rows left over by rounding go to the first rows with a positive weight, so a
    /// zero-weight row stays empty. Always returns one rectangle per weight.
    public func rows(weights: [Int]) -> [Rect] {
        let weights = weights.map { max(0, $0) }
        let total = weights.reduce(0, +)
        var heights = weights.map { total > 0 ? height * $0 / total : 0 }
        if total > 0 {
            var left = height - heights.reduce(0, +)
            var i = 0
            while left > 0 {
                if weights[i % weights.count] > 0 {
                    heights[i % weights.count] += 1
                    left -= 1
                }
                i += 1
            }
        }
        var result: [Rect] = []
        var cy = y
        for h in heights {
            result.append(Rect(x: x, y: cy, width: width, height: h))
            cy += h
        }
        return result
    }

    public func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }

    /// A rectangle of at most `w`×`h` centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = max(0, min(w, width)), ch = max(0, min(h, height))
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}

/// `a + b`, stopping at the ends of `Int` instead of trapping.
func saturatingSum(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? Int.max : Int.min) : sum
}
