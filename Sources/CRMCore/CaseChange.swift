import Foundation

public enum CaseChange: Equatable, Sendable {
    /// Adds a case, or replaces the one with the same id.
    case put(SupportCase)
    case putInfluencer(Influencer)
    /// Adds a new case; refused when its id is taken (someone else opened one meanwhile),
    /// where `put` would replace theirs.
    case open(SupportCase)
    /// Adds a new influencer; refused when the id is taken, for the same reason.
    case addInfluencer(Influencer)
    /// What someone did to a case at `at`: see `SupportCase.apply(_:at:actor:note:settings:)`.
    case act(id: String, action: CaseAction, at: Date, actor: String?, note: String? = nil)
    /// Takes an action back at `at`: see `SupportCase.undo(_:at:actor:)`.
    case undo(id: String, CaseUndo, at: Date, actor: String?)

    /// Whether the change is to influencers rather than cases.
    public var isInfluencer: Bool {
        switch self {
        case .putInfluencer, .addInfluencer: true
        case .put, .open, .act, .undo: false
        }
    }

    /// Whether applying it to `data` would change nothing: a rise of the ladder that is
    /// recorded already, or whose case is no longer open (see `CaseAction.escalate(to:)`).
    public func changesNothing(in data: DataSet) -> Bool {
        guard case .act(let id, .escalate(to: let level?), _, _, _) = self,
              let item = data.cases.first(where: { $0.id == id }) else { return false }
        return !item.status.isOpen || level <= item.escalationLevel
    }

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
        case .open(let item):
            guard !data.cases.contains(where: { $0.id == item.id }) else { throw .taken("case", item.id) }
            data.cases.append(item)
        case .addInfluencer(let influencer):
            guard !data.influencers.contains(where: { $0.id == influencer.id }) else {
                throw .taken("influencer", influencer.id)
            }
            data.influencers.append(influencer)
        case .act(let id, let action, let at, let actor, let note):
            guard let i = data.cases.firstIndex(where: { $0.id == id }) else { throw .missing("case", id) }
            try data.cases[i].apply(action, at: at, actor: actor, note: note, settings: data.settings)
        case .undo(let id, let undo, let at, let actor):
            guard let i = data.cases.firstIndex(where: { $0.id == id }) else {
                throw MutationError("not undone: \(id) is gone")
            }
            try data.cases[i].undo(undo, at: at, actor: actor)
        }
    }
}
