import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// The new/edit reminder form as a person types into it: choice fields, long values, warnings.
@Suite struct ReminderFormTests {
    static func form(_ state: AppState) -> Form? {
        if case .form(let form) = state.modal { form } else { nil }
    }

    /// The frame's line that shows `label`'s field.
    static func fieldLine(_ label: String, _ state: AppState) -> String {
        Dashboard.render(state).textLines().first { $0.contains("│ \(label) ") } ?? ""
    }

    /// Opens `n`, fills title and due, and tabs on to the Repeat field.
    static func newReminderAtRepeat(_ state: inout AppState) {
        fillNewReminder(title: "Stand-up notes", due: "+2h", &state)
        _ = press(.tab, &state)
        #expect(form(state).map { $0.fields[$0.focus].label } == "Repeat")
    }

    @Test func aNewReminderRepeatsAsChosenWithTheArrows() throws {
        var state = Fixture.state()
        Self.newReminderAtRepeat(&state)
        #expect(Self.fieldLine("Repeat", state).contains("none"))
        _ = press(.right, &state)
        _ = press(.right, &state)
        #expect(Self.fieldLine("Repeat", state).contains("weekdays"))
        _ = press(.right, &state)
        _ = press(.left, &state)
        _ = press(.enter, &state)
        let made = try #require(state.data.reminders.first { $0.title == "Stand-up notes" })
        #expect(made.repeatRule == .weekdays)
        // The details say so.
        _ = press(.enter, &state)
        #expect(Dashboard.render(state).textLines().contains { $0.contains("repeats") && $0.contains("weekdays") })
    }

    /// A reminder's own alerts are a field of the form; empty leaves the notifier's.
    @Test func alertsAreTypedInTheFormAndShownWhenEditing() throws {
        var state = Fixture.state()
        Self.newReminderAtRepeat(&state)
        for _ in 0..<4 { _ = press(.tab, &state) }
        #expect(Self.form(state).map { $0.fields[$0.focus].label } == "Alerts")
        _ = type("1h, soon", &state)
        _ = press(.enter, &state)
        #expect(Self.form(state)?.fields.first { $0.label == "Alerts" }?.error == "durations before due like 1h, 10m; or none")
        for _ in 0..<4 { _ = press(.backspace, &state) }
        _ = type("10m", &state)
        _ = press(.enter, &state)
        let made = try #require(state.data.reminders.first { $0.title == "Stand-up notes" })
        #expect(made.alerts == [3600, 600])
        _ = press(.char("e"), &state)
        #expect(Self.fieldLine("Alerts", state).contains("1h, 10m"))
    }

    @Test func typingAChoicePicksTheFirstThatStartsSo() throws {
        var state = Fixture.state()
        Self.newReminderAtRepeat(&state)
        _ = type("week", &state)
        #expect(Self.fieldLine("Repeat", state).contains("weekdays"))
        _ = type("l", &state)
        #expect(Self.fieldLine("Repeat", state).contains("weekly"))
        // A letter that goes on to nothing starts again.
        _ = type("m", &state)
        #expect(Self.fieldLine("Repeat", state).contains("monthly"))
        _ = press(.enter, &state)
        #expect(state.data.reminders.first { $0.title == "Stand-up notes" }?.repeatRule == .monthly)
    }

    @Test func priorityIsAChoiceToo() throws {
        var state = Fixture.state()
        _ = press(.char("n"), &state)
        _ = type("Call Nordwind", &state)
        _ = press(.tab, &state)
        _ = press(.left, &state)
        #expect(Self.fieldLine("Priority", state).contains("high"))
        _ = press(.left, &state)
        #expect(Self.fieldLine("Priority", state).contains("low"), "round the end")
        _ = type("n", &state)
        #expect(Self.fieldLine("Priority", state).contains("normal"))
    }

