import CRMCore
import Foundation

/// Reminders in crmtop's own file format (`reminders.json`, or `crmtop export --format json`).
public enum ReminderJSONTransfer {
    /// Acknowledgements and snoozes belong to this data set's people and stay as they are;
    /// everything a reminder says about itself is taken.
    public static func records(_ bytes: [UInt8], zone: TimeZone) throws(ImportProblem) -> [ImportedReminder] {
        let doc: JSONDocument
        do { doc = try JSONDocument.parse(bytes) } catch {
            throw ImportProblem(line: TextPosition(of: error.offset, in: bytes).line, field: "json", error.message)
        }
        guard let list = doc.root["reminders"], list.kind == .array else {
            throw ImportProblem(line: 1, field: "reminders", "missing; expected {\"version\": 1, \"reminders\": [...]}")
        }
        return try list.elements.map { v throws(ImportProblem) in
            let r: Reminder
            do throws(FieldError) { r = try ReminderCodec.decode(v, zone: zone) } catch {
                let line = error.offset.map { doc.position(of: $0).line } ?? v.position.line
                throw ImportProblem(line: line, field: error.path.isEmpty ? "reminder" : error.path, error.message)
            }
            return ImportedReminder(line: v.position.line, key: r.importKey, fields: [
                .title(r.title), .due(r.due), .start(r.start), .end(r.end), .priority(r.priority), .owners(r.owners),
                .notes(r.notes), .link(r.link), .repeatRule(r.repeatRule),
            ])
        }
    }

    /// The same shape as `reminders.json`.
    public static func export(_ reminders: [Reminder], zone: TimeZone) throws -> [UInt8] {
        var items: [JSONOutput] = []
        for r in reminders {
            do throws(FieldError) { items.append(try ReminderCodec.encode(r, zone: zone)) } catch { throw ImportProblem(line: 0, field: error.path, error.message) }
        }
        return JSONWriter.pretty(.object([.init("version", .int(FileFormats.version)), .init("reminders", .array(items))]))
    }
}
