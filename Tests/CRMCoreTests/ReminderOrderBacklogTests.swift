import CRMCore
import Foundation
import Testing

private let now = Date(timeIntervalSince1970: 1_795_424_400)

@Suite struct ReminderOrderBacklogTests {
    /// One person's backlog with every kind of tie: few due times, each priority, settled and
    /// open, ids given out of order so that only the id can break the last ties.
    private func backlog(_ count: Int) -> [Reminder] {
        (0..<count).map { n in
            let due = now.addingTimeInterval(Double((n * 7919) % 41 - 20) * 900)
            return Reminder(id: "r-\((n * 104_729) % count)", title: "Call #\(n)",
                            priority: ReminderPriority.allCases[n % 3], owners: ["maria"],
                            start: due.addingTimeInterval(-1800), due: due,
                            end: n % 4 == 0 ? due.addingTimeInterval(3600) : nil,
                            acknowledgedBy: n % 5 == 0 ? ["maria": due] : [:],
                            snoozedUntil: n % 7 == 0 ? ["maria": now.addingTimeInterval(600)] : [:])
        }
    }

    @Test func aLargeBacklogIsInTheOneOrder() {
        let reminders = backlog(5_000)
        let listed = ReminderOrder.entries(reminders, owner: "maria", at: now)
        #expect(listed.count == reminders.count)
        #expect(Set(listed.map(\.reminder.id)).count == reminders.count)
        for (a, b) in zip(listed, listed.dropFirst()) {
            #expect(ReminderOrder.precedes(a, b), "\(a.reminder.id) is listed before \(b.reminder.id)")
        }
        // Open before settled, high before low within them, as the dashboard shows them.
        let firstSettled = listed.firstIndex { $0.state.isSettled } ?? listed.count
        #expect(listed[firstSettled...].allSatisfy { $0.state.isSettled })
        #expect(listed.first?.reminder.priority == .high)
    }

    @Test func reorderingEntriesDoesNotDependOnTheirInputOrder() {
        let entries = backlog(600).map { ReminderOrder.entry($0, owner: "maria", at: now) }
        #expect(ReminderOrder.ordered(entries) == ReminderOrder.ordered(Array(entries.reversed())))
        #expect(ReminderOrder.ordered([]).isEmpty)
    }
}
