import Foundation

/// People, teams and KPIs: the organisation the data refers to.
public enum DirectoryChange: Equatable, Sendable {
    case putPerson(Person)
    case putTeam(Team)
    case putKPI(KPI)

    func apply(to data: inout DataSet) {
        switch self {
        case .putPerson(let p): upsert(p, into: &data.people)
        case .putTeam(let t): upsert(t, into: &data.teams)
        case .putKPI(let k): upsert(k, into: &data.kpis)
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
