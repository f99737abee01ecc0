import CRMCalDAV
import CRMCore
import CRMStore
import Foundation

/// How reminders and calendar items look to a sync: their UIDs, the fingerprint of what
/// crmtop would write, and one item's text, all made by the mapping `import` and `export`
/// use, so a sync reads and writes exactly what they do.
enum CalendarSyncItems {
    /// The UID a reminder goes by in a calendar: the one it came with, else its id made
    /// unique (as `export --format ics` writes it).
    static func uid(of reminder: Reminder) -> String {
        reminder.externalID ?? reminder.id + ReminderICS.uidSuffixText
    }

    /// One item of a calendar: a VCALENDAR holding this reminder alone.
    static func text(of reminder: Reminder, in data: DataSet, stamp: Date) -> String {
        ReminderICS.export([reminder], people: data.people, zone: data.settings.defaultCalendar.timeZone, stamp: stamp)
    }

    /// What the reminder would be written as, apart from the moment of writing: it changes
    /// exactly when something the calendar shows changes.
    static func fingerprint(of reminder: Reminder, in data: DataSet) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text(of: reminder, in: data, stamp: Date(timeIntervalSince1970: 0)).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// The account owner's reminders, by UID.
    static func local(_ data: DataSet, owner: String) -> [String: Reminder] {
        var found: [String: Reminder] = [:]
        for reminder in data.reminders where reminder.owners.contains(owner) { found[uid(of: reminder)] = reminder }
        return found
    }

    /// The same reminders by id, each with its UID: the plan names reminders by id.
    static func byID(_ local: [String: Reminder]) -> [String: (uid: String, reminder: Reminder)] {
        Dictionary(local.map { ($0.value.id, (uid: $0.key, reminder: $0.value)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The item's UID and what it becomes as a reminder; no reminder when crmtop cannot
    /// represent it (a journal entry, a finished to-do, an event nobody is reminded of),
    /// which a sync then leaves as it is on the server.
    static func read(_ item: CalendarItem, in data: DataSet) -> (uid: String, record: ImportedReminder?)? {
        guard let top = try? ICalendar.parse(item.calendarData) else { return nil }
        let uid = top.flatMap(\.components).first { $0.name == "VTODO" || $0.name == "VEVENT" }?["UID"]?.value
        guard let uid, !uid.isEmpty else { return nil }
        let records = try? ReminderICS.records(item.calendarData, zone: data.settings.defaultCalendar.timeZone,
                                               people: data.people)
        return (uid, records?.records.first)
    }

    /// A name for a new item in the collection, from its UID: letters, digits, `-`, `_` and
    /// `.` as they are, anything else as `_`, so that no UID makes an address of its own.
    static func href(for uid: String, in collection: URL) -> URL {
        let safe = String(uid.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return c.isASCII && (c.isLetter || c.isNumber || "-_.".contains(c)) ? c : "_"
        })
        return collection.appendingPathComponent(safe + ".ics")
    }
}
