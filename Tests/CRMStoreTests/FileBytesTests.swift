import Foundation
import Testing
@testable import CRMStore

/// Data files are read in place; one cut short by another program while it is read never
/// crashes crmtop nor passes for the file's content.
@Suite struct FileBytesTests {
    static let pages = Array(repeating: UInt8(ascii: "a"), count: 3 * 4096 + 17)

    @Test func aMappedFileReadsLikeOneReadIntoMemory() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let bytes = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        dir.write("data", bytes: bytes)
        for offset in [0, 1, 4095, 4096, 5_000, 19_999] {
            let mapped = try #require(try DiskFile.read(dir.file("data").path, name: "data", from: offset, mapped: true))
            let copied = try #require(try DiskFile.read(dir.file("data").path, name: "data", from: offset))
            #expect(Array(mapped.bytes) == Array(bytes[offset...]))
            #expect(Array(copied.bytes) == Array(bytes[offset...]))
            #expect(mapped.stamp == copied.stamp)
        }
        dir.write("empty", bytes: [])
        #expect(try #require(try DiskFile.read(dir.file("empty").path, name: "empty", mapped: true)).bytes.isEmpty)
        #expect(try DiskFile.read(dir.file("missing").path, name: "missing", mapped: true) == nil)
    }

    @Test func aFileCutShortWhileMappedReadsAsZerosAndSaysSo() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("reminders.json", bytes: Self.pages)
        let path = dir.file("reminders.json").path
        let (bytes, _) = try #require(try DiskFile.read(path, name: "reminders.json", mapped: true))
        #expect(!bytes.wasCutShort)
        // What an editor saving in place does: the file shrinks under the reader.
        #expect(truncate(path, 100) == 0)
        #expect(bytes[50] == UInt8(ascii: "a"))
        #expect(bytes[3 * 4096 + 10] == 0)
        #expect(bytes.wasCutShort)
    }

    @Test func workOnAFileCutShortIsDoneAgainOnTheFileAsItIsNow() throws {
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("cases.json", bytes: Self.pages)
        let path = dir.file("cases.json").path
        var attempts = 0
        let read = try DiskReads.whole("cases.json") { reads throws(LoadError) in
            attempts += 1
            let (bytes, _) = try reads.read(path, name: "cases.json")!
            if attempts == 1 {
                _ = truncate(path, 0)
                dir.write("cases.json", "{}")
            }
            return bytes.withUnsafeBufferPointer { $0.reduce(0) { $0 + Int($1) } }
        }
        #expect(attempts == 2)
        #expect(read == Int(UInt8(ascii: "{")) + Int(UInt8(ascii: "}")))
    }

    @Test func aFileThatKeepsBeingCutShortIsAnErrorNamingIt() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("people.json").path
        var attempts = 0
        let error = #expect(throws: LoadError.self) {
            try DiskReads.whole("people.json") { reads throws(LoadError) in
                attempts += 1
                dir.write("people.json", bytes: Self.pages)
                let (bytes, _) = try reads.read(path, name: "people.json")!
                _ = truncate(path, 10)
                return bytes.last
            }
        }
        #expect(attempts == 3)
        #expect(error?.description.hasPrefix("people.json:") == true)
        #expect(error?.description.contains("cut short while it was read") == true)
    }
}
