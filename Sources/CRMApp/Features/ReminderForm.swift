import CRMCore
import Foundation

/// The new/edit reminder form: its fields, their validation and the reminder it makes.
enum ReminderForm {
    static let title = "Title", priority = "Priority", due = "Due", repeats = "Repeat", owners = "Owners"
    static let lead = "Lead", followUp = "Follow-up", alerts = "Alerts", link = "Link", notes = "Notes"
    static let priorities = ReminderPriority.allCases.map(\.rawValue)
    /// "none" first: a new reminder happens once unless asked.
    static let repeatChoices = ["none"] + Repeat.allCases.map(\.rawValue)

    static func new(_ state: AppState) -> Form {
        Form(title: "New reminder", fields: fields(owners: state.user, due: ""), purpose: .newReminder)
    }

    static func edit(_ r: Reminder, _ state: AppState) -> Form {
        var form = Form(title: "Edit \(r.id)", fields: fields(owners: r.owners.joined(separator: ", "),
                                                               due: Format.input(r.due, zone: state.zone)),
                        purpose: .editReminder(id: r.id))
        func set(_ label: String, _ value: String) {
            if let i = form.fields.firstIndex(where: { $0.label == label }) { form.fields[i].input = TextField(value) }
        }
        set(title, r.title)
        set(priority, r.priority.rawValue)
        set(repeats, r.repeatRule?.rulesText(zone: r.timeZone(default: state.zone)) ?? "none")
        // A rule set (from a calendar) is one more choice, so stepping away and back keeps it whole.
        if case .rules = r.repeatRule, let i = form.fields.firstIndex(where: { $0.label == repeats }) {
            form.fields[i].choices = repeatChoices + [form.fields[i].input.value]
        }
        if let start = r.start { set(lead, DurationText.format(r.due.timeIntervalSince(start))) }
        if let end = r.end { set(followUp, DurationText.format(end.timeIntervalSince(r.due))) }
        if let own = r.alerts { set(alerts, own.isEmpty ? "none" : own.map(DurationText.format).joined(separator: ", ")) }
        set(link, r.link ?? "")
        set(notes, r.notes ?? "")
        return validated(form, state)
    }

    private static func fields(owners ownersValue: String, due dueValue: String) -> [Form.Field] {
        [
            Form.Field(title, hint: "what to do"),
            Form.Field(priority, "normal", hint: Form.Field.listing(priorities), choices: priorities),
            Form.Field(due, dueValue, hint: "14:30, tomorrow 9:00, +2h or 2026-11-24 09:00"),
            Form.Field(repeats, "none", hint: Form.Field.listing(repeatChoices), choices: repeatChoices),
            Form.Field(owners, ownersValue, hint: "handles, separated by commas"),
            Form.Field(lead, hint: "remind this long before, e.g. 30m (optional)"),
            Form.Field(followUp, hint: "keep open this long after, e.g. 1d (optional)"),
            Form.Field(alerts, hint: "alert this long before due, e.g. 1h, 10m; none; empty: the notifier's"),
            Form.Field(link, hint: "https://… (optional)"),
            Form.Field(notes, hint: "(optional)"),
        ]
    }

    /// Checks every field, setting errors and working-time warnings; returns the
    /// reminder when there are no errors.
    @discardableResult
    static func validate(_ form: inout Form, _ state: AppState) -> Reminder? {
        for i in form.fields.indices { form.fields[i].error = nil }
        form.warnings = []
        let zone = state.zone
        if form.value(title).isEmpty { form.setError(title, "a title is needed") }
        let prio = ReminderPriority(rawValue: form.value(priority))
        if prio == nil { form.setError(priority, Form.Field.listing(priorities)) }
        var editing: Reminder?
        if case .editReminder(let id) = form.purpose { editing = state.data.reminders.first { $0.id == id } }
        let rule = repetition(form.value(repeats), editing: editing, &form, zone: editing?.timeZone(default: zone) ?? zone)
        let dueDate = InputTime.parse(form.value(due), now: state.now, zone: zone)
        if dueDate == nil { form.setError(due, form.value(due).isEmpty ? "when is it due?" : "not a time I can read") }
        let handles = form.value(owners).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if handles.isEmpty { form.setError(owners, "at least one owner") }
        let unknown = handles.filter { h in !state.data.people.isEmpty && state.data.person(h) == nil }
        if !unknown.isEmpty { form.setError(owners, "unknown: \(unknown.joined(separator: ", "))") }
        let leadTime = optionalDuration(&form, lead)
        let followTime = optionalDuration(&form, followUp)
        let ownAlerts = alertList(&form)
        let url = form.value(link)
        if !url.isEmpty, URL(string: url)?.scheme == nil { form.setError(link, "a URL like https://…") }
        guard let dueDate, let prio, form.fields.allSatisfy({ $0.error == nil }) else { return nil }

        var reminder = Reminder(id: "", title: form.value(title), priority: prio, owners: handles,
                                creator: state.user, start: leadTime.map { dueDate - $0 }, due: dueDate,
                                end: followTime.map { dueDate + $0 }, repeatRule: rule, zone: editing?.zone,
                                alerts: ownAlerts)
        reminder.link = url.isEmpty ? nil : url
        reminder.notes = form.value(notes).isEmpty ? nil : form.value(notes)
        guard withinSizeLimits(reminder, &form, state) else { return nil }
        let calendar = state.data.settings.defaultCalendar
        form.warnings = reminder.workingTimeWarnings(calendar: calendar).map { "The " + $0 + "." }
        if form.shiftToWorkingTime, !form.warnings.isEmpty,
           let shifted = reminder.shiftedToWorkingTime(calendar: calendar) {
            reminder = shifted
        }
        return reminder
    }

