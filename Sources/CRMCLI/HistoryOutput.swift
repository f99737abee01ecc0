import CRMCore
import CRMStore
import Foundation

/// A record's history as the case and reminder commands print it.
extension Session {
    /// `history[]` of `--json`: `at, actor, action, detail`, oldest first as stored.
    func historyJSON(_ events: [HistoryEvent]) -> JSONOutput {
        .array(events.map { e in
            .object([
                .init("at", timeText(e.at)),
                .init("actor", e.actor.map(JSONOutput.string) ?? .null),
                .init("action", .string(e.action)),
                .init("detail", e.detail.map(JSONOutput.string) ?? .null),
            ])
        })
    }

    /// One row per event, indented under a heading: local time (as `time` writes it, to
    /// match the lines above), action, who, detail. `newestFirst` for a reminder, whose
    /// latest change is what people look for.
    func historyTable(_ events: [HistoryEvent], newestFirst: Bool = false, time: (Date) -> String) -> String {
        guard !events.isEmpty else { return "  none\n" }
        let ordered = newestFirst ? events.reversed() : events
        let table = TextTable.render(ordered.map { [time($0.at), $0.action, $0.actor ?? "-", $0.detail ?? ""] })
        return table.split(separator: "\n").map { "  " + $0 + "\n" }.joined()
    }
}
