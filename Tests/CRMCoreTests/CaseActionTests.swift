import Foundation
import Testing
@testable import CRMCore

private typealias F = BusinessTimeFixtures
private typealias S = SLAFixtures

/// The normal Tuesday case in a given state: opened 10:00, first response due 14:00 with the
/// warning from 13:00 (see `SLAFixtures`).
private func tuesday(_ status: CaseStatus, responded: String? = nil, resolved: String? = nil,
                     pausedAt: String? = nil, level: Int = 0) -> SupportCase {
    var c = S.tuesdayCase(firstResponse: responded, resolved: resolved,
                          pauses: pausedAt.map { [($0, nil)] } ?? [], escalationLevel: level)
    c.status = status
    c.history = [HistoryEvent(at: c.opened, actor: "maria", action: "opened")]
    return c
}

struct TransitionRow: Sendable, CustomTestStringConvertible {
    var start: SupportCase
    var action: CaseAction
    var at: String
    var note: String?
    /// Applied to `start`: what else must have changed besides the new history entry.
    var expect: @Sendable (inout SupportCase) -> Void
    var detail: String?
    var why: String
    var testDescription: String { why }
}

private func row(_ start: SupportCase, _ action: CaseAction, at: String, note: String? = nil,
                 detail: String? = nil, _ why: String,
                 expect: @escaping @Sendable (inout SupportCase) -> Void) -> TransitionRow {
    TransitionRow(start: start, action: action, at: at, note: note, expect: expect, detail: detail, why: why)
}

@Suite("Case actions")
struct CaseActionTests {
    @Test(arguments: [
        row(tuesday(.new), .respond, at: "2026-03-24T10:30+01:00", "first response opens a new case") {
            $0.firstResponseAt = F.at("2026-03-24T10:30+01:00")
            $0.lastResponseAt = F.at("2026-03-24T10:30+01:00")
            $0.status = .open
        },
        row(tuesday(.open, responded: "2026-03-24T10:30+01:00"), .respond, at: "2026-03-24T11:00+01:00",
            "a second response keeps the first") { $0.lastResponseAt = F.at("2026-03-24T11:00+01:00") },
        row(tuesday(.pendingCustomer, pausedAt: "2026-03-24T11:00+01:00"), .respond,
            at: "2026-03-24T12:00+01:00", "responding while waiting keeps waiting") {
            $0.firstResponseAt = F.at("2026-03-24T12:00+01:00")
            $0.lastResponseAt = F.at("2026-03-24T12:00+01:00")
        },
        row(tuesday(.open), .pause, at: "2026-03-24T11:00+01:00", note: "asked for logs",
            detail: "asked for logs", "pause waits on the customer; the note is the detail") {
            $0.pauses = [Pause(start: F.at("2026-03-24T11:00+01:00"))]
            $0.status = .pendingCustomer
        },
        row(tuesday(.new), .pause, at: "2026-03-24T11:00+01:00", "a new case may wait too") {
            $0.pauses = [Pause(start: F.at("2026-03-24T11:00+01:00"))]
            $0.status = .pendingCustomer
        },
        row(tuesday(.pendingCustomer, pausedAt: "2026-03-24T11:00+01:00"), .resume,
            at: "2026-03-24T12:00+01:00", "resume ends the pause: the customer replied") {
            $0.pauses = [Pause(start: F.at("2026-03-24T11:00+01:00"), end: F.at("2026-03-24T12:00+01:00"))]
            $0.lastCustomerMessageAt = F.at("2026-03-24T12:00+01:00")
            $0.status = .open
        },
        row(tuesday(.pendingCustomer), .resume, at: "2026-03-24T12:00+01:00",
            "a status set by hand without a pause still resumes") {
            $0.lastCustomerMessageAt = F.at("2026-03-24T12:00+01:00")
            $0.status = .open
        },
        row(tuesday(.pendingCustomer, pausedAt: "2026-03-24T11:00+01:00"), .resolve,
            at: "2026-03-24T12:00+01:00", "resolving ends the pause") {
            $0.pauses = [Pause(start: F.at("2026-03-24T11:00+01:00"), end: F.at("2026-03-24T12:00+01:00"))]
            $0.resolvedAt = F.at("2026-03-24T12:00+01:00")
            $0.status = .resolved
        },
        row(tuesday(.resolved, resolved: "2026-03-24T12:00+01:00"), .reopen, at: "2026-03-25T09:00+01:00",
            "reopening: the resolved time is a pause and the resolution answered the customer") {
            $0.pauses = [Pause(start: F.at("2026-03-24T12:00+01:00"), end: F.at("2026-03-25T09:00+01:00"))]
            $0.firstResponseAt = F.at("2026-03-24T12:00+01:00")
            $0.resolvedAt = nil
            $0.status = .open
        },
        row(tuesday(.resolved, responded: "2026-03-24T10:30+01:00", resolved: "2026-03-24T12:00+01:00"),
            .reopen, at: "2026-03-24T12:00+01:00", "reopening at once adds no empty pause") {
            $0.resolvedAt = nil
            $0.status = .open
        },
        row(tuesday(.resolved, resolved: "2026-03-24T12:00+01:00"), .close, at: "2026-03-26T12:00+01:00",
            "close follows resolve") { $0.status = .closed },
        row(tuesday(.open), .assign(owner: "jonas"), at: "2026-03-24T11:00+01:00", detail: "jonas",
            "assign names the new owner and keeps the status") { $0.owner = "jonas" },
        row(tuesday(.resolved, resolved: "2026-03-24T12:00+01:00"), .assign(owner: "jonas"),
            at: "2026-03-24T13:00+01:00", detail: "jonas", "a resolved case can change hands") {
            $0.owner = "jonas"
        },
        row(tuesday(.open), .escalate(), at: "2026-03-24T11:00+01:00", detail: "level 1: owner",
            "by hand from level 0: the first rung, naming who is told") { $0.escalationLevel = 1 },
        row(tuesday(.open), .escalate(), at: "2026-03-24T13:00+01:00", note: "customer called twice",
            detail: "level 2: owner, team-lead; customer called twice",
            "by hand past the warning: above the level reached, not the stored one") {
            $0.escalationLevel = 2
        },
        row(tuesday(.open, level: 1), .escalate(to: 3), at: "2026-03-25T10:00+01:00",
            detail: "level 3: team-lead, head-of-support", "recording a rise the ladder reached") {
            $0.escalationLevel = 3
        },
    ])
    func transitions(_ r: TransitionRow) throws {
        var got = r.start
        try got.apply(r.action, at: F.at(r.at), actor: "li", note: r.note, settings: S.settings)
        var want = r.start
        r.expect(&want)
        want.history.append(HistoryEvent(at: F.at(r.at), actor: "li", action: r.action.name, detail: r.detail))
        #expect(got == want, "\(r.why)")
    }

