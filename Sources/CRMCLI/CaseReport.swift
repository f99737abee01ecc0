import CRMApp
import CRMCore
import CRMStore
import Foundation

/// A case as of one moment, with its SLA clocks and the escalation level it has reached:
/// what the case commands print, in the `--json` shape the command-line contract fixes.
struct CaseReport {
    var item: SupportCase
    var clocks: [SLAClock]
    /// The level reached by `now`, never below the one stored on the case.
    var level: Int
    var urgency: SLAUrgency

    init(_ item: SupportCase, settings: Settings, now: Date) {
        self.item = item
        clocks = SLA.clocks(for: item, settings: settings, now: now)
        level = Escalation.level(for: item, clocks: clocks, ladder: settings.escalation, now: now)
        urgency = SLA.urgency(of: item, clocks: clocks)
    }

    /// The open ones among `cases`, the next breach first: the dashboard's order.
    static func open(_ cases: [SupportCase], settings: Settings, now: Date) -> [CaseReport] {
        cases.filter(\.status.isOpen)
            .map { CaseReport($0, settings: settings, now: now) }
            .sorted { $0.urgency < $1.urgency }
    }

    var urgent: SLAClock? { SLA.mostUrgent(clocks) }

    /// `id, title, kind, customer, priority, status, owner, team, influencer, opened,
    /// escalation_level, sla[]`, then `history` when asked for. Unset fields are `null`, so
    /// every record has the same keys.
    func json(in session: Session, history: Bool = false) -> JSONOutput {
        let c = item
        func text(_ value: String?) -> JSONOutput { value.map(JSONOutput.string) ?? .null }
        var members: [JSONOutput.Member] = [
            .init("id", .string(c.id)),
            .init("title", .string(c.title)),
            .init("kind", .string(c.kind.rawValue)),
            .init("customer", text(c.customer)),
            .init("priority", .string(c.priority.rawValue)),
            .init("status", .string(c.status.rawValue)),
            .init("owner", text(c.owner)),
            .init("team", text(c.team)),
            .init("influencer", text(c.influencer)),
            .init("opened", session.timeText(c.opened)),
            .init("escalation_level", .int(level)),
            .init("sla", .array(clocks.map { clock in
                let seconds = Seconds(clock)
                return .object([
                    .init("metric", .string(clock.metric.rawValue)),
                    .init("target_seconds", .int(seconds.target)),
                    .init("elapsed_seconds", .int(seconds.elapsed)),
                    .init("remaining_seconds", .int(seconds.remaining)),
                    .init("due", session.timeText(clock.due)),
                    .init("state", .string(clock.state.rawValue)),
                ])
            })),
        ]
        if history {
            members.append(.init("history", session.historyJSON(c.history)))
        }
        return .object(members)
    }
}

/// A clock in whole seconds. Elapsed rounds up, so that remaining (target − elapsed) is
/// negative exactly when the clock is breached, even by a fraction of a second.
struct Seconds {
    var target: Int
    var elapsed: Int
    var remaining: Int

    init(_ clock: SLAClock) {
        target = Int(clock.target.rounded())
        elapsed = Int(clock.elapsed.rounded(.up))
        remaining = target - elapsed
    }
}

extension SLAMetric {
    /// For people: "first response".
    var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

extension Session {
    /// A wall-clock moment for people, in the data set's zone unless given: "Mon 23 Nov 2026 10:20".
    func wallTime(_ date: Date?, zone: TimeZone? = nil) -> String {
        guard let date else { return "-" }
        let zone = zone ?? self.zone
        return Format.date(date, zone: zone) + " " + Format.clock(date, zone: zone, seconds: false)
    }
}

extension Session {
    /// The changes that write into these cases' history the rises of the ladder they have
    /// reached by now and nobody has recorded yet: a command that reads a case notices them
    /// as the dashboard and the notifier do.
    func riseRecords(of cases: [SupportCase]) -> [Mutation] {
        Escalation.recordings(of: cases, settings: data.settings, at: now)
    }

    /// Stores `riseRecords(of:)` before the cases are shown. Best effort: a directory this user
    /// may only read is still shown, and whoever may write there records them.
    mutating func recordRises(of cases: [SupportCase]) {
        let records = riseRecords(of: cases)
        guard !records.isEmpty, let stored = try? store.apply(records) else { return }
        data = stored
    }
}
