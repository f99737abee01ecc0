import Foundation
import Testing
@testable import CRMCore

private typealias F = BusinessTimeFixtures

/// The one order of every case queue: the next breach first.
@Suite struct SLAUrgencyTests {
    /// Time left is business time: an hour left on office hours at 16:30 is due the next
    /// morning, after two hours left on a 24×7 clock. The queue follows the wall clock.
    @Test func queueIsOrderedByTheNextBreachAcrossCalendars() {
        let now = F.at("2026-11-23T15:30Z")
        let settings = DemoData.make(now: now).settings
        func item(_ id: String, _ priority: CasePriority, opened: String, responded: String? = nil,
                  pausedAt: String? = nil) -> (SupportCase, [SLAClock]) {
            let c = SupportCase(id: id, title: id, customer: "ACME", priority: priority, status: .open,
                                opened: F.at(opened), firstResponseAt: responded.map(F.at),
                                pauses: pausedAt.map { [Pause(start: F.at($0))] } ?? [])
            return (c, SLA.clocks(for: c, settings: settings, now: now))
        }
        let office = item("office-high", .high, opened: "2026-11-23T12:30Z")
        let urgent = item("urgent-24x7", .urgent, opened: "2026-11-23T13:30Z", responded: "2026-11-23T14:00Z")
        #expect(SLA.mostUrgent(office.1).map { Int($0.remaining) } == 3600)
        #expect(SLA.mostUrgent(urgent.1).map { Int($0.remaining) } == 7200)
        let items = [
            office, urgent,
            // Paused with 30 minutes left: it cannot breach while it waits on the customer.
            item("paused", .high, opened: "2026-11-23T09:00Z", pausedAt: "2026-11-23T11:30Z"),
            item("breached", .urgent, opened: "2026-11-23T13:00Z"),
            item("more-breached", .urgent, opened: "2026-11-23T12:00Z"),
        ]
        #expect(items.sorted(by: SLA.urgencyOrder).map(\.0.id)
                == ["more-breached", "breached", "urgent-24x7", "office-high", "paused"])
    }
}
