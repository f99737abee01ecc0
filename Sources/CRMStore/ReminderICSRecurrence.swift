import CRMCore
import Foundation

/// A series as RFC 5545 writes it: `RRULE`s, `RDATE`s and `EXDATE`s on the item, and the
/// occurrences other items with its `UID` and a `RECURRENCE-ID` move or cancel.
extension ICSItemReader {
    func recurrence(_ c: ICalendar.Component, due: Date, zone seriesZone: TimeZone, title: String,
                    overrides: [ICalendar.Component], warnings: inout [String]) throws(ImportProblem) -> Repetition? {
        // crmtop's own export names its shorthands, whose meaning (working days) a rule cannot carry.
        if let name = c[ReminderICS.shorthandProperty]?.value, let shorthand = Repeat(rawValue: name.lowercased()), c["RRULE"] != nil {
            return .every(shorthand)
        }
        var rules: [RecurrenceRule] = []
        for rule in c.all("RRULE") {
            try ICalendar.checkRecurrenceRange(rule)
            do throws(RecurrenceRule.ParseError) {
                rules.append(try RecurrenceRule(parsing: rule.value, zone: seriesZone))
            } catch {
                warnings.append("\(rule.line): RRULE: \(error.message); crmtop cannot repeat by this rule, so its occurrences are left out")
            }
        }
        let dates = try dateList(c.all("RDATE"), due: due, zone: seriesZone)
        guard !rules.isEmpty || !dates.isEmpty else { return nil }
        var set = RecurrenceSet(rules: rules, dates: dates, exceptions: try dateList(c.all("EXDATE"), due: due, zone: seriesZone))
        for item in overrides {
            let id = item["RECURRENCE-ID"]!
            let original = try instant(id, due: due, zone: seriesZone)
            if item["STATUS"]?.value.uppercased() == "CANCELLED" {
                set.exceptions.append(original)
                continue
            }
            let moved = item.name == "VTODO" ? item["DUE"] ?? item["DTSTART"] : item["DTSTART"]
            let newTitle = item["SUMMARY"].map { ICalendar.unescape($0.value) }.flatMap { $0 == title ? nil : $0 }
            set.overrides.append(OccurrenceOverride(
                original: original, due: try time(moved) ?? original, title: newTitle,
                thisAndFuture: id.parameters["RANGE"]?.uppercased() == "THISANDFUTURE"))
        }
        return .rules(set)
    }

    /// The instants of `RDATE`/`EXDATE` properties, each a comma-separated list; a period
    /// (`start/end`) counts by its start.
    private func dateList(_ properties: [ICalendar.Property], due: Date, zone: TimeZone) throws(ImportProblem) -> [Date] {
        var out: [Date] = []
        for p in properties {
            for item in p.value.split(separator: ",") {
                let text = String(item.prefix { $0 != "/" })
                var single = ICalendar.Property(p.name, text, parameters: p.parameters, line: p.line)
                single.parameters["VALUE"] = nil
                out.append(try instant(single, due: due, zone: zone))
            }
        }
        return out
    }

    /// A date on a timed series is that day at the series' clock time (RFC 5545 wants the
    /// same value type as `DTSTART`; Google and Outlook do not always write it).
    private func instant(_ p: ICalendar.Property, due: Date, zone seriesZone: TimeZone) throws(ImportProblem) -> Date {
        let day = try ICalendar.date(p, zone: seriesZone, zones: zones)
        guard p.value.count == 8 else { return day }
        let date = TimeText.wallClock(day, zone: seriesZone).day
        let second = TimeText.wallClock(due, zone: seriesZone).second
        return TimeText.date(date, minute: second / 60, zone: seriesZone).addingTimeInterval(Double(second % 60))
    }
}