    @Test(arguments: [
        (tuesday(.open), CaseAction.resume, "2026-03-24T11:00+01:00",
         "C-1 is not waiting on the customer (status open); nothing to resume"),
        (tuesday(.pendingCustomer, pausedAt: "2026-03-24T11:00+01:00"), .pause, "2026-03-24T12:00+01:00",
         "C-1 is already waiting on the customer since 2026-03-24T11:00:00+01:00"),
        (tuesday(.pendingCustomer, pausedAt: "2026-03-24T11:00+01:00"), .resume, "2026-03-24T10:30+01:00",
         "C-1 has waited on the customer since 2026-03-24T11:00:00+01:00, after the time given (2026-03-24T10:30:00+01:00)"),
        (tuesday(.open), .respond, "2026-03-24T09:00+01:00",
         "C-1 was opened at 2026-03-24T10:00:00+01:00, after the time given (2026-03-24T09:00:00+01:00)"),
        (tuesday(.closed, resolved: "2026-03-24T12:00+01:00"), .resolve, "2026-03-25T12:00+01:00",
         "C-1 is closed; a closed case stays closed (open a new one instead)"),
        (tuesday(.closed, resolved: "2026-03-24T12:00+01:00"), .reopen, "2026-03-25T12:00+01:00",
         "C-1 is closed; a closed case stays closed (open a new one instead)"),
        (tuesday(.resolved, resolved: "2026-03-24T12:00+01:00"), .resolve, "2026-03-25T12:00+01:00",
         "C-1 is resolved; reopen it first"),
        (tuesday(.resolved, resolved: "2026-03-24T12:00+01:00"), .respond, "2026-03-25T12:00+01:00",
         "C-1 is resolved; reopen it first"),
        (tuesday(.resolved, resolved: "2026-03-24T12:00+01:00"), .reopen, "2026-03-24T11:00+01:00",
         "C-1 was resolved at 2026-03-24T12:00:00+01:00, after the time given (2026-03-24T11:00:00+01:00)"),
        (tuesday(.open), .reopen, "2026-03-24T12:00+01:00",
         "C-1 is open, not resolved; only a resolved case can be reopened"),
        (tuesday(.open), .close, "2026-03-24T12:00+01:00", "C-1 is open; resolve it before closing it"),
        (tuesday(.open), .assign(owner: "maria"), "2026-03-24T12:00+01:00", "C-1 is already assigned to maria"),
        (tuesday(.open, level: 4), .escalate(), "2026-03-24T12:00+01:00",
         "C-1 is already at the top of the escalation ladder (level 4)"),
        (tuesday(.resolved, resolved: "2026-03-24T12:00+01:00"), .escalate(), "2026-03-24T13:00+01:00",
         "C-1 is resolved; reopen it first"),
    ] as [(SupportCase, CaseAction, String, String)])
    func refusalsNameTheProblemAndChangeNothing(_ start: SupportCase, _ action: CaseAction, _ at: String,
                                                _ message: String) {
        var got = start
        #expect(throws: MutationError(message)) {
            try got.apply(action, at: F.at(at), actor: "li", settings: S.settings)
        }
        #expect(got == start)
    }

    @Test func escalatingWithoutALadderSaysHowToMakeOne() {
        var c = tuesday(.open)
        #expect(throws: MutationError("there is no escalation ladder; add levels with crmtop escalation set")) {
            try c.apply(.escalate(), at: F.at("2026-03-24T11:00+01:00"), actor: nil, settings: Settings())
        }
    }

    @Test(arguments: [
        (tuesday(.open, level: 2), 2, "already there"),
        (tuesday(.open, level: 2), 1, "below the level reached"),
        (tuesday(.resolved, resolved: "2026-03-24T12:00+01:00"), 3, "no longer open"),
    ] as [(SupportCase, Int, String)])
    func recordingARiseAgainIsHarmless(_ start: SupportCase, _ level: Int, _ why: String) throws {
        var c = start
        try c.apply(.escalate(to: level), at: F.at("2026-03-25T10:00+01:00"), actor: nil, settings: S.settings)
        #expect(c == start, "\(why)")
    }

    @Test func anActionEnteredLateLandsWhereItHappened() throws {
        var c = tuesday(.open)
        try c.apply(.respond, at: F.at("2026-03-24T12:00+01:00"), actor: "li", settings: S.settings)
        try c.apply(.assign(owner: "li"), at: F.at("2026-03-24T11:00+01:00"), actor: "jonas", settings: S.settings)
        #expect(c.history.map(\.action) == ["opened", "assigned", "responded"])
    }

    @Test func aReopenedCaseDoesNotCountItsResolvedTime() throws {
        // Resolved Tuesday 12:00 (2 office hours in), reopened Wednesday 12:00: at Wednesday
        // 13:00 the resolution clock has counted 3 hours, not 2 + 8 + 1.
        var c = tuesday(.open, responded: "2026-03-24T10:30+01:00")
        try c.apply(.resolve, at: F.at("2026-03-24T12:00+01:00"), actor: "li", settings: S.settings)
        try c.apply(.reopen, at: F.at("2026-03-25T12:00+01:00"), actor: "li", settings: S.settings)
        let resolution = S.clock(.resolution, c, at: "2026-03-25T13:00+01:00")
        #expect(resolution?.elapsed == 3 * S.h)
        #expect(resolution?.state == .running)
    }
}

