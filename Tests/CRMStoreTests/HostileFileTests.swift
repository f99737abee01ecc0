import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// Whole files as the loader sees them, cut short or damaged at random.
@Suite struct HostileFileTests {
    static func savedFiles() throws -> [DataStore.Collection: [UInt8]] {
        var files: [DataStore.Collection: [UInt8]] = [:]
        for collection in DataStore.Collection.allCases {
            files[collection] = try FileFormats.encode(collection, Samples.full)
        }
        return files
    }

    /// Parses and decodes like `DataStore.load` does, returning the error's position.
    static func decode(_ collection: DataStore.Collection, _ bytes: [UInt8]) -> (ok: Bool, position: TextPosition?) {
        do throws(JSONSyntaxError) {
            let doc = collection == .activities ? try JSONDocument.parseLines(bytes) : try JSONDocument.parse(bytes)
            var data = DataSet()
            do throws(FieldError) {
                _ = try FileFormats.decode(collection, doc, zone: berlin, into: &data)
                return (true, nil)
            } catch {
                return (false, doc.position(of: error.offset ?? 0))
            }
        } catch {
            return (false, TextPosition(of: error.offset, in: bytes))
        }
    }

    @Test(arguments: DataStore.Collection.allCases)
    func truncationAtEveryByte(collection: DataStore.Collection) throws {
        let bytes = try #require(try Self.savedFiles()[collection])
        let lineStarts = Set(bytes.indices.filter { $0 == 0 || bytes[$0 - 1] == .lf })
        for end in 0..<(bytes.count - 1) {
            let result = Self.decode(collection, Array(bytes[..<end]))
            let wholeLines = end > 0 && (lineStarts.contains(end) || bytes[end] == .lf)
            if collection == .activities && wholeLines {
                #expect(result.ok, "whole lines are a shorter but valid log (\(end) bytes)")
            } else {
                #expect(!result.ok, "\(collection) cut to \(end) bytes")
                let lines = bytes[..<end].count { $0 == .lf } + 1
                #expect((1...lines).contains(result.position?.line ?? 0))
            }
        }
    }

    @Test(arguments: DataStore.Collection.allCases)
    func randomDamageIsReportedNeverACrash(collection: DataStore.Collection) throws {
        let original = try #require(try Self.savedFiles()[collection])
        var random = SplitMix64(seed: 0x5EED + UInt64(collection.fileName.utf8.count))
        let interesting: [UInt8] = Array("{}[]\",:0-e.\\ntu\u{0}".utf8) + [0xFF, 0xC3, 0x80]
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0...(random.next() % 3) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[at] = interesting[Int(random.next() % UInt64(interesting.count))]
                case 1: bytes.remove(at: at)
                default: bytes.insert(interesting[Int(random.next() % UInt64(interesting.count))], at: at)
                }
            }
            let result = Self.decode(collection, bytes)
            if !result.ok {
                let position = try #require(result.position)
                #expect(position.line >= 1 && position.column >= 1)
            }
        }
    }
}
