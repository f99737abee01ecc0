import CRMCore
import Foundation

extension DataStore {
    /// Every problem in the directory, in file order: what would stop loading (each record
    /// read on its own, so one bad record does not hide the next), fields that look like
    /// misspellings, references to things that do not exist, ids given twice, contradictions,
    /// fields longer than crmtop writes, and journalled changes that no longer apply. Reads
    /// without the lock; writes nothing.
    public func check() -> [LoadError] { checkReport().problems }

    /// The problems, and what could not be checked because a file it depends on could not be
    /// read at all (one written by a newer crmtop, one that is not JSON): checking names
    /// against an empty people.json would report every name, and hide the one real problem.
    public func checkReport() -> CheckReport {
        var checker = Checker(store: self)
        checker.run()
        let problems = checker.problems.sorted { a, b in
            let order = Checker.order
            return (order[a.file] ?? order.count, a.line ?? 0, a.column ?? 0)
                < (order[b.file] ?? order.count, b.line ?? 0, b.column ?? 0)
        }
        let notes = DataStore.Collection.allCases.filter(checker.unread.contains).map { collection in
            let skipped = Consistency.dependents(of: collection) + (checker.journalSkipped.contains(collection)
                ? ["its changes in \(Journal.fileName)"] : [])
            return "\(collection.fileName) could not be read, so "
                + (skipped.isEmpty ? "nothing in it was checked" : skipped.joined(separator: " and ") + " were not checked")
        }
        return CheckReport(problems: problems, notes: notes, data: checker.data)
    }
}

public struct CheckReport: Sendable {
    public var problems: [LoadError]
    /// What was left unchecked, and why; not problems of their own.
    public var notes: [String]
    /// The data as it was read, for what is worth telling that is no problem.
    public var data: DataSet
}
