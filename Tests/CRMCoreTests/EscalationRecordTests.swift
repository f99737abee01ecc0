import Foundation
import Testing
@testable import CRMCore

private typealias F = BusinessTimeFixtures
private typealias S = SLAFixtures

/// The ladder's rises go into a case's history dated when they happened, whoever notices them.
@Suite struct EscalationRecordTests {
    /// Normal case opened Tuesday 10:00: warning at 13:00, breach at 14:00, four office hours
    /// past the breach on Wednesday at 10:00.
    @Test func unrecordedRisesAreDatedWhenTheirTriggerWasReached() throws {
        let item = S.tuesdayCase()
        let now = F.at("2026-03-25T10:30+01:00")
        let clocks = SLA.clocks(for: item, settings: S.settings, now: now)
        let rises = Escalation.unrecorded(item, clocks: clocks, settings: S.settings, now: now)
        #expect(rises == [
            .init(level: 1, at: F.at("2026-03-24T13:00+01:00")),
            .init(level: 2, at: F.at("2026-03-24T14:00+01:00")),
            .init(level: 3, at: F.at("2026-03-25T10:00+01:00")),
        ])
        var data = DataSet(cases: [item], settings: S.settings)
        for mutation in Escalation.recordings(of: data.cases, settings: data.settings, at: now) {
            #expect(!mutation.changesNothing(in: data))
            try mutation.apply(to: &data)
        }
        let recorded = data.cases[0]
        #expect(recorded.escalationLevel == 3)
        #expect(recorded.history.map { "\(TimeText.format($0.at, zone: F.office.timeZone)) \($0.action) \($0.actor ?? "-") \($0.detail ?? "")" } == [
            "2026-03-24T13:00:00+01:00 escalated - level 1: owner",
            "2026-03-24T14:00:00+01:00 escalated - level 2: owner, team-lead",
            "2026-03-25T10:00:00+01:00 escalated - level 3: team-lead, head-of-support",
        ])
        // Noticed again, by this process or another: nothing more to record.
        #expect(Escalation.recordings(of: data.cases, settings: data.settings, at: now).isEmpty)
        let again = Escalation.recording(rises, of: item.id)
        #expect(again.allSatisfy { $0.changesNothing(in: data) })
    }

    @Test func aPausedCaseKeepsTheMomentItsWarningCame() {
        // Warned at 13:00, paused at 13:30 and still waiting the next day.
        let item = S.tuesdayCase(pauses: [("2026-03-24T13:30+01:00", nil)])
        let now = F.at("2026-03-25T10:00+01:00")
        let clocks = SLA.clocks(for: item, settings: S.settings, now: now)
        #expect(Escalation.unrecorded(item, clocks: clocks, settings: S.settings, now: now)
                == [.init(level: 1, at: F.at("2026-03-24T13:00+01:00"))])
    }

    @Test func nothingIsRecordedForAClosedCaseOrBelowTheStoredLevel() {
        let now = F.at("2026-03-25T10:30+01:00")
        var resolved = S.tuesdayCase(resolved: "2026-03-25T10:15+01:00")
        resolved.status = .resolved
        #expect(Escalation.recordings(of: [resolved, S.tuesdayCase(escalationLevel: 3)],
                                      settings: S.settings, at: now).isEmpty)
        #expect(Escalation.recordings(of: [S.tuesdayCase(escalationLevel: 2)], settings: S.settings, at: now).count == 1)
    }
}
