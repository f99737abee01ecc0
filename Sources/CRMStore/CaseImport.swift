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
    /// Cases keep crmtop's id where they match one; new ones get the next free id.
    public init(cases records: [ImportedCase], into data: DataSet) throws(ImportProblem) {
        var byKey: [String: SupportCase] = [:]
        for c in data.cases { byKey[c.importKey] = c }
        var ids = IDSequence(prefix: "C-", existing: data.cases.lazy.map(\.id)), seen: Set<String> = []
        let people = Set(data.people.map(\.id)), teams = Set(data.teams.map(\.id))
        let influencers = Set(data.influencers.map(\.id))
        for record in records {
            guard seen.insert(record.key).inserted else {
                throw ImportProblem(line: record.line, field: "id", "\(record.key) appears twice in the file")
            }
            var item = record.item
            func refuse(_ field: String, _ what: String, _ value: String?, in known: Set<String>) throws(ImportProblem) {
                if let value, !known.isEmpty, !known.contains(value) { throw ImportProblem(line: record.line, field: field, "no \(what) \(value)") }
            }
            try refuse("owner", "person", item.owner, in: people)
            try refuse("team", "team", item.team, in: teams)
            try refuse("influencer", "influencer", item.influencer, in: influencers)
            if let existing = byKey[record.key] {
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
    }
}
