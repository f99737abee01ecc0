import Foundation

public enum CaseChange: Equatable, Sendable {
    /// Adds a case, or replaces the one with the same id.
    case put(SupportCase)
    case putInfluencer(Influencer)

    func apply(to data: inout DataSet) throws(MutationError) {
        switch self {
        case .put(let item):
            if let i = data.cases.firstIndex(where: { $0.id == item.id }) {
                data.cases[i] = item
            } else {
                data.cases.append(item)
            }
        case .putInfluencer(let influencer):
            if let i = data.influencers.firstIndex(where: { $0.id == influencer.id }) {
                data.influencers[i] = influencer
            } else {
                data.influencers.append(influencer)
            }
        }
    }
}
