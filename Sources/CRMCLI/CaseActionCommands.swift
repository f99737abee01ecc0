import ArgumentParser
import CRMCore
import Foundation

/// What every case action takes besides the global options.
struct CaseActionOptions: ParsableArguments {
    @Argument(help: "The case id.") var id: String
    @Option(help: "A note for the history (what was said, why).") var note: String?
}

/// A case action: applied at `--at` (default now) by `--user` to the latest data on disk.
protocol CaseActionCommand: ParsableCommand {
    var global: GlobalOptions { get }
    var target: CaseActionOptions { get }
    func action(in session: Session) throws -> CaseAction
}

extension CaseActionCommand {
    func run() throws {
        var session = try Session.open(global, actingAsUser: true)
        defer { session.close() }
        let id = target.id
        let action = try action(in: session)
        let at = session.now
        // The ladder's rises come first: once the action stops a clock, they no longer show.
        let rises = session.riseRecords(of: session.data.cases.filter { $0.id == id })
        try session.apply(rises + [.supportCase(.act(id: id, action: action, at: at, actor: session.user, note: target.note))])
        let report = CaseReport(try session.supportCase(id), settings: session.data.settings, now: at)
        if global.json {
            Console.current.json(report.json(in: session, history: true))
            return
        }
        var line = "\(id) \(action.name) at \(session.wallTime(at)); status \(report.item.status.rawValue)"
        if case .escalate = action { line += "; " + CaseText.escalation(report, data: session.data) }
        Console.current.write(line + "\n")
    }
}

struct RespondCommand: CaseActionCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond", abstract: "Record a response to the customer; the first one stops the first-response clock.",
        discussion: "Example: crmtop case respond C-2001 --note \"sent a workaround\"")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseActionOptions
    func action(in session: Session) -> CaseAction { .respond }
}

struct PauseCommand: CaseActionCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause", abstract: "Wait on the customer: SLA clocks stand still until resume.",
        discussion: "Example: crmtop case pause C-2001 --note \"asked for logs\"")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseActionOptions
    func action(in session: Session) -> CaseAction { .pause }
}

struct ResumeCommand: CaseActionCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "The customer answered: SLA clocks run again.",
        discussion: "Example: crmtop case resume C-2001")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseActionOptions
    func action(in session: Session) -> CaseAction { .resume }
}

struct ResolveCommand: CaseActionCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Resolve it; its SLA clocks stop.",
        discussion: "Example: crmtop case resolve C-2001 --at \"2026-11-23 16:30\"")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseActionOptions
    func action(in session: Session) -> CaseAction { .resolve }
}

struct ReopenCommand: CaseActionCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Reopen a resolved case; the time it spent resolved does not count.",
        discussion: "Example: crmtop case reopen C-2001")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseActionOptions
    func action(in session: Session) -> CaseAction { .reopen }
}

struct CloseCommand: CaseActionCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a resolved case for good.",
        discussion: "Example: crmtop case close C-2001")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseActionOptions
    func action(in session: Session) -> CaseAction { .close }
}

struct AssignCommand: CaseActionCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Give it to someone.",
        discussion: "Example: crmtop case assign C-2001 --owner maria")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseActionOptions
    @Option(help: "The new owner (a person's handle).") var owner: String

    func action(in session: Session) throws -> CaseAction {
        try session.requirePerson(owner, option: "--owner")
        return .assign(owner: owner)
    }
}

struct EscalateCommand: CaseActionCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate", abstract: "Raise it one level up the escalation ladder by hand.",
        discussion: "Example: crmtop case escalate C-2001 --note \"customer threatens to cancel\"")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseActionOptions
    func action(in session: Session) -> CaseAction { .escalate() }
}
