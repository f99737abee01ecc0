import Foundation
import Testing
@testable import CRMCore

private typealias N = NotificationFixtures

@Suite struct NotificationPlannerTests {
    private let command = "notify-team"

    @Test func eachEventGoesOutOnceAsTheDayPasses() {
        let sent = N.run(N.data(NotifySettings(command: command))).sent
        #expect(sent.map(\.description) == [
            "09:30:00 reminder.active [\"R-1\"] → [\"maria\", \"jonas\"]",
            "09:45:00 sla.warning [\"C-1\"] → [\"lucas\", \"tina\"]",
            "10:00:00 reminder.due [\"R-1\"] → [\"maria\", \"jonas\"]",
            // Breached once past the target, in the second after 10:00; the escalation it
            // brings leads one message that holds the breach too.
            "10:01:00 escalation [\"C-1\", \"C-1\"] → [\"lucas\", \"tina\"]",
            "12:00:00 reminder.missed [\"R-1\"] → [\"maria\", \"jonas\"]",
            // Two hours past the breach, to the second.
            "12:00:00 escalation [\"C-1\"] → [\"hana\"]",
            "15:00:00 sla.warning [\"C-1\"] → [\"lucas\", \"tina\"]",
            "17:01:00 sla.breach [\"C-1\"] → [\"lucas\", \"tina\"]",
        ])
        #expect(sent.allSatisfy { $0.message.repeatNumber == 0 && $0.message.attempt == 1 })
        let escalation = sent.first { $0.kinds == ["escalation", "sla.breach"] }!.message
        #expect(escalation.deliveries.map(\.event) == [
            "escalation/C-1/1", "sla.breach/C-1/first_response/2026-11-24T09:00:00Z",
            "escalation/C-1/1", "sla.breach/C-1/first_response/2026-11-24T09:00:00Z",
        ])
        let event = escalation.events[0]
        #expect(event.metric == .firstResponse && event.due == N.at("10:00") && event.priority == "urgent")
        #expect(event.level == 1)
    }

    @Test func nothingIsSentWhenNoCommandIsSetOrTheEventIsNotChosen() {
        #expect(N.run(N.data(NotifySettings())).sent.isEmpty)
        let chosen = NotifySettings(command: command, events: [.slaBreach])
        #expect(N.run(N.data(chosen)).sent.map(\.description) == [
            "10:01:00 sla.breach [\"C-1\"] → [\"lucas\", \"tina\"]",
            "17:01:00 sla.breach [\"C-1\"] → [\"lucas\", \"tina\"]",
        ])
    }

    @Test func severalAlertsBeforeDueEachOnceAndNoneOvertaken() {
        let review = Reminder(id: "R-2", title: "Pipeline review", owners: ["maria"], due: N.at("15:00"))
        let settings = NotifySettings(command: command, alertsBefore: [600, 86400, 3600])
        let sent = N.run(N.data(settings, reminders: [review], cases: [])).sent
        #expect(sent.map(\.at) == ["00:00:00", "14:00:00", "14:50:00", "15:00:00"])
        #expect(sent.map(\.kinds) == [["reminder.alert"], ["reminder.alert"], ["reminder.alert"], ["reminder.due"]])
        #expect(sent.map { $0.message.events[0].alertBefore } == [86400, 3600, 600, nil])
    }

    @Test func anAlertOnTheStartOfRemindingIsLeftToTheActiveEvent() {
        let settings = NotifySettings(command: command, alertsBefore: [1800, 600])
        let sent = N.run(N.data(settings, cases: []), to: "10:30").sent
        #expect(sent.map { "\($0.at) \($0.kinds[0])" } == [
            "09:30:00 reminder.active", "09:50:00 reminder.alert", "10:00:00 reminder.due",
        ])
    }

    @Test func repeatsUntilEachOwnerAcknowledges() {
        let settings = NotifySettings(command: command, repeatEvery: 15 * 60)
        var reminder = N.callBack
        reminder.end = nil
        let sent = N.run(N.data(settings, reminders: [reminder], cases: []), to: "11:20", changes: [
            "10:40": { $0.reminders[0].acknowledgedBy["maria"] = N.at("10:40") },
            "11:05": { $0.reminders[0].acknowledgedBy["jonas"] = N.at("11:05") },
        ]).sent.filter { $0.kinds == ["reminder.due"] }
        #expect(sent.map { "\($0.at) \($0.message.recipients) #\($0.message.repeatNumber)" } == [
            "10:00:00 [\"maria\", \"jonas\"] #0",
            "10:15:00 [\"maria\", \"jonas\"] #1",
            "10:30:00 [\"maria\", \"jonas\"] #2",
            "10:45:00 [\"jonas\"] #3",
            "11:00:00 [\"jonas\"] #4",
        ])
        #expect(Set(sent.map(\.message.id)).count == sent.count)
    }

    @Test func aReminderComesAgainWhenTheSnoozeEnds() {
        var reminder = N.callBack
        reminder.owners = ["maria"]
        reminder.end = nil
        let sent = N.run(N.data(NotifySettings(command: command), reminders: [reminder], cases: []), to: "12:00",
                         changes: ["10:05": { $0.reminders[0].snoozedUntil["maria"] = N.at("11:00") }]).sent
        #expect(sent.map { "\($0.at) \($0.kinds[0]) #\($0.message.repeatNumber)" } == [
            "09:30:00 reminder.active #0", "10:00:00 reminder.due #0", "11:00:00 reminder.due #1",
        ])
    }

    @Test func caseAlertsRepeatUntilSomeoneActsOnTheCase() {
        let settings = NotifySettings(command: command, events: [.slaBreach, .escalation], repeatEvery: 30 * 60)
        let sent = N.run(N.data(settings, reminders: []), to: "11:59", changes: [
            // The ladder's own record of the rise is nobody acting on the case.
            "10:20": { data in
                try? data.cases[0].apply(.escalate(to: 1), at: N.at("10:20"), actor: nil, settings: data.settings)
                #expect(data.cases[0].history.count == 1)
            },
            "10:50": { data in
                try? data.cases[0].apply(.assign(owner: "tina"), at: N.at("10:50"), actor: "tina",
                                         settings: data.settings)
            },
        ]).sent
        #expect(sent.map { "\($0.at) \($0.kinds[0]) #\($0.message.repeatNumber)" } == [
            "10:01:00 escalation #0", "10:31:00 escalation #1",
        ])
    }

    @Test func aBreachWithoutAnEscalationForThatPersonGoesOnItsOwn() {
        // Breaches go to the front line; only the owner is on the first rung here.
        var data = N.data(NotifySettings(command: command, events: [.slaBreach, .escalation]), reminders: [])
        data.settings.escalation = [
            EscalationLevel(level: 1, trigger: .breach, notify: ["owner", "team-lead"]),
            EscalationLevel(level: 2, trigger: .breach, notify: ["head-of-support"]),
        ]
        let sent = N.run(data, to: "10:30").sent
        #expect(sent.map(\.description) == [
            "10:01:00 escalation [\"C-1\"] → [\"hana\"]",
            "10:01:00 sla.breach [\"C-1\"] → [\"lucas\", \"tina\"]",
        ])
    }

    @Test func aHigherLevelReplacesTheLowerOnesRepeats() {
        let settings = NotifySettings(command: command, events: [.escalation], repeatEvery: 45 * 60)
        let sent = N.run(N.data(settings, reminders: []), to: "13:00").sent
        #expect(sent.map { "\($0.at) L\($0.message.events[0].level!) \($0.message.recipients)" } == [
            "10:01:00 L1 [\"lucas\", \"tina\"]", "10:46:00 L1 [\"lucas\", \"tina\"]",
            "11:31:00 L1 [\"lucas\", \"tina\"]", "12:00:00 L2 [\"hana\"]", "12:45:00 L2 [\"hana\"]",
        ])
    }

    @Test func digestsBatchRoutineEventsWhileBreachesGoAtOnce() {
        let settings = NotifySettings(command: command, digest: ["jonas": 3600, "tina": 30 * 60])
        let sent = N.run(N.data(settings), to: "13:30").sent
        #expect(sent.map(\.description) == [
            "09:30:00 reminder.active [\"R-1\"] → [\"maria\"]",
            "09:45:00 sla.warning [\"C-1\"] → [\"lucas\"]",
            "10:00:00 reminder.due [\"R-1\"] → [\"maria\"]",
            // Jonas's hour: the reminder became due on his 10:00 boundary, so that digest
            // takes it; its reminding from 09:30 is overtaken by that.
            "10:00:00 digest [\"R-1\"] → [\"jonas\"]",
            // Tina's half hour from 09:45 ends at 10:00.
            "10:00:00 digest [\"C-1\"] → [\"tina\"]",
            // A breach and its escalation reach her at once.
            "10:01:00 escalation [\"C-1\", \"C-1\"] → [\"lucas\", \"tina\"]",
            "12:00:00 reminder.missed [\"R-1\"] → [\"maria\"]",
            "12:00:00 escalation [\"C-1\"] → [\"hana\"]",
            "12:00:00 digest [\"R-1\"] → [\"jonas\"]",
        ])
        #expect(sent.filter(\.message.isDigest).map(\.kinds) == [["reminder.due"], ["sla.warning"], ["reminder.missed"]])
    }

    @Test func aDigestHoldsEverythingThatWaitedInOneMessage() {
        let first = Reminder(id: "R-3", title: "Send the quote", owners: ["jonas"], due: N.at("08:10"))
        let second = Reminder(id: "R-4", title: "Book the visit", owners: ["jonas"], due: N.at("08:20"))
        let settings = NotifySettings(command: command, events: [.reminderDue], digest: ["jonas": 3600])
        let sent = N.run(N.data(settings, reminders: [first, second], cases: []), to: "10:30").sent
        #expect(sent.map(\.description) == ["09:00:00 digest [\"R-3\", \"R-4\"] → [\"jonas\"]"])
        #expect(sent.first?.message.deliveries.map(\.recipient) == ["jonas", "jonas"])
    }

    @Test func aFailedDigestIsTriedAgainWithTheSameEventsAndId() {
        let first = Reminder(id: "R-3", title: "Send the quote", owners: ["jonas"], due: N.at("08:10"))
        let settings = NotifySettings(command: command, events: [.reminderDue], digest: ["jonas": 3600])
        var tries: [String] = []
        let sent = N.run(N.data(settings, reminders: [first], cases: []), from: "08:00", to: "09:05", step: 10) { m, now in
            tries.append("\(N.clock(now)) #\(m.attempt) \(m.id)")
            return tries.count == 1
        }.sent
        #expect(tries.count == 2)
        #expect(tries.first?.hasPrefix("09:00:00 #1 digest/jonas/") == true)
        #expect(tries.last?.hasPrefix("09:00:30 #2 digest/jonas/") == true)
        let ids = Set(tries.map { $0.split(separator: " ")[2] })
        #expect(ids.count == 1)
        #expect(sent.map(\.kinds) == [["reminder.due"]])
    }

    @Test func aFailedSendIsTriedAgainWithGrowingPauses() {
        let settings = NotifySettings(command: command, events: [.slaBreach])
        var attempts: [String] = []
        let sent = N.run(N.data(settings, reminders: []), from: "09:59", to: "10:20", step: 10) { message, now in
            attempts.append("\(N.clock(now)) #\(message.attempt)")
            return attempts.count <= 3
        }.sent
        // 30 s, then a minute, then two.
        #expect(attempts == ["10:00:10 #1", "10:00:40 #2", "10:01:40 #3", "10:03:40 #4"])
        #expect(sent.map(\.at) == ["10:03:40"])
        #expect(Set(sent.map(\.message.id)) == ["sla.breach/C-1/first_response/2026-11-24T09:00:00Z#1"])
    }

    @Test func aClaimLeftByASenderThatDiedIsSentAgainAfterItsLease() {
        let settings = NotifySettings(command: command, events: [.slaBreach], timeout: 60)
        var data = N.data(settings, reminders: [])
        var record = DeliveryRecord()
        let first = NotificationPlanner.plan(data, record: record, at: N.at("10:01"))
        record.claim(first.messages[0], at: N.at("10:01"))
        // Another process, while the claim holds: nothing to send.
        #expect(NotificationPlanner.plan(data, record: record, at: N.at("10:02:29")).messages.isEmpty)
        data.cases[0].title = "Payments API down (all regions)"
        let again = NotificationPlanner.plan(data, record: record, at: N.at("10:02:30")).messages
        #expect(again.count == 1)
        #expect(again.first?.id == first.messages[0].id)
        #expect(again.first?.attempt == 2)
        #expect(again.first?.events.first?.title == "Payments API down (all regions)")
    }

    @Test func goalsReachedAreToldOncePerPeriod() {
        var data = N.data(NotifySettings(command: command), reminders: [], cases: [])
        data.kpis = [KPI(id: "calls", name: "Calls", points: 1, goals: [Goal(role: "sales", count: 3, period: .day)])]
        data.activities = ["09:10", "11:00", "14:00", "15:00"].map { Activity(person: "jonas", kpi: "calls", at: N.at($0)) }
        let sent = N.run(data).sent
        #expect(sent.map(\.description) == ["14:00:00 goal.reached [\"jonas\"] → [\"jonas\"]"])
        #expect(sent.first?.message.events.first?.title == "Calls: 3 of 3 today")
    }

    @Test func theRecordForgetsWhatNoLongerStandsAfterAWeek() {
        let settings = NotifySettings(command: command, events: [.reminderDue])
        var reminder = N.callBack
        reminder.end = nil
        var (_, record) = N.run(N.data(settings, reminders: [reminder], cases: []), from: "09:58", to: "10:00")
        #expect(record.entries.count == 2)
        record.forget(allBut: [], at: N.at("10:00").addingTimeInterval(6 * 86400))
        #expect(record.entries.count == 2)
        record.forget(allBut: [], at: N.at("10:00").addingTimeInterval(7 * 86400))
        #expect(record.entries.isEmpty)
    }

    @Test func digestBoundariesAreMultiplesOfTheIntervalFromLocalMidnight() {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let now = BusinessTimeFixtures.at("2026-11-24T10:47:12+01:00")
        #expect(NotificationPlanner.lastBoundary(every: 1800, before: now, zone: berlin)
            == BusinessTimeFixtures.at("2026-11-24T10:30+01:00"))
        #expect(NotificationPlanner.lastBoundary(every: 7 * 3600, before: now, zone: berlin)
            == BusinessTimeFixtures.at("2026-11-24T07:00+01:00"))
    }
}
