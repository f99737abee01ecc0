import TerminalUI

/// Where everything goes for a terminal size. Pure, shared by the views and by the
/// reducer (which needs page heights for scrolling).
public struct DashboardLayout: Equatable, Sendable {
    public static let minimum = Size(width: 40, height: 10)
    /// From this width the panes stand side by side.
    public static let sideBySideWidth = 150
    /// How stacked panes share the rows when each has more to show than fits.
    static let weights: [Pane: Int] = [.reminders: 3, .cases: 3, .leaderboard: 2]

    public var header: Rect
    public var footer: Rect
    public var panes: [Pane: Rect]
    public var isTooSmall: Bool
    public var sideBySide: Bool
    /// Recent events, above the footer; empty when there are none to show.
    public var messages: Rect

    /// `items` is how many rows each pane has to show; stacked panes that need fewer rows
    /// than their share hand the rest to the others. `only` gives one pane the whole body.
    public init(size: Size, messageLines: Int = 0, items: [Pane: Int] = [:], only: Pane? = nil) {
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        isTooSmall = size.width < Self.minimum.width || size.height < Self.minimum.height
        sideBySide = only == nil && size.width >= Self.sideBySideWidth
        let (header, rest) = screen.takeTop(1)
        let (above, footer) = rest.takeBottom(1)
        let (body, messages) = above.takeBottom(messageLines)
        self.header = header
        self.footer = footer
        self.messages = messages
        if let only {
            panes = [only: body]
        } else if sideBySide {
            panes = Dictionary(uniqueKeysWithValues: zip(Pane.allCases, body.columns(3, gap: 1)))
        } else {
            let heights = Self.shareRows(body.height, wants: Pane.allCases.map { items[$0].map(Self.rowsToShow) })
            var y = body.y
            var stacked: [Pane: Rect] = [:]
            for (pane, height) in zip(Pane.allCases, heights) {
                stacked[pane] = Rect(x: body.x, y: y, width: body.width, height: height)
                y += height
            }
            panes = stacked
        }
    }

    /// Pane chrome: a title row, and a column-header row when there is room.
    public static func hasColumnHeader(_ rect: Rect) -> Bool { rect.height >= 8 }

    /// The fewest rows a pane needs to show `items` rows (or its one line saying it is empty).
    static func rowsToShow(items: Int) -> Int {
        let withoutHeader = 1 + max(1, items)
        return hasColumnHeader(Rect(x: 0, y: 0, width: 1, height: withoutHeader)) ? withoutHeader + 1 : withoutHeader
    }

    /// Rows for each stacked pane: panes whose want fits their weighted share take just
    /// that, again and again while the others' shares grow; the ones still wanting more
    /// share what is left by weight. When every pane fits, the rows to spare go round by
    /// weight too, so no pane ends up cut while another has rows standing empty.
    static func shareRows(_ height: Int, wants: [Int?]) -> [Int] {
        let weights = Pane.allCases.map { Self.weights[$0] ?? 1 }
        func split(_ rows: Int, among open: Set<Int>) -> [Int] {
            Rect(x: 0, y: 0, width: 0, height: rows)
                .rows(weights: weights.indices.map { open.contains($0) ? weights[$0] : 0 }).map(\.height)
        }
        var heights = Array(repeating: 0, count: weights.count)
        var open = Set(weights.indices)
        var left = height
        while !open.isEmpty {
            let shares = split(left, among: open)
            let fitting = open.filter { i in wants[i].map { $0 <= shares[i] } ?? false }
            guard !fitting.isEmpty else {
                for i in open { heights[i] = shares[i] }
                return heights
            }
            for i in fitting {
                heights[i] = wants[i]!
                left -= heights[i]
                open.remove(i)
            }
        }
        let spare = split(left, among: Set(weights.indices))
        return zip(heights, spare).map(+)
    }

    /// Rows available for items in a pane.
    public func listRect(_ pane: Pane) -> Rect { Self.listRect(in: panes[pane] ?? Rect(x: 0, y: 0, width: 0, height: 0)) }

    public static func listRect(in rect: Rect) -> Rect {
        let chrome = 1 + (hasColumnHeader(rect) ? 1 : 0)
        return Rect(x: rect.x, y: rect.y + chrome, width: rect.width, height: rect.height - chrome)
    }
}
