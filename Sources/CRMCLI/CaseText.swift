import CRMApp
import CRMCore
import Foundation

/// Case output for people (`--json` has `CaseReport.json`).
enum CaseText {
    /// Fields, every SLA clock with the wall-clock time it is due, the escalation level and
    /// who it tells, then the history.
    static func details(_ report: CaseReport, in session: Session) -> String {
        let c = report.item
        let data = session.data
        var fields: [[String]] = [
            ["customer", c.source(in: data.influencers)], ["kind", c.kind.rawValue], ["priority", c.priority.rawValue],
            ["status", c.status.rawValue], ["owner", c.owner ?? "-"], ["team", c.team ?? "-"],
        ]
        if let id = c.influencer {
            fields.append(["influencer", id + (data.influencers.first { $0.id == id }.map { " " + $0.shownName } ?? "")])
        }
        fields += [
            ["opened", session.wallTime(c.opened)],
            ["responded", session.wallTime(c.firstResponseAt)],
        ]
        if let last = c.lastResponseAt, last != c.firstResponseAt {
            fields.append(["last response", session.wallTime(last)])
        }
        if let message = c.lastCustomerMessageAt {
            fields.append(["customer wrote", session.wallTime(message)])
        }
        fields.append(["resolved", session.wallTime(c.resolvedAt)])
        if let since = c.pauses.filter({ $0.end == nil }).map(\.start).max() {
            fields.append(["waiting", "on the customer since " + session.wallTime(since)])
        }
        fields.append(["escalation", escalation(report, data: data)])

        var text = TextTable.render([[c.id, c.title]]) + indent(TextTable.render(fields))
        text += "\nSLA\n"
        if report.clocks.isEmpty {
            text += "  no SLA policy for \(c.kind.rawValue) \(c.priority.rawValue)\n"
        } else {
            text += indent(TextTable.render([["CLOCK", "STATE", "TARGET", "ELAPSED", "LEFT", "DUE", "COUNTED IN"]]
                + report.clocks.map { clock in
                    [clock.metric.label, clock.state.rawValue, Format.countdown(clock.target),
                     Format.countdown(clock.elapsed), Format.countdown(clock.remaining),
                     session.wallTime(clock.due), clock.calendarName.map { "\($0) hours" } ?? "around the clock"]
                }))
        }
        text += "\nHistory\n"
        text += session.historyTable(c.history) { session.wallTime($0) }
        return text
    }

    /// "level 2: tell maria, jonas", or "not escalated".
    static func escalation(_ report: CaseReport, data: DataSet) -> String {
        guard report.level > 0 else { return "not escalated" }
        let tell = Escalation.recipients(level: report.level, case: report.item, people: data.people,
                                         teams: data.teams, ladder: data.settings.escalation)
        return "level \(report.level)" + (tell.isEmpty ? "" : ": tell " + tell.joined(separator: ", "))
    }

    /// Every line two spaces in, as details under a heading.
    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
    }
}
