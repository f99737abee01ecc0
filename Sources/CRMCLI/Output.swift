import CRMApp
import CRMCore
import CRMStore
import Foundation

/// What every data command shares: print JSON or text, apply changes, report time.
extension Session {
    /// Applies changes to the data on disk (the latest, not this session's copy) and
    /// returns the data as saved. Refusals, a field over its size limit among them, exit 1
    /// with the reason.
    @discardableResult
    mutating func apply(_ mutations: [Mutation]) throws -> DataSet {
        do {
            for mutation in mutations { try mutation.checkFieldSizes(in: data) }
            data = try store.apply(mutations)
        } catch {
            throw CLIError("\(error)")
        }
        noteNewDataSet()
        // The change is saved either way; a journal left long is compacted by the next writer.
        do {
            try store.compactIfNeeded()
        } catch {
            Console.current.error("crmtop: note: the journal was not compacted: \(error)\n")
        }
        return data
    }

    /// The zone times are shown and read in: the default calendar's.
    var zone: TimeZone { data.settings.defaultCalendar.timeZone }

    /// A time for people and for `--json`: ISO 8601 with the calendar zone's offset.
    func timeText(_ date: Date?) -> JSONOutput {
        date.map { .string(TimeText.format($0, zone: zone)) } ?? .null
    }

    /// Reads a time option in the data set's zone, in any form the dashboard's forms read
    /// (`tomorrow 9:00`, `+2h`, `mon 14:00`, ISO 8601…); usage error (exit 2) when unreadable.
    func parseTime(_ text: String, option: String) throws -> Date {
        guard let date = InputTime.parse(text, now: now, zone: zone) else {
            throw CLIError("\(option): cannot read \"\(text)\" as a time; use \(InputTime.momentExamples)", code: 2)
        }
        return date
    }

    /// Reads a day option (`2026-12-21`, `tomorrow`, `mon`) in the data set's zone.
    func parseDay(_ text: String, option: String) throws -> LocalDate {
        guard let day = InputTime.day(text, now: now, zone: zone) else {
            throw CLIError("\(option): cannot read \"\(text)\" as a day; use \(InputTime.dayExamples)", code: 2)
        }
        return day
    }

    /// Reads a duration option (`90m`, `1h30m`, `2d`); usage error when unreadable, or when
    /// negative, saying why with `negative` (what the option measures cannot run backwards).
    func parseDuration(_ text: String, option: String,
                       negative: String = "a duration cannot be negative") throws -> TimeInterval {
        guard let seconds = DurationText.parse(text) else {
            throw CLIError("\(option): cannot read \"\(text)\" as a duration; use 90m, 4h, 2d or 1h30m", code: 2)
        }
        guard seconds >= 0 else { throw CLIError("\(option) \(text): \(negative)", code: 2) }
        return seconds
    }
}

extension Console {
    /// Pretty JSON, for `--json`; the writer ends it with a newline. Exact: the writer
    /// escapes every control a terminal would act on, so it is safe on one as it is.
    func json(_ value: JSONOutput) {
        writeExact(String(decoding: JSONWriter.pretty(value), as: UTF8.self))
    }
}
