import CRMCore
import Foundation

extension Mutation {
    /// The files a change rewrites.
    public var collections: Set<DataStore.Collection> {
        switch self {
        case .reminder: [.reminders]
        case .supportCase(let change): change.isInfluencer ? [.influencers] : [.cases]
        case .directory(.putKPI): [.kpis]
        case .directory: [.people]
        case .logActivity: [.activities]
        case .settings: [.settings]
        }
    }
}

/// Why a change could not be stored: it no longer applies, or the disk refused it.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case load(LoadError)
    case refused(MutationError)
    case save(SaveError)

    public var description: String {
        switch self {
        case .load(let e): "cannot read the data: \(e)"
        case .refused(let e): e.description
        case .save(let e): e.description
        }
    }
}

extension DataStore {
    /// Applies changes to the data as it is on disk now and saves the files they touch.
    /// Returns the data as saved, which includes what other processes wrote meanwhile.
    @discardableResult
    public func apply(_ mutations: [Mutation]) throws(StoreError) -> DataSet {
        var data: DataSet
        do { data = try load() } catch { throw .load(error) }
        var touched: Set<Collection> = []
        for mutation in mutations {
            do { try mutation.apply(to: &data) } catch { throw .refused(error) }
            touched.formUnion(mutation.collections)
        }
        do { try save(data, collections: touched) } catch { throw .save(error) }
        return data
    }
}
