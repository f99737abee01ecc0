import CRMCore
import Foundation

/// `notifications.json`: the delivery record (see `DeliveryRecord`, docs/DATA_FORMAT.md).
/// Read and written only under the directory lock, and replaced whole like every other file.
enum DeliveryRecordFile {
    static let fileName = "notifications.json"
    static let version = 1
    static let entryFields: [StaticString] = ["event", "recipient", "status", "since", "retry_at", "sends",
                                              "first_sent", "last_sent", "attempts"]

    /// An empty record when there is no file yet.
    static func read(in directory: String) throws(LoadError) -> DeliveryRecord {
        let entries = try VersionedListFile.read(fileName, in: directory, version: version, list: "deliveries", decodeEntry)
        return DeliveryRecord(entries: Dictionary(entries ?? [], uniquingKeysWith: { _, last in last }))
    }

    /// Times with the offset `zone` (the default calendar's) has, as every data file writes them.
    static func write(_ record: DeliveryRecord, in directory: String, mode: mode_t, zone: TimeZone) throws(SaveError) {
        var items: [JSONOutput] = []
        for key in record.entries.keys.sorted() {
            do throws(FieldError) {
                items.append(try encode(key, record.entries[key]!, zone: zone))
            } catch {
                throw SaveError(file: fileName, path: "deliveries: " + key.event, message: error.message)
            }
        }
        try VersionedListFile.write(fileName, in: directory, version: version, list: "deliveries", items, mode: mode)
    }

    private static func decodeEntry(_ v: JSONValue) throws(FieldError) -> (DeliveryRecord.Key, DeliveryRecord.Entry) {
        var f = try Fields(v, known: entryFields)
        let key = DeliveryRecord.Key(event: try f.string("event"), recipient: try f.string("recipient"))
        let statusValue = try f.required("status")
        let status: DeliveryRecord.Status
        switch statusValue.string {
        case "queued": status = .queued(since: try f.time("since", .gmt))
        case "sending": status = .sending(since: try f.time("since", .gmt))
        case "delivered": status = .delivered
        case "failed": status = .failed(retryAt: try f.time("retry_at", .gmt))
        default:
            throw within(.key("status"), statusValue.mismatch("queued, sending, delivered or failed"))
        }
        let entry = DeliveryRecord.Entry(status: status, sends: try f.int("sends", or: 0)!,
                                         firstSent: try f.optionalTime("first_sent", .gmt),
                                         lastSent: try f.optionalTime("last_sent", .gmt),
                                         attempts: try f.int("attempts", or: 0)!)
        f.finish()
        return (key, entry)
    }

    private static func encode(_ key: DeliveryRecord.Key, _ entry: DeliveryRecord.Entry,
                               zone: TimeZone) throws(FieldError) -> JSONOutput {
        var o = ObjectBuilder(zone: zone)
        o.put("event", key.event)
        o.put("recipient", key.recipient)
        switch entry.status {
        case .queued(let since):
            o.put("status", "queued")
            try o.put("since", time: since)
        case .sending(let since):
            o.put("status", "sending")
            try o.put("since", time: since)
        case .delivered:
            o.put("status", "delivered")
        case .failed(let retryAt):
            o.put("status", "failed")
            try o.put("retry_at", time: retryAt)
        }
        o.put("sends", entry.sends)
        try o.put("first_sent", time: entry.firstSent)
        try o.put("last_sent", time: entry.lastSent)
        if entry.attempts > 0 { o.put("attempts", entry.attempts) }
        return o.output
    }
}