@Suite("Case changes")
struct CaseChangeTests {
    let t = F.at("2026-03-24T11:00+01:00")

    @Test func openAndAddRefuseATakenIdRatherThanReplace() throws {
        var data = DataSet(cases: [tuesday(.open)], influencers: [Influencer(id: "I-1", name: "Blog")],
                           settings: S.settings)
        let before = data
        #expect(throws: MutationError("case C-1 already exists; try again")) {
            try Mutation.supportCase(.open(tuesday(.new))).apply(to: &data)
        }
        #expect(throws: MutationError("influencer I-1 already exists; try again")) {
            try Mutation.supportCase(.addInfluencer(Influencer(id: "I-1", name: "Other"))).apply(to: &data)
        }
        #expect(data == before)
    }

    @Test func actFindsTheCaseAndUsesTheDataSetsSettings() throws {
        var data = DataSet(cases: [tuesday(.open)], settings: S.settings)
        try Mutation.supportCase(.act(id: "C-1", action: .escalate(), at: t, actor: "li")).apply(to: &data)
        #expect(data.cases[0].escalationLevel == 1)
        #expect(throws: MutationError("no case with id C-9")) {
            try Mutation.supportCase(.act(id: "C-9", action: .respond, at: t, actor: "li")).apply(to: &data)
        }
    }
}

@Suite("Escalation rises")
struct EscalationRiseTests {
    @Test(arguments: [
        ("2026-03-24T11:00+01:00", "2026-03-24T12:59+01:00", [Int](), "nothing reached yet"),
        ("2026-03-24T11:00+01:00", "2026-03-24T13:00+01:00", [1], "the warning"),
        ("2026-03-24T12:00+01:00", "2026-03-24T14:30+01:00", [1, 2], "warning and breach in one step"),
        ("2026-03-24T13:00+01:00", "2026-03-24T13:30+01:00", [], "level 1 already reached"),
        ("2026-03-24T14:30+01:00", "2026-03-25T10:00+01:00", [3], "4 office hours past breach"),
        ("2026-03-24T14:30+01:00", "2026-03-24T11:00+01:00", [], "backwards is no rise"),
    ] as [(String, String, [Int], String)])
    func risesBetweenTwoMoments(_ from: String, _ to: String, _ levels: [Int], _ why: String) {
        let got = Escalation.rises(of: S.tuesdayCase(), settings: S.settings, from: F.at(from), to: F.at(to))
        #expect(got == levels, "\(why)")
    }

    @Test(arguments: [
        ("warning", EscalationTrigger.warning),
        ("breach", .breach),
        ("breach+2h", .afterBreach(7200)),
        ("breach+1d4h", .afterBreach(100_800)),
    ])
    func triggersReadAndWriteTheSameText(_ text: String, _ trigger: EscalationTrigger) {
        #expect(EscalationTrigger(text: text) == trigger)
        #expect(trigger.text == text)
    }

    @Test(arguments: ["", "Warning", "breach+", "breach+-2h", "breach+2x", "after"])
    func otherTriggerTextIsRefused(_ text: String) {
        #expect(EscalationTrigger(text: text) == nil)
    }
}
