import TerminalUI

/// Where the wall display puts things for a terminal size. Pure, like the dashboard's.
struct WallLayout: Equatable {
    /// From here the three panes stand side by side instead of taking turns.
    static let allAtOnce = Size(width: DashboardLayout.sideBySideWidth, height: 40)

    var title: Rect
    /// Only while the data cannot be read.
    var banner: Rect?
    /// The clock and the key counts in big digits, one tile each.
    var tiles: [Rect]
    /// One rectangle per pane when all show at once, else one shared by all in turn.
    var panes: [Rect]
    var footer: Rect
    var isTooSmall: Bool

    init(size: Size, banner hasBanner: Bool) {
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        isTooSmall = size.width < DashboardLayout.minimum.width || size.height < DashboardLayout.minimum.height
        let (title, afterTitle) = screen.takeTop(1)
        let (bannerRect, afterBanner) = afterTitle.takeTop(hasBanner ? 1 : 0)
        let (rest, footer) = afterBanner.takeBottom(1)
        // Tall screens get the five-row digits, short ones the three-row ones, tiny ones
        // plain figures; a label row under them and a blank row before the lists.
        let digitRows = size.height >= 40 ? BigDigits.Height.large.rows
            : size.height >= 16 ? BigDigits.Height.small.rows : 1
        let (band, body) = rest.takeTop(digitRows + 2)
        self.title = title
        banner = hasBanner ? bannerRect : nil
        tiles = band.takeBottom(1).rest.columns(4, gap: 1)
        panes = size.width >= Self.allAtOnce.width && size.height >= Self.allAtOnce.height
            ? body.columns(3, gap: 1) : [body]
        self.footer = footer
    }

    var rotates: Bool { panes.count == 1 }
}
