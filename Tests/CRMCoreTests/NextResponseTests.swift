import Foundation
import Testing
@testable import CRMCore

private typealias F = BusinessTimeFixtures
private typealias S = SLAFixtures

/// Normal cases answer a customer's reply within 2 office hours, warned at 75 % (1.5 h).
private let settings: Settings = {
    var s = S.settings
    s.slaPolicies[0].nextResponse = 2 * S.h
    return s
}()

/// Tuesday's case, answered at 10:30; the customer wrote back at `message`.
private func replied(_ message: String?, firstResponse: String? = "2026-03-24T10:30+01:00",
                     lastResponse: String? = "2026-03-24T10:30+01:00", resolved: String? = nil,
                     pauses: [(String, String?)] = []) -> SupportCase {
    var c = S.tuesdayCase(firstResponse: firstResponse, resolved: resolved, pauses: pauses)
    c.lastResponseAt = lastResponse.map(F.at)
    c.lastCustomerMessageAt = message.map(F.at)
    return c
}

@Suite("Next response")
struct NextResponseTests {
    @Test(arguments: [
        (replied("2026-03-24T13:00+01:00"), "2026-03-24T14:00+01:00", 1.0, SLAState.running,
         "2026-03-24T15:00+01:00", "an hour after the reply; the earlier response does not count"),
        (replied("2026-03-24T13:00+01:00"), "2026-03-24T14:30+01:00", 1.5, .warning,
         "2026-03-24T15:00+01:00", "75 % of 2 h"),
        (replied("2026-03-24T13:00+01:00"), "2026-03-24T15:30+01:00", 2.5, .breached,
         "2026-03-24T15:00+01:00", "breached: due is when it happened"),
        (replied("2026-03-24T13:00+01:00", lastResponse: "2026-03-24T14:45+01:00"), "2026-03-24T16:00+01:00",
         1.75, .met, nil, "answered at 14:45"),
        (replied("2026-03-24T13:00+01:00", resolved: "2026-03-24T14:00+01:00"), "2026-03-24T16:00+01:00",
         1.0, .met, nil, "resolving answers too"),
        (replied("2026-03-24T16:30+01:00"), "2026-03-25T09:30+01:00", 1.0, .running,
         "2026-03-25T10:30+01:00", "the night is closed time"),
        (replied("2026-03-24T13:00+01:00", pauses: [("2026-03-24T13:30+01:00", "2026-03-24T14:30+01:00")]),
         "2026-03-24T15:00+01:00", 1.0, .running, "2026-03-24T16:00+01:00", "a pause after the reply stands still"),
    ] as [(SupportCase, String, Double, SLAState, String?, String)])
    func clock(_ c: SupportCase, _ now: String, _ hours: Double, _ state: SLAState, _ due: String?, _ why: String) throws {
        let clocks = SLA.clocks(for: c, settings: settings, now: F.at(now))
        #expect(clocks.map(\.metric) == [.firstResponse, .nextResponse, .resolution], "\(why)")
        let next = try #require(clocks.first { $0.metric == .nextResponse })
        #expect(next.elapsed == hours * S.h, "\(why)")
        #expect(next.remaining == 2 * S.h - hours * S.h, "\(why)")
        #expect(next.state == state, "\(why)")
        #expect(next.due == due.map(F.at), "\(why)")
    }

    @Test(arguments: [
        (replied(nil), "no reply from the customer"),
        (replied("2026-03-24T10:10+01:00"), "a message before the first response is what it answers"),
        (replied("2026-03-24T13:00+01:00", firstResponse: nil, lastResponse: nil), "not answered at all yet"),
    ] as [(SupportCase, String)])
    func noClock(_ c: SupportCase, _ why: String) {
        let clocks = SLA.clocks(for: c, settings: settings, now: F.at("2026-03-24T14:00+01:00"))
        #expect(!clocks.contains { $0.metric == .nextResponse }, "\(why)")
    }

    @Test func pauseResumeRespondDrivesIt() throws {
        var c = S.tuesdayCase()
        for (action, at) in [(CaseAction.respond, "10:30"), (.pause, "11:00"), (.resume, "13:00")] {
            try c.apply(action, at: F.at("2026-03-24T\(at)+01:00"), actor: "li", settings: settings)
        }
        let waiting = SLA.clocks(for: c, settings: settings, now: F.at("2026-03-24T14:00+01:00"))
        #expect(waiting.first { $0.metric == .nextResponse }?.state == .running)
        try c.apply(.respond, at: F.at("2026-03-24T14:00+01:00"), actor: "li", settings: settings)
        let answered = SLA.clocks(for: c, settings: settings, now: F.at("2026-03-24T15:00+01:00"))
        #expect(answered.first { $0.metric == .nextResponse }?.state == .met)
    }
}
