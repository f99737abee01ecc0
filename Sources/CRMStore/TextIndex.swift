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
