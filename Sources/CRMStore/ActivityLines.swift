#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CRMCore
import Dispatch
import Foundation

/// Reading `activities.jsonl`, which can hold a million lines: lines in exactly the shape
/// crmtop writes are read straight from the bytes, without a parsed document in between, and
/// a large file is read in parts on all cores. Any other line (hand-written, escaped strings,
/// other fields, mistakes) goes through the parser and the codec like every other file, so
/// it means the same and fails the same way.
enum ActivityLines {
    struct Failure: Error {
        /// Into the bytes given.
        var offset: Int
        /// From the file's top: `activities[12].count`.
        var path: [FieldError.Step]
        var message: String
    }

    /// Decodes whole lines, the version line first when `header`. `firstIndex` is how many
    /// activities come before these. Throws the first problem in the file's order.
    static func decode(_ bytes: FileBytes, header: Bool, zone: TimeZone,
                       firstIndex: Int) throws(Failure) -> (activities: [Activity], unknown: UnknownFields) {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            let shared = ReadOnly(buffer: buffer)
            var start = 0
            if header { start = try readHeader(buffer) }
            let bounds = parts(of: buffer, from: start,
                               count: bytes.count < 1 << 20 ? 1 : ProcessInfo.processInfo.activeProcessorCount)
            // Each part decodes straight into its own stretch of the array: at a million
            // activities, gathering them from separate arrays costs as much as a part.
            let slots = bounds.map { shared.lines(in: $0) }
            guard slots.contains(where: { $0 > 0 }) else { return ([], UnknownFields()) }
            var parts: [Part] = []
            let activities = [Activity](unsafeUninitializedCapacity: slots.reduce(0, +)) { storage, count in
                let out = Output(base: storage.baseAddress!)
                let results = PartResults(count: bounds.count, empty: Part())
                DispatchQueue.concurrentPerform(iterations: bounds.count) { p in
                    let slot = slots[..<p].reduce(0, +)
                    results.set(p, Part(shared.buffer, bounds[p], into: out.base + slot, zone: zone))
                }
                parts = results.takeAll()
                // Blank lines took a slot and filled none: close the gaps.
                var filled = 0, slot = 0
                for (p, part) in parts.enumerated() {
                    if filled != slot { (out.base + filled).moveInitialize(from: out.base + slot, count: part.count) }
                    filled += part.count
                    slot += slots[p]
                }
                count = filled
            }
            var unknown = UnknownFields()
            var base = firstIndex
            for part in parts {
                if let failure = part.failure {
                    let record: [FieldError.Step] = failure.index >= 0 ? [.key("activities"), .index(base + failure.index)] : []
                    throw Failure(offset: failure.offset, path: record + failure.path, message: failure.message)
                }
                for (index, patches) in part.unknown {
                    unknown.patches[UnknownFields.Anchor(list: "", key: "#\(base + index)")] = patches
                }
                base += part.count
            }
            return (activities, unknown)
        }
    }

    /// Checks the version line and returns where the lines after it start.
    private static func readHeader(_ buffer: UnsafeBufferPointer<UInt8>) throws(Failure) -> Int {
        var start = 0
        while start < buffer.count {
            let end = buffer[start...].firstIndex(of: .lf) ?? buffer.count
            let line = Array(buffer[start..<end])
            defer { start = end + 1 }
            guard line.contains(where: { $0 != .space && $0 != .tab && $0 != .cr }) else { continue }
            let document: JSONDocument
            do throws(JSONSyntaxError) {
                document = try JSONDocument.parse(line)
            } catch {
                throw Failure(offset: start + error.offset, path: [], message: error.message)
            }
            do throws(FieldError) {
                try FileFormats.versioned(document.root, known: ["version"]).finish()
            } catch {
                throw Failure(offset: start + (error.offset ?? 0), path: error.steps.reversed(), message: error.message)
            }
            return min(end + 1, buffer.count)
        }
        throw Failure(offset: 0, path: [], message: "the file has no {\"version\":\(FileFormats.version)} line")
    }

    /// About equal parts, each ending at a line's end.
    private static func parts(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> [Range<Int>] {
        var bounds: [Range<Int>] = []
        var start = start
        let size = bytes.count - start
        for p in 1...max(count, 1) {
            var end = p == count ? bytes.count : max(start, bytes.count - size + size * p / count)
            while end < bytes.count && end > 0 && bytes[end - 1] != .lf { end += 1 }
            bounds.append(start..<end)
            start = end
        }
        return bounds
    }

    /// The lines of one part, decoded into consecutive slots; it stops at its first problem.
    private struct Part: Sendable {
        struct Problem: Sendable {
            var offset: Int
            /// Of the activity within the part; -1 for a line that is not JSON.
            var index: Int
            var path: [FieldError.Step]
            var message: String
        }

        /// Activities placed.
        var count = 0
        var unknown: [(index: Int, patches: [UnknownFields.Patch])] = []
        var failure: Problem?

        init() {}

        init(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: UnsafeMutablePointer<Activity>,
             zone: TimeZone) {
            var start = range.lowerBound
            let base = buffer.baseAddress!
            var recent = Fast.Recent()
            while start < range.upperBound {
                let found = memchr(base + start, Int32(UInt8.lf), range.upperBound - start)
                let end = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? range.upperBound
                defer { start = end + 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                guard line.contains(where: { $0 != .space && $0 != .tab && $0 != .cr }),
                      LogFile.batchSize(ofLine: line) == nil else { continue }
                guard let activity = Fast.activity(line, zone: zone, recent: &recent) ?? general(line, at: start, zone: zone)
                else { return }
                (out + count).initialize(to: activity)
                count += 1
            }
        }

        /// A line the fast path does not take; nil after a problem.
        private mutating func general(_ line: UnsafeBufferPointer<UInt8>, at start: Int, zone: TimeZone) -> Activity? {
            let document: JSONDocument
            do throws(JSONSyntaxError) {
                document = try .parse(Array(line))
            } catch {
                failure = Problem(offset: start + error.offset, index: -1, path: [], message: error.message)
                return nil
            }
            do throws(FieldError) {
                let activity = try PeopleCodec.decodeActivity(document.root, zone: zone)
                if !document.unknownMembers.isEmpty {
                    unknown.append((count, UnknownFields.patches(ofRecord: document)))
                }
                return activity
            } catch {
                failure = Problem(offset: start + (error.offset ?? 0), index: count, path: error.steps.reversed(),
                                  message: error.message)
                return nil
            }
        }
    }

    /// The bytes, which nobody writes while the parts are read.
    private struct ReadOnly: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>

        /// Slots a part needs: one per line, counting a last line without its newline.
        func lines(in range: Range<Int>) -> Int {
            var n = 0, at = range.lowerBound
            while at < range.upperBound, let found = memchr(buffer.baseAddress! + at, Int32(UInt8.lf), range.upperBound - at) {
                n += 1
                at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - buffer.baseAddress! + 1
            }
            return n + (at < range.upperBound ? 1 : 0)
        }
    }

    /// Where the parts put their activities; each writes only its own stretch.
    private struct Output: @unchecked Sendable {
        let base: UnsafeMutablePointer<Activity>
    }
}

