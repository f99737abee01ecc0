import CRMCore
import Foundation

/// Reminders in crmtop's own file format (`reminders.json`, or `crmtop export --format json`).
public enum ReminderJSONTransfer {
    /// Acknowledgements and snoozes belong to this data set's people and stay as they are;
    /// everything a reminder says about itself is taken.
    public static func records(_ bytes: [UInt8], zone: TimeZone) throws(ImportProblem) -> [ImportedReminder] {
        try JSONTransfer.items(bytes, "reminders") { v throws(FieldError) in try ReminderCodec.decode(v, zone: zone) }
            .map { line, r in
                ImportedReminder(line: line, key: r.importKey, fields: [
                    .title(r.title), .due(r.due), .start(r.start), .end(r.end), .priority(r.priority),
                    .owners(r.owners), .notes(r.notes), .link(r.link), .repeatRule(r.repeatRule),
                ])
            }
    }

    /// The same shape as `reminders.json`.
    public static func export(_ reminders: [Reminder], zone: TimeZone) throws(ImportProblem) -> [UInt8] {
        try JSONTransfer.file("reminders", reminders, version: FileFormats.remindersVersion(reminders)) { r throws(FieldError) in try ReminderCodec.encode(r, zone: zone) }
    }
}
