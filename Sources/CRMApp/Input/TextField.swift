import TerminalUI

/// One line of editable text with a cursor, edited the way shells and readline do.
public struct TextField: Equatable, Sendable {
    public private(set) var text: [Character]
    public private(set) var cursor: Int
    /// The first character shown where the text is wider than its box. Kept between keys so
    /// that the text stays put while the cursor moves inside the box.
    public private(set) var offset = 0

    public init(_ text: String = "") {
        self.text = Array(text)
        cursor = self.text.count
    }

    public var value: String { String(text) }

    /// Returns false when the key is not an editing key, so the caller can use it.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            text.insert(c, at: cursor)
            cursor += 1
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return true }
            cursor -= 1
            text.remove(at: cursor)
        case .delete, .ctrl("d"):
            if cursor < text.count { text.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text.removeFirst(cursor)
            cursor = 0
        case .ctrl("k"):
            text.removeLast(text.count - cursor)
        case .ctrl("w"):
            var start = cursor
            while start > 0, text[start - 1] == " " { start -= 1 }
            while start > 0, text[start - 1] != " " { start -= 1 }
            text.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// The visible slice for a box `width` columns wide, from `offset` moved as little as
    /// needed for the cursor to show, and the cursor's column within it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        let start = firstShown(width: width)
        var out = ""
        var used = 0
        for c in text[start...] {
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            out.append(c)
            used += w
        }
        return (out, DisplayWidth.of(String(text[start..<cursor])))
    }

    /// Remembers where the box starts now, so the next key scrolls only if it must.
    public mutating func keepCursorVisible(width: Int) {
        offset = width > 1 ? firstShown(width: width) : 0
    }

    private func firstShown(width: Int) -> Int {
        var start = min(offset, cursor)
        // The cursor's cell must fit: everything before it takes at most width - 1 columns.
        while DisplayWidth.of(String(text[start..<cursor])) > width - 1 { start += 1 }
        // After a deletion, no empty room on the right while text is hidden on the left (but
        // the column for a cursor after the end, so moving off the end scrolls nothing).
        while start > 0, DisplayWidth.of(String(text[(start - 1)...])) + 1 <= width { start -= 1 }
        return start
    }
}
