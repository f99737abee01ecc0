import CRMCore
import Foundation

/// What an import would change in a record, in the words of a reminder's `edited` history:
/// `priority: high → urgent; owner: lucas → sofia`, so a dry run can be checked field by field.
enum ImportChanges {
    static func describe(_ pairs: [(name: String, before: String?, after: String?)]) -> String? {
        let parts = pairs.compactMap { name, before, after in
            before == after ? nil : "\(name): \(before ?? "none") → \(after ?? "none")"
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    static func of(_ old: SupportCase, _ new: SupportCase, zone: TimeZone) -> String? {
        func time(_ d: Date?) -> String? { d.map { Reminder.shortTime($0, zone: zone) } }
        var pairs: [(name: String, before: String?, after: String?)] = [
            ("title", old.title, new.title), ("customer", old.customer, new.customer),
            ("kind", old.kind.rawValue, new.kind.rawValue), ("priority", old.priority.rawValue, new.priority.rawValue),
            ("status", old.status.rawValue, new.status.rawValue), ("owner", old.owner, new.owner),
            ("team", old.team, new.team), ("influencer", old.influencer, new.influencer),
            ("opened", time(old.opened), time(new.opened)),
            ("first_response_at", time(old.firstResponseAt), time(new.firstResponseAt)),
            ("resolved_at", time(old.resolvedAt), time(new.resolvedAt)),
            ("escalation_level", String(old.escalationLevel), String(new.escalationLevel)),
        ]
        // A whole case from JSON may also bring other pauses or history: say so, not what.
        if old.pauses != new.pauses { pairs.append(("pauses", "\(old.pauses.count)", "\(new.pauses.count)")) }
        return describe(pairs)
    }

    static func of(_ old: Person, _ new: Person) -> String? {
        func away(_ p: Person) -> String? {
            p.away.isEmpty ? nil : p.away.map { "\($0.from)–\($0.to)" }.joined(separator: ", ")
        }
        return describe([("name", old.name, new.name), ("role", old.role, new.role), ("team", old.team, new.team),
                         ("manager", old.manager, new.manager), ("away", away(old), away(new)),
                         ("email", old.email, new.email), ("chat", old.chat, new.chat)])
    }
}
