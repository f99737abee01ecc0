import Foundation

/// A small record crmtop keeps beside the data, `{"version": N, "<list>": [...]}`: the
/// notifier's delivery record and the calendar sync's. Read with the same positioned errors
/// as every data file, refused when written by another format version, and replaced whole.
enum VersionedListFile {
    /// The list's elements; nil when there is no file yet.
    static func read<T>(_ fileName: String, in directory: String, version: Int, list key: StaticString,
                        _ element: (JSONValue) throws(FieldError) -> T) throws(LoadError) -> [T]? {
        guard let (bytes, _) = try DiskFile.read(directory + "/" + fileName, name: fileName) else { return nil }
        let document: JSONDocument
        do throws(JSONSyntaxError) {
            document = try .parse(bytes)
        } catch {
            throw LoadError(file: fileName, syntax: error, in: bytes)
        }
        do throws(FieldError) {
            var f = try Fields(document.root, known: ["version", key])
            let v = try f.required("version")
            try within(.key("version")) { () throws(FieldError) in
                guard v.int == version else { throw v.mismatch("format version \(version)") }
            }
            let elements = try f.list(key, element)
            f.finish()
            return elements
        } catch {
            let at = document.position(of: error.offset ?? 0)
            throw LoadError(file: fileName, path: error.path, line: at.line, column: at.column, message: error.message)
        }
    }

    static func write(_ fileName: String, in directory: String, version: Int, list key: String, _ elements: [JSONOutput],
                      mode: mode_t) throws(SaveError) {
        let root = JSONOutput.object([.init("version", .int(version)), .init(key, .array(elements))])
        try AtomicFile.replace(fileName, in: directory, with: JSONWriter.pretty(root), newFileMode: mode)
        try AtomicFile.syncDirectory(directory, after: fileName)
    }
}
