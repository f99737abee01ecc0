import CRMCore
import Foundation

/// A collection file's shape for import and export: `{"version": 1, "<key>": [...]}`.
enum JSONTransfer {
    /// Decodes each item; a problem names the line of the value at fault. A file without
    /// the list is refused, unless it is `optional`.
    static func items<T>(_ bytes: [UInt8], _ key: String, optional: Bool = false,
                         _ decode: (JSONValue) throws(FieldError) -> T) throws(ImportProblem) -> [(line: Int, item: T)] {
        let doc: JSONDocument
        do { doc = try JSONDocument.parse(bytes) } catch {
            let at = TextPosition(of: error.offset, in: bytes)
            throw ImportProblem(line: at.line, column: at.column, field: "json", error.message)
        }
        if optional && doc.root[key] == nil { return [] }
        guard let list = doc.root[key], list.kind == .array else {
            throw ImportProblem(line: 1, field: key, "missing; expected {\"version\": 1, \"\(key)\": [...]}")
        }
        var out: [(line: Int, item: T)] = []
        for v in list.elements {
            do throws(FieldError) { out.append((v.position.line, try decode(v))) } catch {
                let at = error.offset.map { doc.position(of: $0) } ?? v.position
                throw ImportProblem(line: at.line, column: at.column, field: error.path.isEmpty ? key : error.path, error.message)
            }
        }
        return out
    }

    static func file<T>(_ key: String, _ list: [T], version: Int = FileFormats.version,
                        _ encode: (T) throws(FieldError) -> JSONOutput) throws(ImportProblem) -> [UInt8] {
        document([(key, try outputs(list, encode))], version: version)
    }

    /// Several lists in one file, in the order given (`people.json` has people and teams).
    static func document(_ lists: [(key: String, items: [JSONOutput])], version: Int = FileFormats.version) -> [UInt8] {
        JSONWriter.pretty(.object([.init("version", .int(version))]
            + lists.map { JSONOutput.Member($0.key, .array($0.items)) }))
    }

    static func outputs<T>(_ list: [T], _ encode: (T) throws(FieldError) -> JSONOutput) throws(ImportProblem) -> [JSONOutput] {
        var items: [JSONOutput] = []
        items.reserveCapacity(list.count)
        for item in list {
            do throws(FieldError) { items.append(try encode(item)) } catch {
                throw ImportProblem(line: 0, field: error.path, error.message)
            }
        }
        return items
    }
}