    /// A name from `repeatChoices` or `RRULE` text. A rule set shown unchanged is kept whole,
    /// with the dates it adds, leaves out and moves, which the field does not show.
    private static func repetition(_ text: String, editing: Reminder?, _ form: inout Form, zone: TimeZone) -> Repetition? {
        if text == "none" { return nil }
        if let kept = editing?.repeatRule, kept.rulesText(zone: zone) == text { return kept }
        do throws(RecurrenceRule.ParseError) {
            return try Repetition(text: text, zone: zone)
        } catch {
            form.setError(repeats, Form.Field.listing(repeatChoices) + " or an RRULE (" + error.message + ")")
            return nil
        }
    }

    /// The limits every change shares (`FieldLimit`), shown at the field. An edit may keep a
    /// field that was already longer.
    private static func withinSizeLimits(_ reminder: Reminder, _ form: inout Form, _ state: AppState) -> Bool {
        var before: Reminder?
        if case .editReminder(let id) = form.purpose { before = state.data.reminders.first { $0.id == id } }
        let labels = ["title": title, "notes": notes, "link": link, "owners": owners]
        let oversized = reminder.oversizedFields(comparedTo: before)
        for field in oversized { form.setError(labels[field.field] ?? title, field.problem) }
        return oversized.isEmpty
    }

    /// Whether saving `form` moves what was typed into working time, for the history.
    private static func shiftNote(_ form: Form) -> String? {
        form.shiftToWorkingTime && !form.warnings.isEmpty ? ChangeStamp.shiftedNote : nil
    }

    static func validated(_ form: Form, _ state: AppState) -> Form {
        var f = form
        validate(&f, state)
        return f
    }

    /// Empty for the notifier's `alerts_before`, `none` for no alerts, else durations before due.
    private static func alertList(_ form: inout Form) -> [TimeInterval]? {
        let text = form.value(alerts).trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        if text.lowercased() == "none" { return [] }
        var out: [TimeInterval] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let d = DurationText.parse(part), d > 0 else {
                form.setError(alerts, "durations before due like 1h, 10m; or none")
                return nil
            }
            out.append(d)
        }
        return out
    }

    private static func optionalDuration(_ form: inout Form, _ label: String) -> TimeInterval? {
        let text = form.value(label)
        guard !text.isEmpty else { return nil }
        guard let d = DurationText.parse(text), d >= 0 else {
            form.setError(label, "a duration like 30m, 2h or 1d")
            return nil
        }
        return d
    }

    /// Saves the form: a new reminder, or the edited one keeping its id, acknowledgements and snoozes.
    static func submit(_ form: Form, _ state: inout AppState) -> [Effect] {
        var checked = form
        for i in checked.fields.indices { checked.fields[i].touched = true }
        if case .snoozeUntil(let id) = form.purpose {
            guard let until = InputTime.parse(form.value("Until"), now: state.now, zone: state.zone),
                  until > state.now else {
                checked.setError("Until", "a time after now")
                state.modal = .form(checked)
                return []
            }
            state.modal = nil
            return ReminderActions.snooze(id, until: until, &state)
        }
        guard var made = validate(&checked, state) else {
            state.modal = .form(checked)
            return []
        }
        state.modal = nil
        switch form.purpose {
        case .newReminder:
            made.id = state.data.nextReminderID
            made = made.made(.created, ChangeStamp(at: state.now, actor: state.user, note: shiftNote(checked)))
            let added = made
            let effects = Undo.change(&state, [.reminder(.add(made))], label: "new \(made.title)") { _ in .withdraw(added) }
            state.selection[.reminders] = made.id
            ReminderActions.note(&state, "Added \(made.id): \(made.title)" + warningSuffix(checked))
            return effects
        case .editReminder(let id):
            guard let old = state.data.reminders.first(where: { $0.id == id }) else { return [] }
            made.id = id
            let fields: [ReminderField] = [
                .title(made.title), .priority(made.priority), .owners(made.owners), .due(made.due),
                .start(made.start), .end(made.end), .repeatRule(made.repeatRule), .alerts(made.alerts),
                .link(made.link), .notes(made.notes),
            ]
            let stamp = ChangeStamp(at: state.now, actor: state.user, note: shiftNote(checked))
            let effects = Undo.change(&state, [.reminder(.edit(id: id, fields, stamp))],
                                      label: "edit \(old.title)") { Undo.reminderStep(old, note: "edit", $0) }
            ReminderActions.note(&state, "Saved \(id): \(made.title)" + warningSuffix(checked))
            return effects
        case .snoozeUntil, .assignCase:
            return []
        }
    }

    private static func warningSuffix(_ form: Form) -> String {
        form.warnings.isEmpty || form.shiftToWorkingTime ? "" : " (outside working time)"
    }
}
