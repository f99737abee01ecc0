import CRMCore

/// What a name in the data must be to count: a handle in people.json, a team's id, an
/// influencer's or a KPI's id, someone escalation can notify. `check` reports by this rule,
/// and the commands and imports ask it before they write a name, so nothing they write is
/// reported afterwards.
public struct KnownNames: Sendable {
    public enum Kind: Sendable {
        case person, team, influencer, kpi
        /// A person, one of `escalationRoles` or a role someone has.
        case escalationTarget
    }

    /// Roles escalation may notify besides people and the roles people have, in the order
    /// the help lists them.
    public static let escalationRoles = ["owner", "team-lead", "head-of-support", "senior-management"]

    /// In the data's order, for saying what there is.
    private var people: [String], teams: [String], influencers: [String], kpis: [String], roles: [String]
    private var peopleSet: Set<String>, teamSet: Set<String>, influencerSet: Set<String>, kpiSet: Set<String>
    private var roleSet: Set<String>

    public init(_ data: DataSet) {
        people = data.people.map(\.id)
        teams = data.teams.map(\.id)
        influencers = data.influencers.map(\.id)
        kpis = data.kpis.map(\.id)
        peopleSet = Set(people)
        teamSet = Set(teams)
        influencerSet = Set(influencers)
        kpiSet = Set(kpis)
        roles = Self.escalationRoles
        roleSet = Set(roles)
        for person in data.people where roleSet.insert(person.role).inserted { roles.append(person.role) }
    }

    public func knows(_ name: String, as kind: Kind) -> Bool {
        switch kind {
        case .person: peopleSet.contains(name)
        case .team: teamSet.contains(name)
        case .influencer: influencerSet.contains(name)
        case .kpi: kpiSet.contains(name)
        case .escalationTarget: peopleSet.contains(name) || roleSet.contains(name)
        }
    }

    /// What `check` says of `name` where a `kind` is meant; nil when it is one. `who` says
    /// whose name it is when that is not plain from where it stands.
    public func problem(_ name: String, as kind: Kind, who: String? = nil) -> String? {
        guard !knows(name, as: kind) else { return nil }
        let quoted = "\"\(clip(name))\"" + (who.map { " (\($0))" } ?? "")
        switch kind {
        case .person: return "\(quoted) is not a person in people.json"
        case .team: return "\(quoted) is not a team in people.json"
        case .influencer: return "\(quoted) is not an influencer in influencers.json"
        case .kpi: return "\(quoted) is not a KPI in kpis.json"
        case .escalationTarget: return "\(quoted) is neither a person nor a role"
        }
    }

    /// " (teams: sales, support)": what would have been taken, the first few.
    public func listing(_ kind: Kind) -> String {
        switch kind {
        case .person: Self.listing(people, "people")
        case .team: Self.listing(teams, "teams")
        case .influencer: Self.listing(influencers, "influencers")
        case .kpi: Self.listing(kpis, "KPIs")
        case .escalationTarget: " (roles: \(roles.joined(separator: ", ")); people: \(Self.few(people)))"
        }
    }

    /// `problem` with `listing`: what a command says when it refuses a name.
    public func refusal(_ name: String, as kind: Kind) -> String? {
        problem(name, as: kind).map { $0 + listing(kind) }
    }

    /// " (people: a, b, c)", or that there are none yet.
    public static func listing(_ names: [String], _ what: String) -> String {
        names.isEmpty ? " (there are no \(what) yet)" : " (\(what): \(few(names)))"
    }

    private static func few(_ names: [String]) -> String {
        names.isEmpty ? "none yet" : names.prefix(8).joined(separator: ", ") + (names.count > 8 ? ", …" : "")
    }

    /// Counts `handle` as a person from now on: one an import is about to add.
    mutating func insert(person handle: String) {
        guard peopleSet.insert(handle).inserted else { return }
        people.append(handle)
    }
}
