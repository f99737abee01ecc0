import CRMCore
import Foundation

/// Cases and feedback for other programs: JSON as `cases.json` has it, or a CSV of what a
/// spreadsheet or CRM can take (history and pauses stay in the JSON).
public enum CaseExport {
    public static func json(_ cases: [SupportCase], zone: TimeZone) throws(ImportProblem) -> [UInt8] {
        try JSONTransfer.file("cases", cases) { c throws(FieldError) in try CaseCodec.encode(c, zone: zone) }
    }

    public static func csv(_ cases: [SupportCase], zone: TimeZone) -> String {
        func time(_ d: Date?) -> String { d.map { TimeText.format($0, zone: zone) } ?? "" }
        return CSV.line(["id", "title", "customer", "kind", "priority", "status", "owner", "team", "influencer",
                         "opened", "first_response_at", "resolved_at", "escalation_level"])
            + cases.map { c in
                CSV.line([c.id, c.title, c.customer, c.kind.rawValue, c.priority.rawValue, c.status.rawValue,
                          c.owner ?? "", c.team ?? "", c.influencer ?? "", time(c.opened), time(c.firstResponseAt),
                          time(c.resolvedAt), String(c.escalationLevel)])
            }.joined()
    }
}
