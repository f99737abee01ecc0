import CRMCore
import Foundation
import Testing

private let t0 = Date(timeIntervalSince1970: 1_795_000_000)
private func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

@Suite struct ReminderStateTests {
    /// start −60m, due 0, end +120m.
    let reminder = Reminder(id: "R1", title: "Call Acme", owners: ["maria", "tom"],
                            start: at(-60), due: at(0), end: at(120))

    @Test(arguments: [
        (-90.0, ReminderState.upcoming),
        (-60, .active),
        (-1, .active),
        (0, .due),
        (14, .due),
        (15, .overdue),
        (119, .overdue),
        (120, .missed),
        (600, .missed),
    ])
    func stateFollowsTheClock(minutes: Double, expected: ReminderState) {
        #expect(reminder.state(for: "maria", at: at(minutes)) == expected)
    }

    @Test func withoutStartItStaysUpcomingUntilDue() {
        let r = Reminder(id: "R2", title: "x", owners: ["maria"], due: at(0))
        #expect(r.state(for: "maria", at: at(-1)) == .upcoming)
        #expect(r.state(for: "maria", at: at(0)) == .due)
        #expect(r.state(for: "maria", at: at(60 * 24 * 30)) == .overdue)
    }

    @Test func oneOwnersAcknowledgementLeavesTheOtherReminded() {
        var r = reminder
        r.acknowledgedBy["maria"] = at(1)
        #expect(r.state(for: "maria", at: at(5)) == .acknowledged)
        #expect(r.state(for: "tom", at: at(5)) == .due)
        #expect(r.combinedState(at: at(5)) == .due)
        r.acknowledgedBy["tom"] = at(6)
        #expect(r.combinedState(at: at(7)) == .acknowledged)
    }

    @Test func snoozeEndsByItself() {
        var r = reminder
        r.snoozedUntil["tom"] = at(30)
        #expect(r.state(for: "tom", at: at(20)) == .snoozed)
        #expect(r.state(for: "tom", at: at(30)) == .overdue)
        #expect(r.priority == reminder.priority && r.due == reminder.due)
    }
}

@Suite struct ReminderOrderTests {
    func make(_ id: String, _ p: ReminderPriority, due: Double, owners: [String] = ["maria"],
              ack: Bool = false) -> Reminder {
        Reminder(id: id, title: id, priority: p, owners: owners, start: at(due - 30), due: at(due),
                 acknowledgedBy: ack ? ["maria": at(-100)] : [:])
    }

    @Test func priorityFirstThenUrgencyThenDueAndSettledSink() {
        let reminders = [
            make("low-overdue", .low, due: -20),
            make("high-upcoming", .high, due: 120),
            make("high-active", .high, due: 10),
            make("normal-due", .normal, due: -1),
            make("high-acked", .high, due: -5, ack: true),
            make("high-overdue-later", .high, due: -16),
            make("high-overdue", .high, due: -30),
            make("not-mine", .high, due: 0, owners: ["tom"]),
        ]
        let order = ReminderOrder.entries(reminders, owner: "maria", at: t0).map(\.reminder.id)
        #expect(order == [
            "high-overdue", "high-overdue-later", "high-active", "high-upcoming",
            "normal-due", "low-overdue", "high-acked",
        ])
    }

    @Test func everyoneListIncludesAllOwners() {
        let reminders = [make("a", .normal, due: 5), make("b", .normal, due: 1, owners: ["tom"])]
        #expect(ReminderOrder.entries(reminders, owner: nil, at: t0).map(\.reminder.id) == ["b", "a"])
    }
}
