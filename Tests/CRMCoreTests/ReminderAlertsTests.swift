import Foundation
import Testing
@testable import CRMCore

private typealias N = NotificationFixtures

/// A reminder's own alerts take the place of the notifier's `alerts_before`; without its
/// own it has those, and an empty list means no alerts at all.
@Suite struct ReminderAlertsTests {
    private let settings = NotifySettings(command: "notify-team", alertsBefore: [600])

    @Test func aReminderWithItsOwnAlertsIsAlertedAtThose() {
        let review = Reminder(id: "R-2", title: "Pipeline review", owners: ["maria"], due: N.at("15:00"),
                              alerts: [7200, 1800, 7200, -60, 0])
        #expect(review.alerts == [7200, 1800])
        let sent = N.run(N.data(settings, reminders: [review], cases: [])).sent
        #expect(sent.map(\.at) == ["13:00:00", "14:30:00", "15:00:00"])
        #expect(sent.map { $0.message.events[0].alertBefore } == [7200, 1800, nil])
    }

    @Test func withoutItsOwnItHasTheNotifiersAndWithNoneItHasNone() {
        let plain = Reminder(id: "R-2", title: "Plain", owners: ["maria"], due: N.at("15:00"))
        let quiet = Reminder(id: "R-3", title: "Quiet", owners: ["maria"], due: N.at("16:00"), alerts: [])
        let sent = N.run(N.data(settings, reminders: [plain, quiet], cases: [])).sent
        #expect(sent.map { "\($0.at) \($0.kinds[0]) \($0.message.events[0].subject)" } == [
            "14:50:00 reminder.alert R-2", "15:00:00 reminder.due R-2", "16:00:00 reminder.due R-3",
        ])
    }

    @Test func anEditOfTheAlertsIsInTheHistoryAndCanBeTakenBack() {
        let before = Reminder(id: "R-2", title: "Plain", owners: ["maria"], due: N.at("15:00"))
        let after = before.applying([.alerts([3600, 600])])
        #expect(Reminder.changes(from: before, to: after, zone: TimeZone(identifier: "UTC")!) == "alerts: default → 1h, 10m")
        #expect(Reminder.changes(from: after, to: after.applying([.alerts([])]), zone: TimeZone(identifier: "UTC")!) == "alerts: 1h, 10m → none")
        let undo = ReminderUndo(from: before, to: after, since: N.at("15:00"))
        #expect(undo.fields.map(\.restore) == [.alerts(nil)])
    }
}
