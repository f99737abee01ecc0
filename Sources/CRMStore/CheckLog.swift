/// The problems found while `check` reads one document. Decoders that find one note it here
/// and carry on (see `Fields`), so a file full of mistakes is reported in one go.
final class CheckLog {
    struct Problem {
        /// From the document's root, outermost first.
        var path: [FieldError.Step]
        var offset: Int
        var message: String
    }

    let document: JSONDocument
    private(set) var problems: [Problem] = []
    /// For lists an element was left out of: the list node, and the positions of the elements
    /// that were kept, so a decoded record can still be found in the file.
    private(set) var kept: [Int: [Int]] = [:]

    init(_ document: JSONDocument) {
        self.document = document
    }

    /// `error` was thrown while reading inside `value`; its steps lead on from there.
    func note(_ error: FieldError, in value: JSONValue) {
        problems.append(Problem(path: document.path(to: value.index) + error.steps.reversed(),
                                offset: error.offset ?? value.offset, message: error.message))
    }

    /// An error that made it all the way out: its path is complete.
    func note(_ error: FieldError) {
        problems.append(Problem(path: error.steps.reversed(), offset: error.offset ?? 0, message: error.message))
    }

    func leftOut(_ position: Int, of list: JSONValue) {
        if kept[list.index] == nil { kept[list.index] = Array(0..<list.count) }
        kept[list.index]?.removeAll { $0 == position }
    }

    /// Where the `n`th record read from `list` is in the file.
    func position(of n: Int, in list: JSONValue) -> Int {
        kept[list.index].map { $0[n] } ?? n
    }
}
