/// A frame on the edge of a rectangle, with an optional title on its top edge:
/// `┌─ Title ──┐`, or `+- Title --+` in ASCII.
public struct Box: Equatable, Sendable {
    public struct Glyphs: Equatable, Sendable {
        public var horizontal: Character
        public var vertical: Character
        public var topLeft: Character
        public var topRight: Character
        public var bottomLeft: Character
        public var bottomRight: Character

        public init(horizontal: Character, vertical: Character, topLeft: Character,
                    topRight: Character, bottomLeft: Character, bottomRight: Character) {
            self.horizontal = horizontal
            self.vertical = vertical
            self.topLeft = topLeft
            self.topRight = topRight
            self.bottomLeft = bottomLeft
            self.bottomRight = bottomRight
        }

        public static let unicode = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌",
                                           topRight: "┐", bottomLeft: "└", bottomRight: "┘")
        public static let ascii = Glyphs(horizontal: "-", vertical: "|", topLeft: "+",
                                         topRight: "+", bottomLeft: "+", bottomRight: "+")
    }

    public var title: String?
    public var role: Role
    /// The title's role; the border's when nil.
    public var titleRole: Role?
    public var glyphs: Glyphs

    public init(title: String? = nil, role: Role = .text, titleRole: Role? = nil, ascii: Bool = false) {
        self.title = title
        self.role = role
        self.titleRole = titleRole
        self.glyphs = ascii ? .ascii : .unicode
    }

    /// The area inside the frame; empty (but still inside `rect`) when there is none.
    public static func inner(_ rect: Rect) -> Rect {
        Rect(x: min(rect.x + 1, rect.maxX), y: min(rect.y + 1, rect.maxY),
             width: rect.width - 2, height: rect.height - 2)
    }

    /// Columns the title text may use in a frame `width` wide: the frame keeps `┌─ ` on
    /// the left and ` ┐` on the right.
    public static func titleSpace(forWidth width: Int) -> Int {
        max(0, width - 5)
    }
}

extension CellBuffer {
    /// Draws `box` on the edge of `rect`, clipped to the buffer, and returns the inside.
    /// A rectangle one row high gets only its top edge, one column wide only its left.
    @discardableResult
    public mutating func draw(_ box: Box, in rect: Rect) -> Rect {
        guard !rect.isEmpty else { return Box.inner(rect) }
        let g = box.glyphs
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        // Only the part inside the buffer is walked, so a huge rectangle costs nothing extra.
        let x0 = max(rect.x + 1, 0), x1 = min(right, width)
        let y0 = max(rect.y + 1, 0), y1 = min(bottom, height)

        func edge(_ y: Int, _ left: Character, _ rightCorner: Character) {
            put(String(left), x: rect.x, y: y, role: box.role, maxWidth: 1)
            if x0 < x1 {
                put(String(repeating: g.horizontal, count: x1 - x0), x: x0, y: y, role: box.role)
            }
            if rect.width > 1 { put(String(rightCorner), x: right, y: y, role: box.role, maxWidth: 1) }
        }

        edge(rect.y, g.topLeft, g.topRight)
        if rect.height > 1 { edge(bottom, g.bottomLeft, g.bottomRight) }
        if y0 < y1 {
            for yy in y0..<y1 {
                put(String(g.vertical), x: rect.x, y: yy, role: box.role, maxWidth: 1)
                if rect.width > 1 { put(String(g.vertical), x: right, y: yy, role: box.role, maxWidth: 1) }
            }
        }

        let room = Box.titleSpace(forWidth: rect.width)
        if let title = box.title, room > 0 {
            let text = Text.truncate(Sanitizer.clean(title), to: room)
            if !text.isEmpty {
                put(" " + text + " ", x: rect.x + 2, y: rect.y, role: box.titleRole ?? box.role,
                    maxWidth: room + 2)
            }
        }
        return Box.inner(rect)
    }

    /// Draws a frame on the edge of `rect` with `title` on its top edge; returns the inside.
    @discardableResult
    public mutating func drawBox(_ rect: Rect, title: String? = nil, role: Role = .text,
                                 titleRole: Role? = nil, ascii: Bool = false) -> Rect {
        draw(Box(title: title, role: role, titleRole: titleRole, ascii: ascii), in: rect)
    }
}
