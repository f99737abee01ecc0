import Foundation
@testable import CRMCore

/// A support team and a sales team on Tuesday 24 November 2026 (UTC, open around the clock),
/// and a notifier stepped through the day by the minute, recording what it sent.
enum NotificationFixtures {
    static func at(_ hhmm: String) -> Date { BusinessTimeFixtures.at("2026-11-24T\(hhmm)Z") }

    static let people = [
        Person(id: "maria", name: "Maria Oliveira", role: "sales", team: "sales"),
        Person(id: "jonas", name: "Jonas Weber", role: "sales", team: "sales"),
        Person(id: "lucas", name: "Lucas Moreau", role: "support", team: "support"),
        Person(id: "tina", name: "Tina Berg", role: "team-lead", team: "support"),
        Person(id: "hana", name: "Hana Sato", role: "head-of-support"),
    ]

    static func settings(_ notify: NotifySettings) -> Settings {
        Settings(
            calendars: [BusinessCalendar(name: "default", zone: "UTC", hours: [])],
            slaPolicies: [SLAPolicy(priority: .urgent, firstResponse: 3600, resolution: 8 * 3600, warnAtFraction: 0.75)],
            escalation: [
                EscalationLevel(level: 1, trigger: .breach, notify: ["owner", "team-lead"]),
                EscalationLevel(level: 2, trigger: .afterBreach(2 * 3600), notify: ["head-of-support"]),
            ],
            notify: notify)
    }

    /// Due at 10:00, reminding from 09:30, missed at 12:00.
    static let callBack = Reminder(id: "R-1", title: "Call back Acme", priority: .high, owners: ["maria", "jonas"],
                                   start: at("09:30"), due: at("10:00"), end: at("12:00"))

    /// Opened at 09:00: first response warns at 09:45 and breaches at 10:00 (level 1), level 2
    /// at 12:00; resolution warns at 15:00 and breaches at 17:00.
    static let outage = SupportCase(id: "C-1", title: "Payments API down", customer: "Fjordline AS",
                                    priority: .urgent, status: .open, owner: "lucas", team: "support",
                                    opened: at("09:00"))

    static func data(_ notify: NotifySettings, reminders: [Reminder] = [callBack],
                     cases: [SupportCase] = [outage]) -> DataSet {
        DataSet(reminders: reminders, cases: cases, people: people,
                teams: [Team(id: "support", name: "Support", lead: "tina"), Team(id: "sales", name: "Sales")],
                settings: settings(notify))
    }

    struct Sent: Equatable, CustomStringConvertible {
        var at: String
        var message: NotificationMessage

        var kinds: [String] { message.events.map(\.kind.rawValue) }
        var description: String {
            "\(at) \(message.isDigest ? "digest" : kinds[0]) \(message.events.map(\.subject)) → \(message.recipients)"
        }
    }

    /// Steps the clock from `from` to `to`, applying `changes` when their time comes, and
    /// sends what the planner says; `fails` decides which sends the command refuses.
    static func run(_ start: DataSet, from: String = "00:00", to: String = "23:59", step: TimeInterval = 60,
                    record initial: DeliveryRecord = DeliveryRecord(),
                    changes: [String: (inout DataSet) -> Void] = [:],
                    fails: (NotificationMessage, Date) -> Bool = { _, _ in false }) -> (sent: [Sent], record: DeliveryRecord) {
        var data = start
        var record = initial
        var sent: [Sent] = []
        var now = at(from)
        let changeTimes = Dictionary(uniqueKeysWithValues: changes.map { (at($0.key), $0.value) })
        while now <= at(to) {
            changeTimes[now]?(&data)
            let plan = NotificationPlanner.plan(data, record: record, at: now)
            record.queue(plan.queued, at: now)
            for message in plan.messages {
                record.claim(message, at: now)
                let failed = fails(message, now)
                record.settle(message, delivered: !failed, at: now)
                if !failed { sent.append(Sent(at: clock(now), message: message)) }
            }
            record.forget(allBut: plan.live, at: now)
            now += step
        }
        return (sent, record)
    }

    static func clock(_ date: Date) -> String {
        String(TimeText.formatUTC(date).dropFirst(11).prefix(8))
    }
}
