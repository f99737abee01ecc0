/// Reading a file's list of records one record at a time (see `parse(_:streaming:_:)`).
extension JSONParser {
    /// Where `parse(_:streaming:_:)` hands over the elements of one array.
    struct Stream {
        let key: StaticString
        let bytes: FileBytes
        let element: (JSONDocument) -> Bool
    }

    /// Parses one JSON value, but hands each element of the array that is the root object's
    /// member `key` to `element` as a document of its own, as soon as it is parsed, and leaves
    /// that array empty in the document returned. A hundred thousand records then never exist
    /// as parsed nodes all at once: each is decoded while its bytes are still in the cache, and
    /// the memory of its nodes is used again for the next. Stops with an error as soon as
    /// `element` returns false.
    static func parse(_ bytes: FileBytes, streaming key: StaticString,
                      _ element: (JSONDocument) -> Bool) throws(JSONSyntaxError) -> JSONDocument {
        let outcome = withoutActuallyEscaping(element) { element in
            Result { () throws(JSONSyntaxError) in
                try run(bytes, reserving: 64) { parser throws(JSONSyntaxError) in
                    parser.stream = Stream(key: key, bytes: bytes, element: element)
                    try parser.parseSingle()
                }
            }
        }
        return try outcome.get()
    }

    /// Parses the element at `i` as a document of its own and hands it over. The element's
    /// parser works in the memory the one before it used.
    mutating func streamElement() throws(JSONSyntaxError) {
        var element = JSONParser(s: s)
        swap(&element.nodes, &spare.nodes)
        swap(&element.open, &spare.open)
        swap(&element.keyBits, &spare.keyBits)
        element.i = i
        element.outerDepth = open.count
        try element.parseValue()
        let start = i
        i = element.i
        swap(&element.open, &spare.open)
        swap(&element.keyBits, &spare.keyBits)
        var document: JSONDocument? = JSONDocument(bytes: stream!.bytes, nodes: element.nodes, decoded: element.decoded)
        element = JSONParser(s: s)
        let taken = stream!.element(document!)
        // Once the document is gone, its nodes are ours alone again and can be refilled in place.
        spare.nodes = document!.nodes
        document = nil
        spare.nodes.removeAll(keepingCapacity: true)
        guard taken else { throw fail(start, "the element was not taken") }
    }
}
