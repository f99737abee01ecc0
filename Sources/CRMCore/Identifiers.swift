/// New ids in the style of the existing ones: `R-1031` after `R-1030`.
public enum Identifiers {
    /// The next free id with `prefix` (e.g. "R-"), one above the highest number in use,
    /// starting at `first` when none is.
    public static func next(prefix: String, existing: some Sequence<String>, first: Int = 1001) -> String {
        var ids = IDSequence(prefix: prefix, existing: existing, first: first)
        return ids.next()
    }

    /// The number of an id with `prefix`: 1039 of `R-1039`.
    public static func number(of id: String, prefix: String) -> Int? {
        guard id.hasPrefix(prefix) else { return nil }
        return Int(id.dropFirst(prefix.count))
    }
}

/// Ids handed out one after another, each above every id in use and every one given out
/// before: an import of 100,000 new records looks at the existing ids once, not once per
/// record.
public struct IDSequence: Sendable {
    public let prefix: String
    private var highest: Int

    /// `given` is the highest id ever given out, which may belong to a record deleted since.
    public init(prefix: String, existing: some Sequence<String>, given: String? = nil, first: Int = 1001) {
        self.prefix = prefix
        highest = first - 1
        for id in existing {
            if let n = Identifiers.number(of: id, prefix: prefix) { highest = max(highest, n) }
        }
        if let n = given.flatMap({ Identifiers.number(of: $0, prefix: prefix) }) { highest = max(highest, n) }
    }

    public mutating func next() -> String {
        highest += 1
        return prefix + String(highest)
    }
}

extension DataSet {
    /// Reminder ids from here on: never one a reminder had before, even a deleted one, so a
    /// script, a note or an export that names an old reminder never points at another.
    public var reminderIDs: IDSequence {
        IDSequence(prefix: "R-", existing: reminders.lazy.map(\.id), given: lastReminderID)
    }

    public var nextReminderID: String {
        var ids = reminderIDs
        return ids.next()
    }

    /// Keeps a deleted reminder's id as given out.
    mutating func retireReminderID(_ id: String) {
        guard let n = Identifiers.number(of: id, prefix: "R-") else { return }
        if let last = lastReminderID.flatMap({ Identifiers.number(of: $0, prefix: "R-") }), last >= n { return }
        lastReminderID = id
    }
}
