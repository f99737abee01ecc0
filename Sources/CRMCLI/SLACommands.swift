import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct SLACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla",
        abstract: "SLA policies: targets per priority (and kind), counted in a calendar's open hours or around the clock.",
        discussion: "Example: crmtop sla list",
        subcommands: [Set.self, List.self]
    )

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set the policy for a priority (and kind), replacing the one there was.",
            discussion: """
                Without --kind the policy is for cases and feedback alike: it replaces the policies of both kinds \
                for that priority (a policy for one kind wins over one for any kind). Without --calendar or --24x7 \
                the policy counts the default calendar's open hours.
                Example: crmtop sla set --priority high --first-response 4h --next-response 2h --resolution 2d --warn-at 75%
                """
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: "urgent, high, normal or low.") var priority: CasePriority
        @Option(help: "case or feedback (default: both, replacing their own policies for the priority).") var kind: CaseKind?
        @Option(name: .customLong("first-response"), help: "Time allowed until the first response, like 4h.")
        var firstResponse: String?
        @Option(name: .customLong("next-response"),
                help: "Time allowed to answer the customer's reply after the first response, like 2h.")
        var nextResponse: String?
        @Option(help: "Time allowed until resolution, like 2d.") var resolution: String?
        @Option(help: "Count the open hours of this calendar.") var calendar: String?
        @Flag(name: .customLong("24x7"), help: "Count every hour instead.") var aroundTheClock = false
        @Option(name: .customLong("warn-at"), help: "Warn once this share has passed, like 75%.") var warnAt: String?
        @Option(name: .customLong("warn-before"), help: "Warn when this much time is left, like 1h.")
        var warnBefore: String?

        func validate() throws {
            if firstResponse == nil && nextResponse == nil && resolution == nil {
                throw ValidationError("give a target: --first-response, --next-response or --resolution")
            }
            if calendar != nil && aroundTheClock { throw ValidationError("--calendar and --24x7 exclude each other") }
            if warnAt != nil && warnBefore != nil {
                throw ValidationError("--warn-at and --warn-before exclude each other")
            }
        }

        func run() throws {
            var session = try Session.open(global)
            defer { session.close() }
            var settings = session.data.settings
            if let calendar, settings.calendar(named: calendar) == nil {
                throw CLIError("--calendar: no calendar named \(calendar)" + known(settings.calendars.map(\.name), "calendars"))
            }
            let policy = SLAPolicy(
                kind: kind, priority: priority,
                firstResponse: try firstResponse.map { try target($0, "--first-response", session) },
                nextResponse: try nextResponse.map { try target($0, "--next-response", session) },
                resolution: try resolution.map { try target($0, "--resolution", session) },
                calendar: aroundTheClock ? nil : calendar ?? (settings.calendars.isEmpty ? nil : settings.defaultCalendar.name),
                warnAtFraction: try warnAt.map(Self.fraction),
                warnBefore: try warnBefore.map { try session.parseDuration($0, option: "--warn-before") })
            // One for a kind wins over one for any kind (`SLA.policy`), so a policy for every
            // kind that left them in place would change nothing for that priority.
            let replaced = kind == nil
                ? CaseKind.allCases.filter { k in settings.slaPolicies.contains { $0.kind == k && $0.priority == priority } }
                : []
            let place = settings.slaPolicies.firstIndex {
                $0.priority == priority && ($0.kind == kind || kind == nil)
            } ?? settings.slaPolicies.endIndex
            settings.slaPolicies.removeAll { $0.priority == priority && ($0.kind == kind || kind == nil) }
            settings.slaPolicies.insert(policy, at: min(place, settings.slaPolicies.endIndex))
            try session.apply([.settings(settings)])
            try List.print([policy], in: session, json: global.json, single: true)
            if !replaced.isEmpty {
                let note = "Applies to cases and feedback: replaced the "
                    + replaced.map(\.rawValue).joined(separator: " and ") + " \(replaced.count == 1 ? "policy" : "policies")"
                    + " for \(priority.rawValue)."
                if global.json {
                    Console.current.error("crmtop: " + note + "\n")
                } else {
                    Console.current.write(note + "\n")
                }
            }
        }

        private func target(_ text: String, _ option: String, _ session: Session) throws -> TimeInterval {
            let seconds = try session.parseDuration(text, option: option)
            guard seconds > 0 else { throw CLIError("\(option): a target must be longer than 0", code: 2) }
            return seconds
        }

        /// "75%" or "75" as 0.75.
        static func fraction(_ text: String) throws -> Double {
            let number = text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let percent = Double(number), percent.isFinite, (0...100).contains(percent) else {
                throw CLIError("--warn-at: expected a percentage from 0 to 100 like 75%, found \"\(text)\"", code: 2)
            }
            return percent / 100
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Every SLA policy.", discussion: "Example: crmtop sla list --json")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session.open(global)
            defer { session.close() }
            let kinds: [CaseKind?] = [nil, .standard, .feedback]
            let policies = session.data.settings.slaPolicies.sorted {
                (kinds.firstIndex(of: $0.kind)!, $0.priority.rank) < (kinds.firstIndex(of: $1.kind)!, $1.priority.rank)
            }
            if policies.isEmpty && !global.json {
                Console.current.write("No SLA policies yet; add one with crmtop sla set --priority P --first-response D.\n")
                return
            }
            try Self.print(policies, in: session, json: global.json)
            if !global.json {
                for note in Self.unused(policies) { Console.current.write(note + "\n") }
                // The clocks tell the ladder when; routing who is there to be told.
                for line in RoutingCommand.List.lines(session.data.settings.routing) { Console.current.write(line + "\n") }
            }
        }

        /// A sentence for each policy for any kind that both kinds' own policies override,
        /// as settings written by hand or by older versions may have.
        static func unused(_ policies: [SLAPolicy]) -> [String] {
            policies.filter { p in
                p.kind == nil && CaseKind.allCases.allSatisfy { k in
                    policies.contains { $0.kind == k && $0.priority == p.priority }
                }
            }.map {
                "The policy for any kind at \($0.priority.rawValue) is not used: the "
                    + CaseKind.allCases.map(\.rawValue).joined(separator: " and ") + " policies for \($0.priority.rawValue) win."
            }
        }

        /// A table, or the settings file's own shape: an array, or one object when `single`.
        static func print(_ policies: [SLAPolicy], in session: Session, json: Bool, single: Bool = false) throws {
            if json {
                Console.current.json(try settingsJSON(policies, single: single, SettingsJSON.policy))
                return
            }
            let settings = session.data.settings
            func duration(_ seconds: TimeInterval?) -> String { seconds.map(DurationText.formatHours) ?? "-" }
            func countedIn(_ name: String?) -> String {
                guard let name else { return "around the clock" }
                // The SLA rules count a missing calendar's policy around the clock; say so.
                return settings.calendar(named: name) == nil ? "\(name)? no such calendar: around the clock"
                    : "\(name) hours"
            }
            func warning(_ p: SLAPolicy) -> String {
                if let f = p.warnAtFraction { return "at " + String(format: "%g", f * 100) + "%" }
                return p.warnBefore.map { DurationText.formatHours($0) + " before" } ?? "-"
            }
            Console.current.write(TextTable.render(
                [["KIND", "PRIORITY", "FIRST RESPONSE", "NEXT RESPONSE", "RESOLUTION", "COUNTED IN", "WARN"]]
                    + policies.map { p in
                        [p.kind?.rawValue ?? "any", p.priority.rawValue, duration(p.firstResponse),
                         duration(p.nextResponse), duration(p.resolution), countedIn(p.calendar), warning(p)]
                    }))
        }
    }
}
