import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Business calendars: time zone, weekly open hours, holidays. Reminders and SLAs share them.",
        discussion: "Example: crmtop calendar show",
        subcommands: [Set.self, Show.self]
    )

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Add a calendar, or replace the one with that name.",
            discussion: """
                The calendar named default sets the zone times are read and shown in.
                Example: crmtop calendar set --zone Europe/Berlin --hours "Mon-Fri 09:00-17:00" \\
                  --hours "Sat 10:00-14:00" --holiday 2026-12-24
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The calendar's name.") var name = "default"
        @Option(help: "An IANA time zone such as Europe/Berlin or UTC.") var zone: String
        @Option(help: "Open hours: days and a span, like \"Mon-Fri 09:00-17:00\"; repeat for more.")
        var hours: [String] = []
        @Flag(name: .customLong("24x7"), help: "Open around the clock instead of --hours.") var aroundTheClock = false
        @Option(name: .customLong("holiday"), help: "A date it is closed all day (YYYY-MM-DD); repeat for more.")
        var holidays: [String] = []

        func validate() throws { _ = try calendar() }

        /// The calendar the options describe; usage errors name the option that is wrong.
        func calendar() throws -> BusinessCalendar {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the name is empty") }
            guard TimeZone(identifier: zone) != nil else {
                throw ValidationError("--zone: unknown time zone \"\(zone)\"; use a name like Europe/Berlin or UTC")
            }
            guard !hours.isEmpty != aroundTheClock else {
                throw ValidationError(aroundTheClock ? "--hours and --24x7 exclude each other"
                                                     : "give its open hours with --hours, or --24x7")
            }
            var ranges: [OpenRange] = [], lines: [(text: String, ranges: [OpenRange])] = []
            for line in hours {
                let parsed: [OpenRange]
                do throws(OpenHoursText.Problem) {
                    parsed = try OpenHoursText.parse(line)
                } catch {
                    throw ValidationError("--hours \"\(line)\": \(error)")
                }
                // Refused rather than merged: which of the two was meant (a longer day, a
                // break) cannot be told, and a merge would quietly keep the wider one.
                for earlier in lines {
                    if let day = OpenHoursText.overlap(earlier.ranges, parsed) {
                        throw ValidationError("--hours \"\(line)\" overlaps --hours \"\(earlier.text)\" on \(day); "
                            + "give each moment once: a day with a break is two spans that do not meet, "
                            + "a longer day one wider span")
                    }
                }
                lines.append((line, parsed))
                ranges += parsed
            }
            let days = try holidays.map { text in
                guard let day = LocalDate(text) else {
                    throw ValidationError("--holiday: \"\(text)\" is not a date like 2026-12-24")
                }
                return day
            }
            return BusinessCalendar(name: name, zone: zone, hours: OpenHoursText.normalized(ranges),
                                    holidays: Array(Swift.Set(days)).sorted())
        }

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            let calendar = try calendar()
            var settings = session.data.settings
            if let n = settings.calendars.firstIndex(where: { $0.name == name }) {
                settings.calendars[n] = calendar
            } else {
                settings.calendars.append(calendar)
            }
            try session.apply([.settings(settings)])
            try Show.print(calendar, in: session, json: global.json)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "A calendar's zone, hours and holidays, and whether it is open now.",
            discussion: "Example: crmtop calendar show us-support --at \"2026-11-23 18:00\""
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The calendar's name (default: the default calendar).") var name: String?

        func run() throws {
            let session = try Session.open(global)
            defer { session.close() }
            let settings = session.data.settings
            guard let calendar = name.map(settings.calendar(named:)) ?? settings.defaultCalendar else {
                throw CLIError("no calendar named \(name ?? "")" + known(settings.calendars.map(\.name), "calendars"))
            }
            try Self.print(calendar, in: session, json: global.json)
        }

        static func print(_ calendar: BusinessCalendar, in session: Session, json: Bool) throws {
            if json {
                Console.current.json(try settingsJSON([calendar], single: true, SettingsJSON.calendar))
                return
            }
            let now = session.now
            let opens = calendar.nextOpen(after: now)
            let state = opens == now ? "open" : opens == .distantFuture ? "never opens"
                : "closed; opens " + session.wallTime(opens, zone: calendar.timeZone)
            var rows = [[calendar.name, calendar.zone]]
            let lines = OpenHoursText.format(calendar.hours)
            rows.append(["hours", lines.isEmpty ? "around the clock" : lines.joined(separator: ", ")])
            if !calendar.holidays.isEmpty {
                rows.append(["holidays", calendar.holidays.map(\.description).joined(separator: ", ")])
            }
            rows.append(["now", state])
            if session.data.settings.calendars.isEmpty {
                rows.append(["note", "built in: no calendar is set, so times are UTC around the clock"])
            }
            Console.current.write(TextTable.render(rows))
        }
    }
}
