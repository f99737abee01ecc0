import Foundation

/// A level of the escalation ladder that would tell nobody about some open items: the roles
/// it notifies are missing for them (no owner, no team lead, nobody with a role).
public struct UnheardLevel: Equatable, Sendable {
    public var level: Int
    /// Why, for those items: "no owner", "no team lead", "nobody with the role head-of-support".
    public var reasons: [String]
    public var ids: [String]
    /// What they are: "cases", "feedback items" or "items".
    public var what: String
    public var notify: [String]

    /// "level 1 notifies owner, but it tells nobody about 3 open feedback items (no owner):
    /// C-2016, C-2018, C-2025"; `remedy` adds what would fix it.
    public var sentence: String {
        let shown = ids.prefix(8).joined(separator: ", ") + (ids.count > 8 ? " and \(ids.count - 8) more" : "")
        let item = ids.count == 1 ? String(what.dropLast()) : what
        var text = "level \(level) notifies \(notify.joined(separator: ", ")), but it tells nobody about "
            + "\(ids.count) open \(item) (\(reasons.joined(separator: ", "))): \(shown)"
        if reasons.contains("no owner") || reasons.contains("no team lead") {
            text += "; give them an owner or a team, and new ones a route with crmtop routing set"
        }
        return text
    }
}

extension Escalation {
    /// Each ladder level that tells nobody about some open items, lowest first. A level that
    /// names a person, or a role someone holds, tells someone about everything.
    public static func unheard(_ data: DataSet) -> [UnheardLevel] {
        let open = data.cases.filter(\.status.isOpen)
        var result: [UnheardLevel] = []
        for step in data.settings.escalation.sorted(by: { $0.level < $1.level }) {
            func told(_ item: SupportCase) -> Bool {
                !recipients(level: step.level, case: item, people: data.people, teams: data.teams, ladder: [step]).isEmpty
            }
            // An item with neither owner nor team: whoever hears of it hears of every item.
            guard !told(SupportCase(id: "", title: "", customer: "", opened: .distantPast)) else { continue }
            let missed = open.filter { !told($0) }
            guard !missed.isEmpty else { continue }
            var reasons: [String] = []
            for entry in step.notify {
                let reason = switch entry {
                case "owner": "no owner"
                case "team-lead": "no team lead"
                default: "nobody with the role \(entry)"
                }
                if !reasons.contains(reason) { reasons.append(reason) }
            }
            let kinds = Set(missed.map(\.kind))
            let what = kinds == [.feedback] ? "feedback items" : kinds == [.standard] ? "cases" : "items"
            result.append(UnheardLevel(level: step.level, reasons: reasons, ids: missed.map(\.id), what: what,
                                       notify: step.notify))
        }
        return result
    }
}
