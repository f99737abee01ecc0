import CFileMapping
import CTerminalGuard
import Foundation
import Testing

/// A data file cut short under a reader is not a crash, whichever of the terminal guard and the
/// mapping code put its handler in first, and after the guard has gone again.
@Suite(.serialized) struct MappedFileFaultTests {
    /// Maps a file of three pages, cuts it to 100 bytes and reads past that; true when the read
    /// came back as zeros and the mapping knows it was cut short.
    func readPastACut() throws -> Bool {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-fault-\(UUID().uuidString)").path
        defer { unlink(path) }
        let length = 3 * 4096
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x61, count: length)))
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let base = try #require(cfm_map(fd, length, 0))
        #expect(truncate(path, 100) == 0)
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let before = bytes[50], after = bytes[length - 1]
        let cut = cfm_was_cut_short(base) == 1
        #expect(cfm_unmap(base, length) == 1)
        return before == 0x61 && after == 0 && cut
    }

    @Test func theGuardLetsTheMappingCodeHandleItsOwnFaults() throws {
        #expect(try readPastACut())
        #expect(ctg_install() == 0)
        #expect(try readPastACut())
        ctg_uninstall()
        // The guard put back what it found, perhaps without the mapping code's handler.
        #expect(try readPastACut())
    }
}
