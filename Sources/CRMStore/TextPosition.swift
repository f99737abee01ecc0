/// A place in a text as people count it: 1-based line and column.
public struct TextPosition: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Scans from the start: for the one error a read stops at. Many positions in one text
    /// are `TextIndex`'s.
    public init<Bytes: Collection<UInt8>>(of offset: Int, in bytes: Bytes) {
        self.init(line: 1, column: 1)
        for byte in bytes.prefix(max(offset, 0)) { advance(over: byte) }
    }

    /// The position after `byte`.
    @inline(__always)
    mutating func advance(over byte: UInt8) {
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {  // continuation bytes belong to the character before
            column += 1
        }
    }

    public var description: String { "\(line):\(column)" }
}

/// Lines and columns of many byte offsets in one text, each found by a short scan from a
/// mark laid every few kilobytes in one pass. `check` asks for one per problem, and scanning
/// from the start for each made a file with thousands of problems take minutes.
struct TextIndex {
    private static let stride = 4_096
    /// The position at byte `k * stride`, for every `k` inside the text.
    private var marks: [TextPosition] = []

    init(_ text: UnsafeBufferPointer<UInt8>) {
        marks.reserveCapacity(text.count / Self.stride + 1)
        var at = TextPosition(line: 1, column: 1)
        var offset = 0
        while offset < text.count {
            marks.append(at)
            let end = min(offset + Self.stride, text.count)
            for i in offset..<end { at.advance(over: text[i]) }
            offset = end
        }
    }

    /// The position of `offset` in `text`, the same text the index was built from.
    func position(of offset: Int, in text: UnsafeBufferPointer<UInt8>) -> TextPosition {
        let offset = min(max(offset, 0), text.count)
        guard !marks.isEmpty else { return TextPosition(line: 1, column: 1) }
        let k = min(offset / Self.stride, marks.count - 1)
        var at = marks[k]
        for i in (k * Self.stride)..<offset { at.advance(over: text[i]) }
        return at
    }
}
