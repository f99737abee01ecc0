import CRMCore
import Foundation

/// One pass over a data directory for `DataStore.checkReport`.
struct Checker {
    static let order = Dictionary(uniqueKeysWithValues: (DataStore.Collection.allCases.map(\.fileName) + [Journal.fileName])
        .enumerated().map { ($1, $0) })

    let store: DataStore
    var data = DataSet()
    var problems: [LoadError] = []
    var zone = TimeZone.gmt
    /// Each snapshot as read, to find records in for what the consistency rules report.
    var documents: [DataStore.Collection: CheckLog] = [:]
    var seqs: [DataStore.Collection: Int] = [:]
    /// For each activity read, its line.
    var activityLines: [(line: Int, log: CheckLog)] = []
    /// Records the journal wrote whole, by list and id (`noteOrigin`).
    var journalled: [String: JournalOrigin] = [:]
    /// Files not read at all; what refers to them is not checked.
    var unread: Set<DataStore.Collection> = []
    /// Files whose journalled changes were passed over for that reason.
    var journalSkipped: Set<DataStore.Collection> = []

    init(store: DataStore) {
        self.store = store
    }

    mutating func run() {
        for collection in DataStore.Collection.snapshots {
            readSnapshot(collection)
            if collection == .settings { zone = data.settings.defaultCalendar.timeZone }
        }
        readActivities()
        // Before the journal changes the lists, so each record is found where its file has it;
        // the journal's own over-long fields are reported at their lines.
        for finding in Consistency.oversized(data) { report(finding) }
        readJournal()
        for finding in Consistency.findings(data, unread: unread) { report(finding) }
    }

    /// The file's bytes; nil when there is none or it cannot be read, which is a problem.
    private mutating func read(_ name: String) -> FileBytes? {
        do throws(LoadError) {
            return try DiskFile.read(store.path(of: name), name: name)?.bytes
        } catch {
            problems.append(error)
            return nil
        }
    }

    private mutating func readSnapshot(_ collection: DataStore.Collection) {
        let name = collection.fileName
        let known = problems.count
        guard let text = read(name) else {
            if problems.count > known { unread.insert(collection) }
            return
        }
        let document: JSONDocument
        do throws(JSONSyntaxError) {
            document = try .parse(text)
        } catch {
            problems.append(LoadError(file: name, syntax: error, in: text))
            unread.insert(collection)
            return
        }
        let log = CheckLog(document)
        document.checkLog = log
        do throws(FieldError) {
            seqs[collection] = try FileFormats.decode(collection, document, zone: zone, into: &data)
        } catch {
            // Records are read past one by one; what stops decoding stops the whole file (a
            // newer version, a list that is not one), so nothing of it was read.
            log.note(error)
            unread.insert(collection)
        }
        documents[collection] = log
        collect(log, file: name)
    }

    /// The log's problems, and unknown fields that look like misspelt known ones.
    private mutating func collect(_ log: CheckLog, file: String, line: Int = 0, prefix: [FieldError.Step] = []) {
        let document = log.document
        func add(_ path: [FieldError.Step], _ offset: Int, _ message: String) {
            let at = document.position(of: offset)
            problems.append(LoadError(file: file, path: FieldError.path(prefix + path), line: line + at.line,
                                      column: at.column, message: message))
        }
        for problem in log.problems { add(problem.path, problem.offset, problem.message) }
        for (object, keys, known) in document.unknownMembers {
            for key in keys {
                let name = JSONValue(document: document, index: key).string ?? ""
                guard let meant = Consistency.intended(name, among: known) else { continue }
                add(document.path(to: object), JSONValue(document: document, index: key).offset,
                    "unknown field \"\(clip(name))\"; did you mean \"\(meant)\"? It is kept as it is, and \(meant) is not set")
            }
        }
    }

    /// Line by line, so a broken line hides nothing after it. Each line is a window on the
    /// file's bytes, found with `memchr`: nothing is copied or looked at byte by byte through
    /// the collection, which is what made a line of megabytes cost seconds.
    private mutating func lines(_ name: String, _ body: (inout Checker, Int, JSONDocument, CheckLog) -> Void) {
        guard let text = read(name) else { return }
        let ends = Self.lineEnds(text, count: LogFile.completeCount(text))
        var start = 0
        for (n, end) in ends.enumerated() {
            let line = n + 1
            var bytes = text
            bytes.removeFirst(start)
            bytes.keepFirst(end - start)
            start = end + 1
            guard Self.hasContent(bytes), bytes.withUnsafeBufferPointer({ LogFile.batchSize(ofLine: $0) }) == nil else { continue }
            do throws(JSONSyntaxError) {
                let document = try JSONDocument.parse(bytes)
                let log = CheckLog(document)
                document.checkLog = log
                body(&self, line, document, log)
            } catch {
                let at = TextPosition(of: error.offset, in: bytes)
                problems.append(LoadError(file: name, line: line, column: at.column, message: error.message))
            }
        }
    }

