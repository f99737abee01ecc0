import Foundation

/// People, teams and KPIs: the organisation the data refers to.
public enum DirectoryChange: Equatable, Sendable {
    case putPerson(Person)
    case putTeam(Team)
    case putKPI(KPI)
    /// Adds an absence to whoever has the handle now, keeping any added meanwhile.
    case addAway(person: String, DateRange)

    func apply(to data: inout DataSet) throws(MutationError) {
        switch self {
        case .putPerson(let p): upsert(p, into: &data.people)
        case .putTeam(let t): upsert(t, into: &data.teams)
        case .putKPI(let k): upsert(k, into: &data.kpis)
        case .addAway(let handle, let range):
            guard let i = data.people.firstIndex(where: { $0.id == handle }) else { throw .missing("person", handle) }
            if !data.people[i].away.contains(range) { data.people[i].away.append(range) }
        }
    }
}

func upsert<T: Identifiable>(_ item: T, into list: inout [T]) {
    if let i = list.firstIndex(where: { $0.id == item.id }) {
        list[i] = item
    } else {
        list.append(item)
    }
}
