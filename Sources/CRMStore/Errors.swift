/// Why a data directory could not be loaded, pointing into the file like a compiler does:
/// `reminders.json:12:14: reminders[3].due: expected a time like …, found 42`.
public struct LoadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's name inside the data directory.
    public var file: String
    /// Where in the data, e.g. `reminders[3].due`; empty when the text is not valid JSON.
    public var path: String
    /// 1-based; nil when the problem is with the file as a whole (it cannot be read).
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, path: String = "", line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var text = file
        if let line, let column { text += ":\(line):\(column)" }
        text += ": "
        if !path.isEmpty { text += path + ": " }
        return text + message
    }
}

extension LoadError {
    /// `file` is not the JSON it should be: `error` says why, at a byte offset into `bytes`.
    init<Bytes: Collection<UInt8>>(file: String, syntax error: JSONSyntaxError, in bytes: Bytes) {
        let at = TextPosition(of: error.offset, in: bytes)
        self.init(file: file, line: at.line, column: at.column, message: error.message)
    }
}

/// Why a save did not happen. Whatever was on disk before is still there.
public struct SaveError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// The field that cannot be written, when the data itself is the problem.
    public var path: String
    public var message: String
    /// The OS error number, when the file system refused.
    public var code: Int32?

    public init(file: String, path: String = "", message: String, code: Int32? = nil) {
        self.file = file
        self.path = path
        self.message = message
        self.code = code
    }

    public var description: String {
        "cannot save \(file): " + (path.isEmpty ? "" : path + ": ") + message
    }
}

/// A problem found in one value while decoding or encoding, on its way out to the file
/// level. The path grows as it passes through each enclosing value, so building it costs
/// nothing when all goes well.
struct FieldError: Error {
    enum Step { case key(String), index(Int) }

    /// Innermost first.
    var steps: [Step] = []
    /// Byte offset of the offending value; nil when encoding.
    var offset: Int?
    var message: String

    init(_ message: String, at offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }

    var path: String { Self.path(steps.reversed()) }

    /// `reminders[3].due` for the steps to it, outermost first.
    static func path(_ steps: some Sequence<Step>) -> String {
        var text = ""
        for step in steps {
            switch step {
            case .index(let n): text += "[\(n)]"
            case .key(let key) where key.utf8.allSatisfy(Self.isPlain) && !key.isEmpty:
                text += text.isEmpty ? key : "." + key
            case .key(let key): text += "[\"\(clip(key))\"]"
            }
        }
        return text
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }
}

/// Runs `body`, adding `step` to the path of any error it throws. The step is made only then:
/// a hundred thousand records read without a problem would otherwise make a million of them.
@inline(__always)
func within<T>(_ step: @autoclosure () -> FieldError.Step, _ body: () throws(FieldError) -> T) throws(FieldError) -> T {
    do {
        return try body()
    } catch {
        var error = error
        error.steps.append(step())
        throw error
    }
}
