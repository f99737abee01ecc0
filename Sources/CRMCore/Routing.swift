import Foundation

/// Who becomes responsible for an item opened without an owner or a team.
public struct Route: Equatable, Sendable {
    /// A person's handle.
    public var owner: String?
    /// A team's id.
    public var team: String?

    public init(owner: String? = nil, team: String? = nil) {
        self.owner = owner
        self.team = team
    }

    /// "owner lucas", "team support", "owner lucas, team support".
    public var text: String {
        [owner.map { "owner " + $0 }, team.map { "team " + $0 }].compactMap { $0 }.joined(separator: ", ")
    }
}

/// settings.json's `routing`: a route per kind, and one for the kinds without their own.
/// Without it, an item opened without an owner or a team has nobody the escalation ladder's
/// `owner` and `team-lead` can tell.
public struct CaseRouting: Equatable, Sendable {
    public var byKind: [CaseKind: Route]
    /// For every kind without its own route.
    public var fallback: Route?

    public init(byKind: [CaseKind: Route] = [:], fallback: Route? = nil) {
        self.byKind = byKind
        self.fallback = fallback
    }

    public var isEmpty: Bool { byKind.isEmpty && fallback == nil }

    public func route(for kind: CaseKind) -> Route? { byKind[kind] ?? fallback }
}

extension SupportCase {
    /// Gives an item that has neither owner nor team the route for its kind, the team
    /// following a routed owner when the route names none; returns the route taken.
    public mutating func route(_ routing: CaseRouting, people: [Person]) -> Route? {
        guard owner == nil, team == nil, let route = routing.route(for: kind) else { return nil }
        owner = route.owner
        team = route.team ?? route.owner.flatMap { handle in people.first { $0.id == handle }?.team }
        return route
    }
}
