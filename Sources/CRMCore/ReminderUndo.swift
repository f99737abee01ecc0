import Foundation

/// What one owner has done to a reminder for themselves: acknowledged it (and which
/// occurrence), snoozed it until when.
public struct OwnerMark: Equatable, Sendable {
    public var acknowledged: Date?
    public var occurrence: Date?
    public var snoozedUntil: Date?

    public init(acknowledged: Date? = nil, occurrence: Date? = nil, snoozedUntil: Date? = nil) {
        self.acknowledged = acknowledged
        self.occurrence = occurrence
        self.snoozedUntil = snoozedUntil
    }
}

/// What taking back one change to a reminder puts back: each field the change touched and
/// each owner's mark it changed, with the values the change left (see `Reverting`).
public struct ReminderUndo: Equatable, Sendable {
    /// In the order an edit applies them: the due time before the start and end it moves.
    public var fields: [Reverting<ReminderField>]
    public var marks: [String: Reverting<OwnerMark>]
    /// When the change was made; what the history shows after it was done by someone else.
    public var since: Date

    public init(fields: [Reverting<ReminderField>], marks: [String: Reverting<OwnerMark>], since: Date) {
        self.fields = fields
        self.marks = marks
        self.since = since
    }

    /// What takes `after` back to `before`. Fields count as touched as a person sees them:
    /// moving the due time moves the start along, so the start is touched only when the lead
    /// time changed (and likewise the end and the follow-up time).
    public init(from before: Reminder, to after: Reminder, since: Date) {
        var fields: [Reverting<ReminderField>] = []
        func touched(_ old: ReminderField, _ new: ReminderField, _ changed: Bool) {
            if changed { fields.append(Reverting(restore: old, expected: new)) }
        }
        let lead = { (r: Reminder) in r.start.map { r.due.timeIntervalSince($0) } }
        let followUp = { (r: Reminder) in r.end.map { $0.timeIntervalSince(r.due) } }
        touched(.title(before.title), .title(after.title), before.title != after.title)
        touched(.notes(before.notes), .notes(after.notes), before.notes != after.notes)
        touched(.link(before.link), .link(after.link), before.link != after.link)
        touched(.priority(before.priority), .priority(after.priority), before.priority != after.priority)
        touched(.owners(before.owners), .owners(after.owners), before.owners != after.owners)
        touched(.due(before.due), .due(after.due), before.due != after.due)
        touched(.start(before.start), .start(after.start), lead(before) != lead(after))
        touched(.end(before.end), .end(after.end), followUp(before) != followUp(after))
        touched(.repeatRule(before.repeatRule), .repeatRule(after.repeatRule), before.repeatRule != after.repeatRule)
        touched(.zone(before.zone), .zone(after.zone), before.zone != after.zone)
        touched(.alerts(before.alerts), .alerts(after.alerts), before.alerts != after.alerts)
        var marks: [String: Reverting<OwnerMark>] = [:]
        for person in before.markedPeople.union(after.markedPeople) where before.mark(of: person) != after.mark(of: person) {
            marks[person] = Reverting(restore: before.mark(of: person), expected: after.mark(of: person))
        }
        self.init(fields: fields, marks: marks, since: since)
    }

    public var isEmpty: Bool { fields.isEmpty && marks.isEmpty }
}

extension Reminder {
    public func mark(of person: String) -> OwnerMark {
        OwnerMark(acknowledged: acknowledgedBy[person], occurrence: acknowledgedOccurrence[person],
                  snoozedUntil: snoozedUntil[person])
    }

    mutating func setMark(_ mark: OwnerMark, for person: String) {
        acknowledgedBy[person] = mark.acknowledged
        acknowledgedOccurrence[person] = mark.occurrence
        snoozedUntil[person] = mark.snoozedUntil
    }

    /// Everyone who has acknowledged or snoozed it.
    var markedPeople: Set<String> {
        Set(acknowledgedBy.keys).union(acknowledgedOccurrence.keys).union(snoozedUntil.keys)
    }

