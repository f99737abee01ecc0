import CRMCore
import Foundation

/// Cases and feedback for other programs as `cases.json` has them (for CSV see `CaseCSV`,
/// which leaves history and pauses out).
public enum CaseExport {
    public static func json(_ cases: [SupportCase], zone: TimeZone) throws(ImportProblem) -> [UInt8] {
        try JSONTransfer.file("cases", cases) { c throws(FieldError) in try CaseCodec.encode(c, zone: zone) }
    }
}
