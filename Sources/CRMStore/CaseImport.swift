import CRMCore
import Foundation

/// One case as an imported file has it, whole: crmtop's own format carries everything.
public struct ImportedCase: Equatable, Sendable {
    public var line: Int
    public var key: String
    public var item: SupportCase
}

extension SupportCase {
    /// What an import matches on, as for reminders.
    public var importKey: String { externalID ?? id }
}

public enum CaseJSONTransfer {
    /// A case opened after `now` is refused at its `opened` value (`SupportCase.openingProblem`).
    public static func records(_ bytes: [UInt8], zone: TimeZone, now: Date) throws(ImportProblem) -> [ImportedCase] {
        try JSONTransfer.items(bytes, "cases") { v throws(FieldError) in
            let item = try CaseCodec.decode(v, zone: zone)
            if let problem = SupportCase.openingProblem(item.opened, now: now, zone: zone) {
                throw within(.key("opened"), FieldError(problem, at: v["opened"]?.offset))
            }
            return item
        }
        .map { line, item in ImportedCase(line: line, key: item.importKey, item: item) }
    }
}

extension ImportPlan {
    /// Cases keep crmtop's id where they match one; new ones get the next free id. The people,
    /// team and influencer a case names must be there, as `check` wants them (people may be
    /// added by `people`); names it already had stay as they are.
    public init(cases records: [ImportedCase], into data: DataSet, people: ImportPeople? = nil) throws(ImportProblem) {
        var byKey: [String: SupportCase] = [:]
        for c in data.cases { byKey[c.importKey] = c }
        var ids = IDSequence(prefix: "C-", existing: data.cases.lazy.map(\.id)), seen: Set<String> = []
        let known = KnownNames(data)
        var people = people ?? ImportPeople(data)
        for record in records {
            guard seen.insert(record.key).inserted else {
                throw ImportProblem(line: record.line, field: "id", "\(record.key) appears twice in the file")
            }
            var item = record.item
            let before = byKey[record.key]
            func refuse(_ field: String, _ name: String?, was: String?, _ kind: KnownNames.Kind) throws(ImportProblem) {
                if let name, name != was, let refusal = known.refusal(name, as: kind) {
                    throw ImportProblem(line: record.line, field: field, refusal)
                }
            }
            try refuse("team", item.team, was: before?.team, .team)
            try refuse("influencer", item.influencer, was: before?.influencer, .influencer)
            if let owner = item.owner, owner != before?.owner { try people.require(owner, line: record.line, field: "owner") }
            let actors = Set(before?.history.compactMap(\.actor) ?? [])
            for (k, event) in item.history.enumerated() {
                guard let actor = event.actor, !actors.contains(actor) else { continue }
                try people.require(actor, line: record.line, field: "history[\(k)].actor")
            }
            try ImportProblem.refuseOversized(item, comparedTo: before, line: record.line)
            if let existing = before {
                item.id = existing.id
                item.externalID = existing.externalID
                if item == existing { unchanged.append(item.id); continue }
                updated.append(item.id)
                changes[item.id] = ImportChanges.of(existing, item, zone: data.settings.defaultCalendar.timeZone)
                mutations.append(.supportCase(.put(item)))
            } else {
                item.id = ids.next()
                item.externalID = record.key
                added.append(item.id)
                mutations.append(.supportCase(.open(item)))
            }
        }
        adding(people)
    }
}
