import CRMCore
import CRMStore
import Foundation

extension PostgresStore {
    /// Applies a batch of changes as one transaction, against the rows as they are now: the
    /// rows the changes name are locked (`SELECT … FOR UPDATE`), the same `Mutation.apply`
    /// the directory uses runs on them, the rows it changed are written, the batch is added
    /// to `changes` and announced with `pg_notify`, and all of it commits or none. A change
    /// that no longer applies refuses the batch as the directory does. `batch` names the
    /// batch: applied again (a retry after a lost connection), it is not stored twice.
    /// Returns the data as stored, with what others stored meanwhile.
    @discardableResult
    public func apply(_ mutations: [Mutation], batch: String = UUID().uuidString) throws(StoreError) -> DataSet {
        mutex.lock()
        defer { mutex.unlock() }
        var attempt = 0
        while true {
            attempt += 1
            let outcome: Outcome
            do throws(PGError) {
                let db = try connect()
                outcome = try db.transaction { () throws(PGError) in try store(mutations, batch: batch, on: db) }
            } catch {
                // Another writer added the same id, or the server chose this transaction to
                // break a deadlock: run the batch again on the rows as they are now.
                if error.sqlState.map(Self.retried.contains) == true && attempt < 20 { continue }
                if error.kind == .connectionLost { connection = nil }
                throw .save(SaveError(file: url.masked, message: error.detail.isEmpty ? error.message
                                      : "\(error.message) (\(error.detail))"))
            }
            switch outcome {
            case .stored: break
            case .refused(let refusal): throw .refused(refusal)
            case .unwritable(let failure): throw .save(failure)
            case .unreadable(let failure): throw .load(failure)
            }
            break
        }
        do throws(LoadError) { return try refreshed() } catch { throw .load(error) }
    }

    /// unique_violation, serialization_failure, deadlock_detected.
    static let retried: Set<String> = ["23505", "40001", "40P01"]
}

/// How a batch's transaction ended. A refused or unwritable batch has written nothing: every
/// row is worked out and encoded before the first is written.
enum Outcome {
    /// Stored now, or by an earlier try of the same batch, or nothing in it changes anything.
    case stored
    case refused(MutationError)
    case unwritable(SaveError)
    case unreadable(LoadError)
}