/// Lines as crmtop writes them: `{"person":"…","kpi":"…","count":N,"at":"…"}` with an optional
/// `"note"` last, strings of plain ASCII without escapes. Anything else is left to the parser.
private enum Fast {
    /// What the lines read so far have in common with the next: a log names the same few
    /// hundred people and KPIs a million times, mostly on the same day as the line before.
    struct Recent {
        var day = TimeText.RecentDay()
        /// Short strings already made, by their bytes, their length in the top byte.
        private var keys = [(UInt64, UInt64)](repeating: (0, 0), count: 1024)
        private var strings = [String](repeating: "", count: 1024)

        mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            guard bytes.count > 0, bytes.count < 16 else { return String(decoding: bytes, as: UTF8.self) }
            var key: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &key) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            key.1 |= UInt64(bytes.count) << 56
            let slot = Int(truncatingIfNeeded: ((key.0 ^ key.1 &* 0x9E37_79B9_7F4A_7C15) &* 0x9E37_79B9_7F4A_7C15) >> 54)
            if keys[slot] == key { return strings[slot] }
            let made = String(decoding: bytes, as: UTF8.self)
            keys[slot] = key
            strings[slot] = made
            return made
        }
    }

    static func activity(_ line: UnsafeBufferPointer<UInt8>, zone: TimeZone, recent: inout Recent) -> Activity? {
        var i = 0
        func literal(_ text: StaticString) -> Bool {
            let n = text.utf8CodeUnitCount
            guard i + n <= line.count, memcmp(line.baseAddress! + i, text.utf8Start, n) == 0 else { return false }
            i += n
            return true
        }
        /// The bytes up to the closing quote, which is passed.
        func raw() -> UnsafeBufferPointer<UInt8>? {
            let start = i
            while i < line.count {
                let byte = line[i]
                if byte == .quote {
                    i += 1
                    return UnsafeBufferPointer(rebasing: line[start..<(i - 1)])
                }
                guard byte >= 0x20 && byte < 0x80 && byte != .backslash else { return nil }
                i += 1
            }
            return nil
        }
        func string() -> String? { raw().map { recent.string($0) } }
        func integer() -> Int? {
            let negative = i < line.count && line[i] == .minus
            if negative { i += 1 }
            let start = i
            var value = 0
            while i < line.count, line[i] >= .zero, line[i] <= .zero + 9, i - start < 18 {
                value = value * 10 + Int(line[i] - .zero)
                i += 1
            }
            guard i > start, !(line[start] == .zero && i - start > 1) else { return nil }
            return negative ? -value : value
        }

        guard literal(#"{"person":""#), let person = string(), literal(#","kpi":""#), let kpi = string(),
              literal(#","count":"#), let count = integer(), literal(#","at":""#),
              let at = raw().flatMap({ TimeText.parse(utf8: $0, zone: zone, recent: &recent.day) })
        else { return nil }
        var note: String?
        if literal(#","note":""#) {
            guard let text = raw().map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
            note = text
        }
        guard literal("}"), i == line.count else { return nil }
        return Activity(person: person, kpi: kpi, count: count, at: at, note: note)
    }
}
