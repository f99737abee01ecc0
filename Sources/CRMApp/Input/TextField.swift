import TerminalUI

/// One line of editable text with a cursor, edited the way shells and readline do.
public struct TextField: Equatable, Sendable {
    public private(set) var text: [Character]
    public private(set) var cursor: Int

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

    /// The visible slice for a box `width` columns wide, scrolled so the cursor shows,
    /// and the cursor's column within it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        var start = 0
        while DisplayWidth.of(String(text[start..<cursor])) > width - 1 { start += 1 }
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
}
