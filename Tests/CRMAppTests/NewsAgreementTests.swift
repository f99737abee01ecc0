import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// The dashboard's message area and the notifier agree on what is news and who hears of it:
/// stepped through the same day by the minute, each notice names exactly the people the
/// notifier sends that item to at that minute.
@Suite struct NewsAgreementTests {
    static let morning = Date(timeIntervalSince1970: 1_795_424_400)  // 2026-11-23T09:00:00Z

    /// Warnings reach the owner (level 1); a breach lifts the case to level 2, the team lead's,
    /// while the breach itself goes to the front line, the owner.
    static var data: DataSet {
        func at(_ minutes: Double) -> Date { morning.addingTimeInterval(minutes * 60) }
        return DataSet(
            reminders: [
                Reminder(id: "R1", title: "Call Acme back", priority: .high, owners: ["maria", "lucas"],
                         start: at(30), due: at(60), end: at(120)),
            ],
            cases: [
                SupportCase(id: "C1", title: "Payments API down", customer: "Fjordline", priority: .urgent,
                            status: .open, owner: "lucas", team: "support", opened: at(0)),
            ],
            people: [
                Person(id: "maria", name: "Maria Keller", role: "sales", team: "sales"),
                Person(id: "lucas", name: "Lucas Moreau", role: "support", team: "support"),
                Person(id: "tina", name: "Tina Berg", role: "team-lead", team: "support"),
            ],
            teams: [Team(id: "support", name: "Support", lead: "tina"), Team(id: "sales", name: "Sales")],
            settings: Settings(
                calendars: [BusinessCalendar(name: "default", zone: "UTC", hours: [])],
                slaPolicies: [SLAPolicy(priority: .urgent, firstResponse: 3600, resolution: 4 * 3600,
                                        warnAtFraction: 0.75)],
                escalation: [
                    EscalationLevel(level: 1, trigger: .warning, notify: ["owner"]),
                    EscalationLevel(level: 2, trigger: .breach, notify: ["team-lead"]),
                ],
                notify: NotifySettings(command: "true", alertsBefore: [45 * 60])))
    }

    @Test func theMessageAreaNamesWhoTheNotifierTells() {
        var state = AppState(data: Self.data, user: "maria", now: Self.morning, size: Size(width: 120, height: 40))
        var record = DeliveryRecord()
        var seen: [String] = []
        for minute in 0...300 {
            let now = Self.morning.addingTimeInterval(TimeInterval(minute * 60))
            let effects = Reducer.reduce(&state, .tick(now))
            let plan = NotificationPlanner.plan(state.data, record: record, at: now)
            for message in plan.messages {
                record.claim(message, at: now)
                record.settle(message, delivered: true, at: now)
            }
            var sent: [String: Set<String>] = [:]
            for message in plan.messages {
                for subject in message.subjects { sent[subject, default: []].formUnion(message.recipients) }
            }
            var shown: [String: Set<String>] = [:]
            for case .notify(let notice) in effects { shown[notice.id, default: []].formUnion(notice.recipients) }
            #expect(shown == sent, "at minute \(minute)")
            seen += shown.keys.sorted().map { "\(minute) \($0)" }
        }
        // Every kind of news came up: alert, start, due and missed; warning, breach, escalation.
        // (A clock breaches once past its target: in the minute after 10:00.)
        #expect(seen == ["15 R1", "30 R1", "45 C1", "60 R1", "61 C1", "120 R1", "180 C1", "241 C1"], "\(seen)")
        // And the screen says it: the breach names the lead (its escalation) and the owner.
        var breach = state
        breach.now = Self.morning + 61 * 60
        breach.recentNotices = state.recentNotices.filter { $0.at == breach.now }
        let lines = Dashboard.render(breach).textLines()
        #expect(lines.contains(Text.fit(" 10:01 escalated C1 Payments API down → tina, lucas", to: 120)),
                "\(lines.suffix(4))")
    }

    /// Without a notify command nobody is told: the area lists the news and names nobody.
    @Test func withoutACommandTheAreaNamesNobody() {
        var data = Self.data
        data.settings.notify.command = nil
        var state = AppState(data: data, user: "maria", now: Self.morning, size: Size(width: 120, height: 40))
        var notices: [Notice] = []
        for minute in 0...70 {
            for case .notify(let notice) in Reducer.reduce(&state, .tick(Self.morning + TimeInterval(minute * 60))) {
                notices.append(notice)
            }
        }
        #expect(notices.map(\.id) == ["R1", "R1", "C1", "R1", "C1"])
        #expect(notices.allSatisfy { $0.recipients.isEmpty })
    }

    /// A case listed without a tick (a filter cleared) and never looked at: when its next clock
    /// warns, that warning is the news, not the escalation that stood all along.
    @Test func aCaseListedBetweenTicksAnnouncesOnlyWhatIsNew() {
        var data = Self.data
        data.reminders = []
        data.cases[0].firstResponseAt = Self.morning.addingTimeInterval(600)
        data.cases[0].escalationLevel = 1
        var state = AppState(data: data, user: "maria", now: Self.morning, size: Size(width: 120, height: 40))
        state.filters[.cases] = "nothing like it"
        state.refresh()
        _ = Reducer.reduce(&state, .tick(Self.morning + 60))
        state.filters[.cases] = nil
        state.refresh()
        var notices: [Notice] = []
        for minute in 2...200 {
            for case .notify(let notice) in Reducer.reduce(&state, .tick(Self.morning + TimeInterval(minute * 60))) {
                notices.append(notice)
            }
        }
        // Resolution (4 h) warns at 75 %: 12:00.
        #expect(notices.map { "\($0.kind.rawValue) \($0.id) \($0.recipients)" } == ["sla.warning C1 [\"lucas\"]"])
        #expect(notices.first?.at == Self.morning + 3 * 3600)
    }
}
