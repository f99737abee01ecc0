import Foundation
import Testing
@testable import CRMCore

private typealias N = NotificationFixtures

/// Alerts people will not mute: nothing said twice at once, nothing repeated about a case that
/// waits on the customer, nothing left waiting past the digest it belongs to.
@Suite struct NotificationNoiseTests {
    private let command = "notify-team"

    /// The outage breached at 10:00 and was put to the customer at 10:20, before any notifier
    /// ran; one started at 10:30 tells once and then leaves the paused case alone.
    @Test func aCaseWaitingOnTheCustomerRepeatsNothing() {
        var data = N.data(NotifySettings(command: command, repeatEvery: 15 * 60), reminders: [])
        try? data.cases[0].apply(.pause, at: N.at("10:20"), actor: "lucas", settings: data.settings)
        let sent = N.run(data, from: "10:30", to: "13:00").sent
        #expect(sent.map { "\($0.at) \($0.kinds) #\($0.message.repeatNumber)" } == [
            "10:30:00 [\"escalation\", \"sla.breach\"] #0",
        ])
        // The same case not put to the customer asks again every quarter hour.
        let open = N.run(N.data(NotifySettings(command: command, repeatEvery: 15 * 60), reminders: []),
                         from: "10:30", to: "11:00").sent
        #expect(open.map(\.message.repeatNumber) == [0, 1, 2])
    }

    /// Reminding began at 09:30 and the 45-minute alert passed at 09:15: a notifier that starts
    /// at 09:40 finds both standing and sends one message per owner, led by the start.
    @Test func aReminderGetsOneMessagePerMoment() {
        let data = N.data(NotifySettings(command: command, alertsBefore: [45 * 60]), cases: [])
        let sent = N.run(data, from: "09:40", to: "09:41").sent
        #expect(sent.map(\.description) == ["09:40:00 reminder.active [\"R-1\", \"R-1\"] → [\"maria\", \"jonas\"]"])
        #expect(sent[0].kinds == ["reminder.active", "reminder.alert"])
        #expect(sent[0].message.deliveries.count == 4)
    }

    /// Both clocks of a case breached while no notifier ran: one message per person, naming
    /// both, and nothing more for either clock afterwards.
    @Test func oneMessagePerCaseAndPersonNamesEveryBreachedClock() throws {
        var data = N.data(NotifySettings(command: command, events: [.slaBreach]), reminders: [])
        data.settings.escalation = []
        let sent = N.run(data, from: "17:30", to: "18:00").sent
        #expect(sent.map(\.description) == ["17:30:00 sla.breach [\"C-1\", \"C-1\"] → [\"lucas\"]"])
        #expect(sent[0].message.events.map(\.metric) == [.firstResponse, .resolution])
        let ids = Set(sent.map(\.message.id))
        #expect(ids.count == 1 && sent[0].message.id.hasPrefix("sla.breach/C-1/first_response/"))
    }

    /// Jo's digest is every 30 minutes: a due reminder that stands from 10:30:00 exactly goes
    /// in the 10:30 digest, not the 11:00 one.
    @Test func aDigestBoundaryIsInclusive() {
        let quote = Reminder(id: "R-5", title: "Send the quote", owners: ["jonas"], due: N.at("10:30"))
        let settings = NotifySettings(command: command, events: [.reminderDue], digest: ["jonas": 30 * 60])
        let sent = N.run(N.data(settings, reminders: [quote], cases: []), from: "10:00", to: "11:30").sent
        #expect(sent.map(\.description) == ["10:30:00 digest [\"R-5\"] → [\"jonas\"]"])
        // Queued on the boundary by a pass that could not send it then: the next pass does.
        var record = DeliveryRecord()
        record.queue([DeliveryRecord.Key(event: "reminder.due/R-5/2026-11-24T10:30:00Z", recipient: "jonas")],
                     at: N.at("10:30"))
        let plan = NotificationPlanner.plan(N.data(settings, reminders: [quote], cases: []), record: record,
                                            at: N.at("10:30") + 1)
        #expect(plan.messages.map(\.isDigest) == [true])
    }
}
