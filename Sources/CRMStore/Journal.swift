import CRMCore
import Foundation

/// `journal.jsonl`: changes made since the snapshot files were last rewritten, one per line,
/// each with a sequence number. A snapshot file records the number of the last change it
/// holds (`journal_seq`), so loading replays exactly the changes each file is missing, even
/// after a crash between rewriting one snapshot and the next.
enum Journal {
    static let fileName = "journal.jsonl"

    struct Entry: Sendable {
        var seq: Int
        var mutation: Mutation
        var collection: DataStore.Collection { mutation.collection }
    }

    /// The first line: the format version and the number of the last change made before the
    /// file's first line, so numbering carries on after the lines are compacted away.
    static func header(seq: Int) -> [UInt8] {
        JSONWriter.compact(.object([.init("version", .int(FileFormats.version)), .init("seq", .int(seq))])) + [.lf]
    }

    static func lines(_ entries: [Entry], zone: TimeZone) throws(SaveError) -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            do throws(FieldError) {
                let members = try MutationCodec.members(entry.mutation, zone: zone)
                JSONWriter.write(.object([.init("seq", .int(entry.seq))] + members), into: &out, indent: 0, style: .compact)
                out.append(.lf)
            } catch {
                throw SaveError(file: fileName, path: error.path, message: error.message)
            }
        }
        return out
    }

    /// The journal at `path` from `position` on, read and parsed (see `parse`); nil when there
    /// is no journal.
    static func read(_ path: String, after position: LogPosition, lastSeq: Int,
                     zone: TimeZone) throws(LoadError) -> (chunk: LogFile.Chunk, headerSeq: Int?, entries: [Entry])? {
        try DiskReads.whole(fileName) { reads throws(LoadError) in
            guard let chunk = try LogFile.readNew(path, name: fileName, after: position, in: reads) else { return nil }
            let parsed = try parse(chunk, after: lastSeq, zone: zone)
            return (chunk, parsed.headerSeq, parsed.entries)
        }
    }

    /// Reads new lines; the header is expected only when the chunk starts at the top of the file.
    /// Returns the header's sequence number, if read, and the changes in order.
    static func parse(_ chunk: LogFile.Chunk, after lastSeq: Int, zone: TimeZone) throws(LoadError) -> (headerSeq: Int?, entries: [Entry]) {
        let document: JSONDocument
        do throws(JSONSyntaxError) {
            document = try .parseLines(chunk.bytes)
        } catch {
            throw LoadError(file: fileName, at: error.offset, in: chunk, message: error.message)
        }
        var lines = document.root.elements[...]
        var headerSeq: Int?
        var previous = lastSeq
        do throws(FieldError) {
            if chunk.fromStart {
                guard let first = lines.popFirst() else {
                    throw FieldError("the file has no {\"version\":\(FileFormats.version),\"seq\":…} line", at: 0)
                }
                var f = try FileFormats.versioned(first, known: ["version", "seq"])
                headerSeq = try f.int("seq", or: 0)!
                f.finish()
                previous = headerSeq!
            }
            var entries: [Entry] = []
            for line in lines where !isBatchLine(line, in: chunk) {
                var f = try Fields(line, known: MutationCodec.fields)
                let seqValue = try f.required("seq")
                let seq = try within(.key("seq")) { () throws(FieldError) in
                    let seq = try seqValue.decodeInt()
                    guard seq > previous else {
                        throw FieldError("change \(seq) comes after change \(previous); numbers must grow", at: seqValue.offset)
                    }
                    return seq
                }
                previous = seq
                entries.append(Entry(seq: seq, mutation: try MutationCodec.decode(&f, zone: zone)))
            }
            return (headerSeq, entries)
        } catch {
            throw LoadError(file: fileName, path: error.path, at: error.offset ?? 0, in: chunk, message: error.message)
        }
    }
}

extension Journal {
    /// Whether `line` announces a batch (see `LogFile.batch`) rather than holding a change.
    fileprivate static func isBatchLine(_ line: JSONValue, in chunk: LogFile.Chunk) -> Bool {
        guard line.kind == .object, line.count == 1 else { return false }
        return chunk.bytes.withUnsafeBufferPointer { buffer in
            let rest = buffer[line.offset...]
            let end = rest.firstIndex(of: .lf) ?? buffer.endIndex
            return LogFile.batchSize(ofLine: UnsafeBufferPointer(rebasing: buffer[line.offset..<end])) != nil
        }
    }
}

extension LoadError {
    /// An error at a byte offset of a chunk that starts part way through a file.
    init(file: String, path: String = "", at offset: Int, in chunk: LogFile.Chunk, message: String) {
        let at = TextPosition(of: offset, in: chunk.bytes)
        self.init(file: file, path: path, line: chunk.linesBefore() + at.line, column: at.column, message: message)
    }
}