    /// Where each line of the first `count` bytes ends: its newline, or `count` for the last
    /// line when it has none.
    private static func lineEnds(_ text: FileBytes, count: Int) -> [Int] {
        text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var ends: [Int] = [], start = 0
            while start < count {
                let newline = memchr(base + start, Int32(UInt8.lf), count - start)
                let end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count
                ends.append(end)
                start = end + 1
            }
            return ends
        }
    }

    /// Whether a line is more than blanks; stops at the first other byte, the line's start.
    private static func hasContent(_ bytes: FileBytes) -> Bool {
        bytes.withUnsafeBufferPointer { line in
            line.contains { $0 != .space && $0 != .tab && $0 != .cr }
        }
    }

    private mutating func readActivities() {
        let name = DataStore.Collection.activities.fileName
        var header = true
        let known = problems.count
        lines(name) { checker, line, document, log in
            // Lines under a header that was refused are in a format this crmtop does not know.
            guard !checker.unread.contains(.activities) else { return }
            let isHeader = header
            header = false
            let n = checker.data.activities.count
            do throws(FieldError) {
                if isHeader {
                    do throws(FieldError) {
                        try FileFormats.versioned(document.root, known: ["version"]).finish()
                    } catch {
                        checker.unread.insert(.activities)
                        throw error
                    }
                } else {
                    let activity = try PeopleCodec.decodeActivity(document.root, zone: checker.zone)
                    if log.problems.isEmpty {
                        checker.data.activities.append(activity)
                        checker.activityLines.append((line, log))
                    }
                }
            } catch {
                log.note(error)
            }
            checker.collect(log, file: name, line: line - 1, prefix: isHeader ? [] : [.key("activities"), .index(n)])
        }
        if header && problems.count > known { unread.insert(.activities) }
    }

    private mutating func readJournal() {
        var header = true
        lines(Journal.fileName) { checker, line, document, log in
            defer { checker.collect(log, file: Journal.fileName, line: line - 1) }
            do throws(FieldError) {
                if header {
                    header = false
                    var f = try FileFormats.versioned(document.root, known: ["version", "seq"])
                    _ = try f.int("seq", or: 0)
                    f.finish()
                    return
                }
                var f = try Fields(document.root, known: MutationCodec.fields)
                let seq = try f.int("seq")
                let mutation = try MutationCodec.decode(&f, zone: checker.zone)
                guard log.problems.isEmpty, seq > checker.seqs[mutation.collection, default: 0] else { return }
                // Applied to a file that was not read, every change would seem not to apply.
                guard !checker.unread.contains(mutation.collection) else {
                    checker.journalSkipped.insert(mutation.collection)
                    return
                }
                for (what, field) in mutation.oversizedFields(in: checker.data) {
                    log.note(FieldError("change \(seq): \(what): \(field.message)" + Consistency.keptAsItIs, at: 0))
                }
                do throws(MutationError) {
                    try mutation.apply(to: &checker.data)
                    checker.noteOrigin(of: mutation, line: line, document: document)
                } catch {
                    log.note(FieldError("change \(seq) no longer applies (\(clip(error.description, to: 200))); loading skips it", at: 0))
                }
            } catch {
                log.note(error)
            }
        }
    }

    private mutating func report(_ finding: Consistency.Finding) {
        let file = finding.collection.fileName
        guard let index = finding.index else {
            reportInObject(finding)
            return
        }
        if reportInJournal(finding, at: index) { return }
        let steps: [FieldError.Step] = [.key(finding.list), .index(index)] + finding.path
        if finding.collection == .activities {
            let (line, log) = activityLines[index]
            let offset = log.document.value(at: finding.path)?.offset ?? 0
            let at = log.document.position(of: offset)
            problems.append(LoadError(file: file, path: FieldError.path(steps), line: line, column: at.column,
                                      message: finding.message))
            return
        }
        guard let log = documents[finding.collection], let list = log.document.root[finding.list] else {
            problems.append(LoadError(file: file, path: FieldError.path(steps), message: finding.message))
            return
        }
        let n = log.position(of: index, in: list)
        let path: [FieldError.Step] = [.key(finding.list), .index(n)] + finding.path
        // A field left out points at its record.
        let value = log.document.value(at: path) ?? log.document.value(at: Array(path.prefix(2)))
        let at = log.document.position(of: value?.offset ?? 0)
        problems.append(LoadError(file: file, path: FieldError.path(path), line: at.line, column: at.column,
                                  message: finding.message))
    }

    /// A finding in an object rather than a list's record, such as settings.json's `wall`.
    private mutating func reportInObject(_ finding: Consistency.Finding) {
        let path: [FieldError.Step] = [.key(finding.list)] + finding.path
        let document = documents[finding.collection]?.document
        let value = document?.value(at: path) ?? document?.value(at: [.key(finding.list)])
        let at = document.map { $0.position(of: value?.offset ?? 0) }
        problems.append(LoadError(file: finding.collection.fileName, path: FieldError.path(path),
                                  line: at?.line, column: at?.column, message: finding.message))
    }
}
