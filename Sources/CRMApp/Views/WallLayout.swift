import TerminalUI

/// Where the wall display puts things for a terminal size. Pure, like the dashboard's.
struct WallLayout: Equatable {
    /// From here the three panes stand side by side instead of taking turns.
    static let allAtOnce = Size(width: DashboardLayout.sideBySideWidth, height: 40)
    /// The digits take at most this share of the screen's rows, so the lists keep the rest.
    static let digitShare = 4
    /// Below this height the figures are plain text and every row goes to the lists.
    static let digitsFrom = 16

    /// What one tile shows: its figure and the line under it.
    struct Tile: Equatable {
        var value: String
        var label: String
    }

    var title: Rect
    /// Only while the data cannot be read.
    var banner: Rect?
    /// Only while there is something to celebrate.
    var celebration: Rect?
    /// The clock and the key counts in big digits, one tile each: the digits' rows, then a
    /// row for the label.
    var tiles: [Rect]
    /// The digits' height; nil for plain figures.
    var digits: BigDigits.Height?
    /// One rectangle per pane when all show at once, else one shared by all in turn.
    var panes: [Rect]
    var footer: Rect
    var isTooSmall: Bool

    init(size: Size, banner hasBanner: Bool, celebrating: Bool = false, tiles shown: [Tile]) {
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        isTooSmall = size.width < DashboardLayout.minimum.width || size.height < DashboardLayout.minimum.height
        let (title, afterTitle) = screen.takeTop(1)
        let (bannerRect, afterBanner) = afterTitle.takeTop(hasBanner ? 1 : 0)
        let (rest, footer) = afterBanner.takeBottom(1)
        let digits = Self.digitHeight(for: size, tiles: shown)
        // A label row under the digits and a blank row before what follows.
        let (band, afterBand) = rest.takeTop((digits?.rows ?? 1) + 2)
        // Tall enough to be seen from across the room when the digits are.
        let (cheer, body) = afterBand.takeTop(celebrating ? (digits.map { $0.rows >= 7 } == true ? 4 : 2) : 0)
        self.title = title
        banner = hasBanner ? bannerRect : nil
        celebration = celebrating ? cheer.takeBottom(1).rest : nil
        self.digits = digits
        // Each tile as wide as it needs, and the rest shared out in proportion; where even that
        // does not fit (a tiny screen), equal shares, each label cut alike.
        let needs = shown.map { Self.width(of: $0, at: digits) }
        let row = band.takeBottom(1).rest
        tiles = needs.reduce(0, +) + max(0, needs.count - 1) <= row.width
            ? row.columns(weights: needs, gap: 1) : row.columns(needs.count, gap: 1)
        panes = size.width >= Self.allAtOnce.width && size.height >= Self.allAtOnce.height
            ? body.columns(3, gap: 1) : [body]
        self.footer = footer
    }

    var rotates: Bool { panes.count == 1 }

    /// The tallest digits all tiles fit side by side at, within a quarter of the screen's
    /// rows: they grow with the screen in both directions, and never shrink when it grows.
    static func digitHeight(for size: Size, tiles: [Tile]) -> BigDigits.Height? {
        guard size.height >= digitsFrom else { return nil }
        return BigDigits.Height.all(upTo: size.height / digitShare).reversed().first { height in
            tiles.map { width(of: $0, at: height) }.reduce(0, +) + max(0, tiles.count - 1) <= size.width
        }
    }

    /// Columns a tile needs: its figure with room for a second digit (so a count going from
    /// 9 to 10 does not move the tiles), or its label if wider, and a column either side.
    static func width(of tile: Tile, at height: BigDigits.Height?) -> Int {
        let figure = tile.value.count >= 2 ? tile.value : String(repeating: "8", count: 2)
        let digits = height.map { BigDigits.size(of: figure, height: $0).width } ?? figure.count
        return max(digits, DisplayWidth.of(tile.label)) + 2
    }
}