    @Test func editingChangesAndStopsTheRepeat() throws {
        var data = Fixture.data
        data.reminders[1].repeatRule = .weekly
        var state = AppState(data: data, user: "maria", now: Fixture.now, size: Size(width: 120, height: 40))
        state.selection[.reminders] = "R2"
        _ = press(.char("e"), &state)
        #expect(Self.fieldLine("Repeat", state).contains("weekly"))
        for _ in 0..<3 { _ = press(.tab, &state) }
        _ = press(.right, &state)
        _ = press(.enter, &state)
        #expect(state.data.reminders[1].repeatRule == .monthly)
        #expect(state.data.reminders[1].history.last?.detail == "repeat: weekly → monthly")
        _ = press(.char("e"), &state)
        for _ in 0..<3 { _ = press(.tab, &state) }
        _ = type("none", &state)
        _ = press(.enter, &state)
        #expect(state.data.reminders[1].repeatRule == nil)
        _ = press(.char("u"), &state)
        #expect(state.data.reminders[1].repeatRule == .monthly)
    }

    /// A calendar's rule set is one more choice in the edit form: saved unchanged, it keeps
    /// the dates it leaves out, which the field does not show.
    @Test func editingKeepsARuleSetWhole() throws {
        var data = Fixture.data
        let rule = try RecurrenceRule(parsing: "FREQ=WEEKLY;INTERVAL=2", zone: TimeZone(identifier: "UTC")!)
        let series = Repetition.rules(RecurrenceSet(rules: [rule], exceptions: [data.reminders[1].due + 14 * 86_400]))
        data.reminders[1].repeatRule = series
        var state = AppState(data: data, user: "maria", now: Fixture.now, size: Size(width: 120, height: 40))
        state.selection[.reminders] = "R2"
        _ = press(.char("e"), &state)
        #expect(Self.fieldLine("Repeat", state).contains("FREQ=WEEKLY;INTERVAL=2"))
        for _ in 0..<3 { _ = press(.tab, &state) }
        _ = press(.right, &state)
        #expect(Self.fieldLine("Repeat", state).contains("none"))
        _ = press(.left, &state)
        #expect(Self.fieldLine("Repeat", state).contains("FREQ=WEEKLY;INTERVAL=2"))
        _ = press(.enter, &state)
        #expect(state.data.reminders[1].repeatRule == series)
    }

    /// The choice keys come from the key table: the footer offers them on a choice field only.
    @Test func theFooterOffersTheChoiceKeysOnChoiceFields() throws {
        var state = Fixture.state()
        Self.newReminderAtRepeat(&state)
        let choice = try #require(KeyMap.bindings.first { $0.scope == .form && $0.command.configName == "next_choice" })
        let hint = try #require(choice.hint)
        #expect(Dashboard.render(state).textLines().last!.contains("\(choice.keyLabel) \(hint)"))
        _ = press(.tab, &state)
        #expect(!Dashboard.render(state).textLines().last!.contains(hint))
    }

    // MARK: long values

    static let longTitle = "Weekly pipeline review with the Sales team, the forecast, the risks and every stalled deal"

    static func editingLongTitle(size: Size = Size(width: 80, height: 24)) -> AppState {
        var data = Fixture.data
        data.reminders[0].title = longTitle
        data.reminders[0].notes = "Notes that run on for a good while, past the edge of the box and further still"
        var state = AppState(data: data, user: "maria", now: Fixture.now, size: size)
        _ = press(.char("e"), &state)
        return state
    }

