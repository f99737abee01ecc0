import CRMCore
import Foundation

extension Consistency {
    /// settings.json's contests: ids given once, days in order, and KPIs, people and teams
    /// that exist (unless their file could not be read, `unread`).
    static func contests(_ data: DataSet, unread: Set<DataStore.Collection>) -> [Finding] {
        var found: [Finding] = []
        func add(_ n: Int, _ path: [FieldError.Step], _ message: String) {
            found.append(Finding(collection: .settings, list: "contests", index: n, path: path, message: message))
        }
        let kpis = Set(data.kpis.map(\.id)), people = Set(data.people.map(\.id)), teams = Set(data.teams.map(\.id))
        var first: [String: Int] = [:]
        for (n, contest) in data.settings.contests.enumerated() {
            if let earlier = first[contest.id] {
                add(n, [.key("id")], "contest \"\(clip(contest.id))\" is given again; first at contests[\(earlier)]")
            } else {
                first[contest.id] = n
            }
            if contest.to < contest.from { add(n, [.key("to")], "the last day is before the first") }
            if contest.people.isEmpty && contest.teams.isEmpty { add(n, [], "nobody takes part: give people or teams") }
            if !unread.contains(.kpis) {
                for (k, kpi) in contest.kpis.enumerated() where !kpis.contains(kpi) {
                    add(n, [.key("kpis"), .index(k)], "\"\(clip(kpi))\" is not a KPI in kpis.json")
                }
            }
            guard !unread.contains(.people) else { continue }
            for (k, handle) in contest.people.enumerated() where !people.contains(handle) {
                add(n, [.key("people"), .index(k)], "\"\(clip(handle))\" is not a person in people.json")
            }
            for (k, team) in contest.teams.enumerated() where !teams.contains(team) {
                add(n, [.key("teams"), .index(k)], "\"\(clip(team))\" is not a team in people.json")
            }
        }
        return found
    }
}