    /// The reminder with `undo` taken back and an `undone` event, or the reason it cannot be:
    /// a value the undo would put back was changed since, or putting it back would drop an
    /// acknowledgement or snooze made since. Nothing anyone did after the change is lost.
    func undoing(_ undo: ReminderUndo, stamp: ChangeStamp, people: [String], zone: TimeZone) throws(MutationError) -> Reminder {
        func refuse(_ why: String) -> MutationError { MutationError("not undone: " + why) }
        for field in undo.fields where !field.expected.holds(in: self) {
            throw refuse("\(changer(of: field.expected.historyName, since: undo.since)) changed \(field.expected.phrase) since")
        }
        for (person, mark) in undo.marks.sorted(by: { $0.key < $1.key }) where self.mark(of: person) != mark.expected {
            throw refuse(markChange(of: person, since: undo.since))
        }
        var back = applying(undo.fields.map(\.restore))
        for (person, mark) in undo.marks where back.isOwned(by: person) { back.setMark(mark.restore, for: person) }
        for person in markedPeople.sorted() where undo.marks[person] == nil && back.mark(of: person) != mark(of: person) {
            throw refuse("\(person) \(acknowledgedBy[person] != nil ? "acknowledged" : "snoozed") it since")
        }
        do {
            try back.validate(people: people, zone: zone)
        } catch {
            throw refuse(error.message)
        }
        let what = [stamp.note, Reminder.changes(from: self, to: back, zone: zone)].compactMap { $0 }
        back.record(HistoryEvent(at: stamp.at, actor: stamp.actor, action: ReminderEvent.undone.rawValue,
                                 detail: what.isEmpty ? nil : what.joined(separator: "; ")))
        return back
    }

    /// Who last changed `field` (as the history names it) after `since`.
    private func changer(of field: String, since: Date) -> String {
        history.last { e in
            e.at > since && (e.action == ReminderEvent.edited.rawValue || e.action == ReminderEvent.undone.rawValue)
                && HistoryPhrase.mentions(e.detail, field)
        }?.actor ?? "someone else"
    }

    /// What changed `person`'s acknowledgement or snooze after `since`: their own doing, or an
    /// edit that moved the reminder or its owners.
    private func markChange(of person: String, since: Date) -> String {
        let own = Set([ReminderEvent.acknowledged, .unacknowledged, .snoozed, .unsnoozed, .undone].map(\.rawValue))
        let event = history.last { e in
            guard e.at > since else { return false }
            if e.actor == person, own.contains(e.action) { return true }
            return e.action == ReminderEvent.edited.rawValue && ["due", "repeat", "owners"].contains { HistoryPhrase.mentions(e.detail, $0) }
        }
        guard let event else { return "\(person)'s acknowledgement or snooze changed since" }
        if event.action == ReminderEvent.edited.rawValue {
            let field = ["due": "the due time", "repeat": "the repeat rule", "owners": "the owners"]
                .first { HistoryPhrase.mentions(event.detail, $0.key) }!.value
            return "\(event.actor ?? "someone else") changed \(field) since"
        }
        return "\(person) \(HistoryPhrase.did(event.action)) it since"
    }

    /// Why the reminder is no longer as it was added: the newest event it did not have then.
    func changeSince(added: Reminder) -> String {
        guard let event = history.last(where: { !added.history.contains($0) }) else { return "\(id) was changed since" }
        return "\(event.actor ?? "someone else") \(HistoryPhrase.did(event.action)) it since"
    }
}

extension ReminderField {
    /// Whether `r` has this value.
    func holds(in r: Reminder) -> Bool {
        switch self {
        case .title(let v): r.title == v
        case .notes(let v): r.notes == v
        case .link(let v): r.link == v
        case .priority(let v): r.priority == v
        case .owners(let v): r.owners == v
        case .due(let v): r.due == v
        case .start(let v): r.start == v
        case .end(let v): r.end == v
        case .repeatRule(let v): r.repeatRule == v
        case .zone(let v): r.zone == v
        case .alerts(let v): r.alerts == v.map(Reminder.normalAlerts)
        }
    }

    /// The field's name in an edit's history detail (`Reminder.changes`).
    var historyName: String {
        switch self {
        case .title: "title"
        case .notes: "notes"
        case .link: "link"
        case .priority: "priority"
        case .owners: "owners"
        case .due: "due"
        case .start: "lead"
        case .end: "follow-up"
        case .repeatRule: "repeat"
        case .zone: "zone"
        case .alerts: "alerts"
        }
    }

    /// The field in a sentence: "jonas changed the notes since".
    var phrase: String {
        switch self {
        case .title: "the title"
        case .notes: "the notes"
        case .link: "the link"
        case .priority: "the priority"
        case .owners: "the owners"
        case .due: "the due time"
        case .start: "the lead time"
        case .end: "the follow-up time"
        case .repeatRule: "the repeat rule"
        case .zone: "the time zone"
        case .alerts: "the alerts"
        }
    }
}