    @Test func aFieldWithoutTheCursorShowsTheStartOfItsValue() {
        var state = Self.editingLongTitle()
        _ = press(.tab, &state)
        #expect(Self.fieldLine("Title", state).contains("│ Title      Weekly pipeline review with the Sales team"),
                "\(Self.fieldLine("Title", state))")
        #expect(Self.fieldLine("Title", state).contains("…"))
        #expect(Self.fieldLine("Notes", state).contains("Notes      Notes that run on"), "\(Self.fieldLine("Notes", state))")
    }

    /// Where the cursor is drawn on `label`'s line, and the text around it.
    static func cursor(_ label: String, _ state: AppState) -> (column: Int, line: String)? {
        let frame = Dashboard.render(state)
        let lines = frame.textLines(), roles = frame.roleLines()
        guard let y = lines.firstIndex(where: { $0.contains("│ \(label) ") }) else { return nil }
        let row = Array(roles[y])
        let x = lines[y].firstIndex(of: "│").map { lines[y].distance(from: lines[y].startIndex, to: $0) } ?? 0
        // The selection role marks the cursor's cell inside the box.
        guard let column = row.indices.first(where: { $0 > x && row[$0] == "S" }) else { return nil }
        return (column, lines[y])
    }

    @Test func homeAndEndShowTheEndsAndTheCursorStaysInSight() throws {
        var state = Self.editingLongTitle()
        // The cursor starts at the end, after the last word.
        var line = Self.fieldLine("Title", state)
        #expect(line.contains("every stalled deal"), "\(line)")
        _ = press(.home, &state)
        line = Self.fieldLine("Title", state)
        #expect(line.contains("Title      Weekly pipeline"), "\(line)")
        #expect(try #require(Self.cursor("Title", state)).line.contains("Weekly"))
        _ = press(.end, &state)
        #expect(Self.fieldLine("Title", state).contains("every stalled deal"))
        // Moving left from the end leaves the text where it is until the cursor nears the
        // left edge, and the cursor is always on screen.
        let before = Self.fieldLine("Title", state)
        _ = press(.left, &state)
        _ = press(.left, &state)
        #expect(Self.fieldLine("Title", state) == before)
        for _ in 0..<Self.longTitle.count {
            _ = press(.left, &state)
            #expect(Self.cursor("Title", state) != nil)
        }
        #expect(Self.fieldLine("Title", state).contains("Title      Weekly pipeline"))
        // Typing lands where the cursor shows.
        _ = type("X", &state)
        #expect(Self.form(state)?.value("Title").hasPrefix("XWeekly") == true)
    }

    // MARK: warnings

    /// A due time and a lead outside working hours: two warnings, longer than the box is wide.
    static func warned(_ size: Size) -> AppState {
        var state = Fixture.officeHoursState()
        state.size = size
        fillNewReminder(title: "Late call", due: "20:00", &state)
        for _ in 0..<3 { _ = press(.tab, &state) }
        _ = type("45m", &state)
        return state
    }

    @Test(arguments: [(80, 24), (60, 24), (120, 40), (50, 30)])
    func warningsWrapInsideTheBoxNeverCut(width: Int, height: Int) throws {
        let state = Self.warned(Size(width: width, height: height))
        let warnings = try #require(Self.form(state)?.warnings)
        #expect(warnings.count == 2)
        let lines = Dashboard.render(state).textLines()
        // The box's inside, line by line, between its side edges.
        let inside = lines.compactMap { line -> String? in
            let cells = Array(line)
            guard let left = cells.firstIndex(of: "│"), let right = cells.lastIndex(of: "│"), right > left else { return nil }
            return String(cells[(left + 1)..<right]).trimmingCharacters(in: .whitespaces)
        }
        let text = inside.joined(separator: " ")
        for warning in warnings {
            #expect(text.contains("⚠ " + warning), "\(width)x\(height): \(warning) not whole in \(inside)")
        }
        #expect(text.contains("move it to the next working moment"))
        // Every field still shows.
        for label in ["Title", "Priority", "Due", "Repeat", "Owners", "Lead", "Follow-up", "Link", "Notes"] {
            #expect(inside.contains { $0.hasPrefix(label + " ") || $0 == label }, "\(width)x\(height): \(label)")
        }
    }

    @Test func aWarnedFormGolden() {
        Golden.check("reminder-form-warned-80x24", Dashboard.render(Self.warned(Size(width: 80, height: 24))))
    }
}
