import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// Valid data directories damaged at random, then loaded, checked and written to through the
/// store as a user's process would. Whatever the damage: no crash, an error that names its
/// file and place, `check` finds something, and nothing on disk is overwritten.
///
/// A few hundred cases by default; `scripts/fuzz.sh` runs as many as you like
/// (`CRMTOP_FUZZ_CASES`, `CRMTOP_FUZZ_SEED`).
@Suite struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let cases = Int(environment["CRMTOP_FUZZ_CASES"] ?? "") ?? 300
    static let seed = UInt64(environment["CRMTOP_FUZZ_SEED"] ?? "") ?? 0xF022

    /// The files of a directory holding every kind of record and a journal.
    static let original: [String: [UInt8]] = {
        let dir = TempDir()
        defer { dir.remove() }
        try! dir.store.save(Samples.full)
        try! dir.store.apply([
            .reminder(.acknowledge(id: "r2", person: "jo", at: utc(2026, 11, 23, 9))),
            .supportCase(.put(Samples.full.cases[1])),
            .logActivity(Samples.full.activities[0]),
        ])
        return Dictionary(uniqueKeysWithValues: dir.files.compactMap { name in dir.read(name).map { (name, $0) } })
    }()

    @Test func damagedDirectoriesAreReportedNeverACrashAndNeverOverwritten() throws {
        var random = SplitMix64(seed: Self.seed)
        let names = Self.original.keys.sorted()
        for n in 0..<Self.cases {
            let dir = TempDir()
            defer { dir.remove() }
            var files = Self.original
            let target = names[Int(random.next() % UInt64(names.count))]
            for _ in 0...(random.next() % 3) { Damage.apply(to: &files[target]!, &random) }
            for (name, bytes) in files { dir.write(name, bytes: bytes) }

            let loaded: LoadError?
            do throws(LoadError) {
                _ = try DataStore(directory: dir.url).load()
                loaded = nil
            } catch {
                loaded = error
            }
            if let loaded {
                #expect(names.contains(loaded.file), "case \(n): \(loaded)")
                #expect((loaded.line ?? 1) >= 1 && (loaded.column ?? 1) >= 1, "case \(n): \(loaded)")
                #expect(!DataStore(directory: dir.url).check().isEmpty, "case \(n): load failed with \(loaded), check found nothing")
            } else {
                _ = DataStore(directory: dir.url).check()
            }

            let change: Mutation = .reminder(.acknowledge(id: "r1", person: "maria", at: utc(2026, 11, 23, 9)))
            do throws(StoreError) {
                try DataStore(directory: dir.url).apply([change])
                #expect(loaded == nil, "case \(n): a directory that does not load took a change")
            } catch {
                // Refused (the damage removed r1, or maria from its owners) or unreadable: either
                // way the files are exactly as they were.
                for (name, bytes) in files where name != DirectoryLock.fileName {
                    #expect(dir.read(name) == bytes, "case \(n): \(name) changed after \(error)")
                }
            }
        }
    }
}

/// Ways files get damaged: cut short, bytes flipped or lost, hostile content spliced in.
enum Damage {
    static let tokens: [[UInt8]] = [
        Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8), Array(",".utf8), Array(":".utf8),
        Array("\"".utf8), Array("\\".utf8), Array("null".utf8), Array("true".utf8), Array("-1e999".utf8),
        Array("9223372036854775808".utf8), Array("\"\\ud800\"".utf8), Array("\n".utf8), [0], [0xFF], [0xC3], [0xED, 0xA0, 0x80],
        Array("\"version\": 99, ".utf8), Array("\"id\": 7, ".utf8), Array("\"due\": \"2026-02-30T10:00:00Z\", ".utf8),
        Array("\"first_response\": \"-1h\", ".utf8),
    ]

    static func apply(to bytes: inout [UInt8], _ random: inout SplitMix64) {
        func at() -> Int { bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count)) }
        switch random.next() % 12 {
        case 0: bytes = Array(bytes.prefix(at()))
        case 1: if !bytes.isEmpty { bytes[at()] ^= UInt8(1 << (random.next() % 8)) }
        case 2: if !bytes.isEmpty { bytes.remove(at: at()) }
        case 3, 4: bytes.insert(contentsOf: tokens[Int(random.next() % UInt64(tokens.count))], at: at())
        case 5:
            // A stretch copied elsewhere: duplicate keys, doubled records.
            let start = at(), length = min(Int(random.next() % 80), bytes.count - start)
            bytes.insert(contentsOf: bytes[start..<(start + length)], at: at())
        case 6:
            let start = at(), length = min(Int(random.next() % 40), bytes.count - start)
            bytes.removeSubrange(start..<(start + length))
        case 7:
            // Deeper than the parser allows, or just under.
            let depth = random.next() % 2 == 0 ? 600 : 500
            bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "["), count: depth)
                + Array(repeating: UInt8(ascii: "]"), count: depth), at: at())
        case 8:
            // A long string; 10 MB once in a long run (JSONParserTests has one every time).
            let length = random.next() % 200 == 0 ? 10_000_000 : 100_000
            if let quote = bytes.firstIndex(of: UInt8(ascii: "\""), after: at()) {
                bytes.insert(contentsOf: repeatElement(UInt8(ascii: "x"), count: length), at: quote + 1)
            }
        case 9:
            // A string where a number or object was, and the other way round.
            if let colon = bytes.firstIndex(of: UInt8(ascii: ":"), after: at()) {
                bytes.insert(contentsOf: Array(random.next() % 2 == 0 ? " 42, \"x\":".utf8 : " \"42\", \"y\":".utf8), at: colon + 1)
            }
        case 10: bytes = []
        default: bytes += Array(#"{"seq":"#.utf8)
        }
    }
}

extension Array where Element == UInt8 {
    func firstIndex(of byte: UInt8, after start: Int) -> Int? {
        self[Swift.min(start, count)...].firstIndex(of: byte)
    }
}
