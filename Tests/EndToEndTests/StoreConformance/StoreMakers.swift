import CRMCore
import CRMStore
import Foundation

/// One kind of store the conformance suite runs against. Each test makes its own store,
/// empty, and may open it again as another process would.
struct StoreMaker: Sendable, CustomStringConvertible {
    var description: String
    var make: @Sendable () throws -> MadeStore

    /// Every kind there is; the suite runs each test once for each.
    static let all: [StoreMaker] = [.directory]
}

/// A store made for one test.
struct MadeStore {
    /// What a writer process (`StoreWriter`) is given to open the same store.
    var location: String
    /// The same store again, with nothing in memory: what another process would have.
    var open: () -> any Store
    /// Environments that make a writer process die part way through storing a change, each at
    /// another point of it.
    var killPoints: [[String: String]]
    var remove: () -> Void
}

extension StoreMaker {
    /// A data directory; kills land on chosen bytes of its writes (`CRMTOP_CRASH_AFTER_BYTES`),
    /// through the journal's and the activities' appends and a compaction's rewrites.
    static let directory = StoreMaker(description: "directory") {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let offsets = [0, 1, 7, 40, 90, 150, 220, 300, 420, 600, 900, 1400, 2200]
        return MadeStore(location: dir.path, open: { DataStore(directory: dir) },
                         killPoints: offsets.map { ["CRMTOP_CRASH_AFTER_BYTES": String($0)] },
                         remove: { try? FileManager.default.removeItem(at: dir) })
    }
}
