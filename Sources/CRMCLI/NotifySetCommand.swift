import ArgumentParser
import CRMCore
import CRMStore
import Foundation

/// `crmtop notify set`: the notifier's settings (settings.json's `notify`) from the command
/// line, each checked before anything is written, as `leaderboard set` does for the board.
struct NotifySetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change how people are told: the notify command, events, repeats, alerts before due, digests.",
        discussion: """
            Only what is given changes; a running notifier and dashboards follow within a second. \
            An empty --command "" tells nobody; --events all, --repeat off and --alerts-before none \
            go back to the defaults; --digest HANDLE=off sends that person everything at once again.

            Example: crmtop notify set --command "/usr/local/bin/crmtop-to-chat" --repeat 15m
            Example: crmtop notify set --events reminder.due,sla.breach,escalation --alerts-before 1d,1h
            Example: crmtop notify set --digest jo=30m --digest lea=off
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The shell command line run for each message (/bin/sh -c), or \"\" for none.",
                               valueName: "command line"))
    var command: String?

    @Option(help: ArgumentHelp("The events sent, comma-separated (reminder.due,sla.breach,...), or all.",
                               valueName: "events|all"))
    var events: String?

    @Option(name: .customLong("repeat"),
            help: ArgumentHelp("Send due reminders, breaches and escalations again this often (repeat_every), or off.",
                               valueName: "duration|off"))
    var repeatEvery: String?

    @Option(help: ArgumentHelp("Extra alerts this long before a reminder is due, comma-separated (1d,1h), or none.",
                               valueName: "durations|none"))
    var alertsBefore: String?

    @Option(help: ArgumentHelp("A person's routine events batched this often (jo=30m), or off; repeatable.",
                               valueName: "handle=duration|off"))
    var digest: [String] = []

    @Option(help: ArgumentHelp("A command still running after this is stopped and counts as failed.",
                               valueName: "duration"))
    var timeout: String?

    func validate() throws {
        guard command != nil || events != nil || repeatEvery != nil || alertsBefore != nil || !digest.isEmpty
            || timeout != nil else {
            throw ValidationError("give at least one of --command, --events, --repeat, --alerts-before, --digest, --timeout")
        }
        _ = try changed(NotifySettings())
    }

    /// `settings` with what was given put in; refuses the first value that is wrong.
    func changed(_ settings: NotifySettings) throws -> NotifySettings {
        var settings = settings
        if let command {
            if command.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw ValidationError("--command: must be one line without control characters")
            }
            settings.command = command.trimmingCharacters(in: .whitespaces).isEmpty ? nil : command
        }
        if let events {
            if events == "all" {
                settings.events = NotificationKind.allCases
            } else {
                let names = events.split(separator: ",", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                settings.events = try names.map { name in
                    guard let kind = NotificationKind(rawValue: name) else {
                        throw ValidationError("--events: \"\(name)\" is not one of "
                            + NotificationKind.allCases.map(\.rawValue).joined(separator: ", ") + ", or all")
                    }
                    return kind
                }
            }
        }
        if let repeatEvery {
            settings.repeatEvery = repeatEvery == "off" ? nil : try Self.duration(repeatEvery, option: "--repeat", or: "off")
        }
        if let alertsBefore {
            settings.alertsBefore = alertsBefore == "none" ? [] : try alertsBefore.split(separator: ",", omittingEmptySubsequences: false)
                .map { try Self.duration($0.trimmingCharacters(in: .whitespaces), option: "--alerts-before", or: "none") }
        }
        for entry in digest {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--digest: \"\(entry)\" is not HANDLE=DURATION (jo=30m) or HANDLE=off")
            }
            settings.digest[parts[0]] = parts[1] == "off" ? nil : try Self.duration(parts[1], option: "--digest \(parts[0])", or: "off")
        }
        if let timeout { settings.timeout = try Self.duration(timeout, option: "--timeout", or: nil) }
        return settings
    }

    /// A duration longer than nothing, as settings.json takes it: a zero would repeat, batch or
    /// time out without end.
    static func duration(_ text: String, option: String, or word: String?) throws -> TimeInterval {
        guard let seconds = DurationText.parse(text), seconds > 0 else {
            throw ValidationError("\(option): \"\(text)\" is not a duration longer than 0s (such as 90s, 15m, 1h30m, 1d)"
                + (word.map { ", or \($0)" } ?? ""))
        }
        return seconds
    }

    func run() throws {
        var session = try Session.open(global)
        defer { session.close() }
        var settings = session.data.settings
        settings.notify = try changed(settings.notify)
        // Digests are kept by handle: a handle nobody has would batch for no one.
        for entry in digest {
            let handle = String(entry.prefix { $0 != "=" })
            if !entry.hasSuffix("=off") { _ = try session.person(handle, option: "--digest") }
        }
        try session.apply([.settings(settings)])
        let notify = session.data.settings.notify
        try global.report(json: try SettingsJSON.notify(notify), text: Self.describe(notify) + "\n")
    }

    /// "Notifications: run "…" for every event; once each; no alerts before due; no digests."
    static func describe(_ n: NotifySettings) -> String {
        guard let command = n.command else { return "Notifications: no command; nobody is told." }
        let events = Set(n.events) == Set(NotificationKind.allCases) ? "every event"
            : n.events.map(\.rawValue).joined(separator: ", ")
        let repeats = n.repeatEvery.map { "repeated every \(DurationText.format($0)) until someone acts" } ?? "once each"
        let alerts = n.alertsBefore.isEmpty ? "no alerts before due"
            : "alerts " + n.alertsBefore.sorted(by: >).map(DurationText.format).joined(separator: ", ") + " before due"
        let digests = n.digest.isEmpty ? "no digests"
            : "digests: " + n.digest.keys.sorted().map { "\($0) every \(DurationText.format(n.digest[$0]!))" }
                .joined(separator: ", ")
        return "Notifications: run \"\(command)\" for \(events); \(repeats); \(alerts); \(digests); "
            + "timeout \(DurationText.format(n.timeout))."
    }
}
