import CRMApp
import CRMCore
import Testing

/// The dashboard's form keeps the limits every other way in has (docs/DATA_FORMAT.md, "Field sizes").
@Suite struct FormFieldLimitTests {
    @Test func aTitleOverTheLimitIsRefusedAtItsFieldAndNothingIsSaved() {
        var state = Fixture.state()
        let before = state.data.reminders
        fillNewReminder(title: String(repeating: "t", count: 1_001), due: "+2h", &state)
        let effects = press(.enter, &state)
        #expect(effects.isEmpty)
        #expect(state.data.reminders == before)
        guard case .form(let form) = state.modal else { Issue.record("the form closed"); return }
        #expect(form.fields.first { $0.label == "Title" }?.error == "too long: more than the 1,000 characters crmtop stores")

    }

    @Test func aTitleAtTheLimitIsSaved() {
        var state = Fixture.state()
        let title = String(repeating: "t", count: 1_000)
        fillNewReminder(title: title, due: "+2h", &state)
        let effects = press(.enter, &state)
        #expect(state.modal == nil)
        #expect(effects.count == 1)
        #expect(state.data.reminders.contains { $0.title == title })
    }
}
