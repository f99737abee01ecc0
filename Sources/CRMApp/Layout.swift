import TerminalUI

/// Where everything goes for a terminal size. Pure, shared by the views and by the
/// reducer (which needs page heights for scrolling).
public struct DashboardLayout: Equatable, Sendable {
    public static let minimum = Size(width: 40, height: 10)
    /// From this width the panes stand side by side.
    public static let sideBySideWidth = 150

    public var header: Rect
    public var footer: Rect
    public var panes: [Pane: Rect]
    public var isTooSmall: Bool
    public var sideBySide: Bool
    /// Recent events, above the footer; empty when there are none to show.
    public var messages: Rect

    public init(size: Size, messageLines: Int = 0) {
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        isTooSmall = size.width < Self.minimum.width || size.height < Self.minimum.height
        sideBySide = size.width >= Self.sideBySideWidth
        let (header, rest) = screen.takeTop(1)
        let (above, footer) = rest.takeBottom(1)
        let (body, messages) = above.takeBottom(messageLines)
        self.header = header
        self.footer = footer
        self.messages = messages
        let rects = sideBySide ? body.columns(3, gap: 1) : body.rows(weights: [3, 3, 2])
        panes = Dictionary(uniqueKeysWithValues: zip(Pane.allCases, rects.count == 3 ? rects : [body, body, body]))
    }

    /// Pane chrome: a title row, and a column-header row when there is room.
    public static func hasColumnHeader(_ rect: Rect) -> Bool { rect.height >= 8 }

    /// Rows available for items in a pane.
    public func listRect(_ pane: Pane) -> Rect { Self.listRect(in: panes[pane]!) }

    public static func listRect(in rect: Rect) -> Rect {
        let chrome = 1 + (hasColumnHeader(rect) ? 1 : 0)
        return Rect(x: rect.x, y: rect.y + chrome, width: rect.width, height: rect.height - chrome)
    }
}
