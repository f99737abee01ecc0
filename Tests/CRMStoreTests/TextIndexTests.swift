import Testing
@testable import CRMStore

@Suite struct TextIndexTests {
    /// Positions looked up through a document's index are the ones a scan from the start
    /// gives, on lines longer than the index's stride, between multi-byte characters, and
    /// past the last mark.
    @Test func positionsMatchAScanFromTheStart() throws {
        let long = String(repeating: "é—x", count: 3_000)
        let text = "[\n  \"\(long)\",\n  \"short\",\n\n  \"\(long)\u{1F44D}\"\n]\n"
        let bytes = Array(text.utf8)
        let document = try JSONDocument.parse(bytes)
        for offset in Swift.stride(from: 0, through: bytes.count, by: 97) + [0, 1, 4_095, 4_096, 4_097, bytes.count - 1] {
            #expect(document.position(of: offset) == TextPosition(of: offset, in: bytes), "at \(offset)")
        }
        // The closing quote after the long string and the emoji.
        #expect(document.position(of: bytes.count - 4) == TextPosition(line: 5, column: 4 + 9_000 + 1))
    }
}
