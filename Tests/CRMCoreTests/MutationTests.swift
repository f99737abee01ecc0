import CRMCore
import Foundation
import Testing

@Suite struct MutationTests {
    let t = Date(timeIntervalSince1970: 1_795_428_000)

    var data: DataSet {
        DataSet(reminders: [Reminder(id: "R1", title: "Call", owners: ["maria", "tom"], due: t)])
    }

    @Test func acknowledgeIsPerOwnerAndClearsTheirSnooze() throws {
        var d = data
        try Mutation.reminder(.snooze(id: "R1", person: "maria", until: t + 600, at: t)).apply(to: &d)
        try Mutation.reminder(.acknowledge(id: "R1", person: "maria", at: t)).apply(to: &d)
        #expect(d.reminders[0].acknowledgedBy == ["maria": t])
        #expect(d.reminders[0].snoozedUntil["maria"] == nil)
        try Mutation.reminder(.unacknowledge(id: "R1", person: "maria", at: t + 60)).apply(to: &d)
        #expect(d.reminders[0].acknowledgedBy.isEmpty)
    }

    @Test func changesToSomethingGoneOrNotYoursAreRefusedWithoutEffect() {
        var d = data
        #expect(throws: MutationError.self) {
            try Mutation.reminder(.acknowledge(id: "R9", person: "maria", at: t)).apply(to: &d)
        }
        #expect(throws: MutationError.self) {
            try Mutation.reminder(.acknowledge(id: "R1", person: "zoe", at: t)).apply(to: &d)
        }
        #expect(d == data)
    }

    @Test func putReplacesByIdOrAppends() throws {
        var d = data
        var r = d.reminders[0]
        r.title = "Call back"
        try Mutation.reminder(.put(r)).apply(to: &d)
        try Mutation.reminder(.put(Reminder(id: "R2", title: "New", owners: ["tom"], due: t))).apply(to: &d)
        #expect(d.reminders.map(\.title) == ["Call back", "New"])
        try Mutation.reminder(.delete(id: "R1")).apply(to: &d)
        #expect(d.reminders.map(\.id) == ["R2"])
    }
}

@Suite struct IdentifierTests {
    @Test func nextIdFollowsTheHighest() {
        #expect(Identifiers.next(prefix: "R-", existing: ["R-1001", "R-1030", "C-9999", "R-x"]) == "R-1031")
        #expect(Identifiers.next(prefix: "C-", existing: [], first: 2001) == "C-2001")
    }
}
