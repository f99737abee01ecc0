import CRMCore
import Foundation
import Testing

@Suite struct WorkingTimeTests {
    typealias F = ReminderFixtures

    /// (calendar, start, due, warnings)
    @Test(arguments: [
        (F.fiveDays, nil, "2026-11-23T10:00", [String]()),
        (F.fiveDays, nil, "2026-11-28T10:00", ["due 2026-11-28T10:00:00+01:00 is on a Saturday, not a working day"]),
        (F.sixDays, nil, "2026-11-28T10:00", []),
        (F.sixDays, nil, "2026-11-28T15:00",
         ["due 2026-11-28T15:00:00+01:00 is outside working hours (Saturday 10:00-14:00)"]),
        (F.sixDays, nil, "2026-11-29T10:00", ["due 2026-11-29T10:00:00+01:00 is on a Sunday, not a working day"]),
        (F.fiveDays, nil, "2026-12-24T10:00", ["due 2026-12-24T10:00:00+01:00 is on a holiday (2026-12-24)"]),
        (F.fiveDays, "2026-11-23T08:30", "2026-11-23T09:30",
         ["start 2026-11-23T08:30:00+01:00 is outside working hours (Monday 09:00-17:00)"]),
        (F.fiveDays, "2026-11-22T18:00", "2026-11-23T07:00", [
            "start 2026-11-22T18:00:00+01:00 is on a Sunday, not a working day",
            "due 2026-11-23T07:00:00+01:00 is outside working hours (Monday 09:00-17:00)",
        ]),
        (F.berlinAroundTheClock, nil, "2026-11-29T03:00", []),
    ] as [(BusinessCalendar, String?, String, [String])])
    func startOrDueOutsideWorkingTimeIsNamed(calendar: BusinessCalendar, start: String?, due: String,
                                              warnings: [String]) {
        let r = Reminder(id: "R1", title: "x", owners: ["maria"], start: start.map(F.t), due: F.t(due))
        #expect(r.workingTimeWarnings(calendar: calendar) == warnings)
    }

    /// (calendar, start, due, end) before and after shifting.
    @Test(arguments: [
        (F.fiveDays, ["2026-11-28T09:30", "2026-11-28T10:00", "2026-11-28T12:00"],
         ["2026-11-30T09:00:00+01:00", "2026-11-30T09:00:00+01:00", "2026-11-30T11:00:00+01:00"]),
        (F.fiveDays, ["", "2026-11-23T08:00", ""], ["", "2026-11-23T09:00:00+01:00", ""]),
        (F.fiveDays, ["", "2026-12-24T10:00", ""], ["", "2026-12-28T09:00:00+01:00", ""]),
        (F.sixDays, ["", "2026-11-27T18:00", ""], ["", "2026-11-28T10:00:00+01:00", ""]),
        (F.fiveDays, ["2026-11-23T08:30", "2026-11-23T09:30", ""],
         ["2026-11-23T09:00:00+01:00", "2026-11-23T09:30:00+01:00", ""]),
        (F.fiveDays, ["2026-11-23T09:30", "2026-11-23T10:00", ""],
         ["2026-11-23T09:30:00+01:00", "2026-11-23T10:00:00+01:00", ""]),
    ] as [(BusinessCalendar, [String], [String])])
    func shiftingMovesIntoTheNextWorkingMoment(calendar: BusinessCalendar, before: [String], after: [String]) throws {
        func time(_ s: String) -> Date? { s.isEmpty ? nil : F.t(s) }
        let r = Reminder(id: "R1", title: "x", owners: ["maria"], start: time(before[0]), due: F.t(before[1]),
                         end: time(before[2]))
        let shifted = try #require(r.shiftedToWorkingTime(calendar: calendar))
        #expect([shifted.start.map(F.text) ?? "", F.text(shifted.due), shifted.end.map(F.text) ?? ""] == after)
        #expect(shifted.workingTimeWarnings(calendar: calendar).isEmpty)
    }

    @Test func aCalendarThatIsNeverOpenCannotShift() {
        let closed = BusinessCalendar(name: "closed", zone: "UTC", hours: [OpenRange(weekday: 1, startMinute: 0, endMinute: 0)])
        let r = Reminder(id: "R1", title: "x", owners: ["maria"], due: F.t("2026-11-23T10:00"))
        #expect(r.shiftedToWorkingTime(calendar: closed) == nil)
    }
}

@Suite struct ReminderEditTests {
    typealias F = ReminderFixtures

    let base = Reminder(id: "R1", title: "Call Acme", owners: ["maria", "tom"],
                        start: F.t("2026-11-23T09:30"), due: F.t("2026-11-23T10:00"), end: F.t("2026-11-23T12:00"),
                        acknowledgedBy: ["tom": F.t("2026-11-23T09:45")], snoozedUntil: ["maria": F.t("2026-11-23T10:20")])

    @Test func movingDueTakesStartAndEndAlongUnlessTheyAreSetToo() {
        let moved = base.applying([.due(F.t("2026-11-24T10:00"))])
        #expect([moved.start, moved.end] == [F.t("2026-11-24T09:30"), F.t("2026-11-24T12:00")])
        let set = base.applying([.due(F.t("2026-11-24T10:00")), .start(nil), .end(F.t("2026-11-24T18:00"))])
        #expect(set.start == nil && set.end == F.t("2026-11-24T18:00"))
    }

    @Test func acknowledgementsHoldForTheScheduleTheyWereGivenFor() {
        let renamed = base.applying([.title("Call Acme back"), .priority(.high)])
        #expect(renamed.acknowledgedBy == base.acknowledgedBy && renamed.snoozedUntil == base.snoozedUntil)
        for change in [ReminderField.due(F.t("2026-11-24T10:00")), .repeatRule(.weekly)] {
            let moved = base.applying([change])
            #expect(moved.acknowledgedBy.isEmpty && moved.snoozedUntil.isEmpty)
        }
        let handedOver = base.applying([.owners(["maria"])])
        #expect(handedOver.acknowledgedBy.isEmpty && handedOver.snoozedUntil == base.snoozedUntil)
    }

    /// (what is changed, what the refusal names)
    @Test(arguments: [
        ([ReminderField.title("  ")], "the title is empty"),
        ([.title("two\nlines")], "the title must be one line"),
        ([.owners([])], "a reminder needs at least one owner"),
        ([.owners(["maria", "zoe"])], "unknown owner zoe"),
        ([.start(F.t("2026-11-23T10:01"))], "start 2026-11-23T10:01:00+01:00 is after due 2026-11-23T10:00:00+01:00"),
        ([.end(F.t("2026-11-23T10:00"))], "end 2026-11-23T10:00:00+01:00 must be after due"),
        ([.link("crm.example.com/acme")], "is not a URL"),
        ([.link("https:///acme")], "is not a URL"),
        ([.link("https://crm.example.com/a b")], "is not a URL"),
    ])
    func anEditThatCannotWorkIsRefusedWithoutEffect(fields: [ReminderField], problem: String) {
        var data = DataSet(reminders: [base], people: ["maria", "tom"].map { Person(id: $0, name: $0, role: "agent") },
                           settings: Settings(calendars: [F.fiveDays]))
        let before = data
        #expect {
            try Mutation.reminder(.edit(id: "R1", fields, ChangeStamp(at: base.due, actor: "maria"))).apply(to: &data)
        } throws: { error in
            (error as? MutationError)?.message.contains(problem) == true
        }
        #expect(data == before)
    }

    @Test(arguments: ["https://crm.example.com/acme", "mailto:maria@example.com", "tel:+4930123"])
    func linksWithASchemeAreKept(link: String) throws {
        var data = DataSet(reminders: [base])
        try Mutation.reminder(.edit(id: "R1", [.link(link)], nil)).apply(to: &data)
        #expect(data.reminders[0].link == link)
    }

    @Test func ownersNeedNotBeKnownWhenThereAreNoPeople() throws {
        var data = DataSet(reminders: [base])
        try Mutation.reminder(.edit(id: "R1", [.owners(["zoe"])], nil)).apply(to: &data)
        #expect(data.reminders[0].owners == ["zoe"])
    }

    @Test func addingRefusesATakenId() throws {
        var data = DataSet(reminders: [base])
        #expect(throws: MutationError("a reminder R1 was added meanwhile; try again")) {
            try Mutation.reminder(.add(Reminder(id: "R1", title: "Other", owners: ["tom"], due: F.t("2026-11-23T10:00"))))
                .apply(to: &data)
        }
        try Mutation.reminder(.add(Reminder(id: "R2", title: "Other", owners: ["tom"], due: F.t("2026-11-23T10:00"))))
            .apply(to: &data)
        #expect(data.reminders.map(\.id) == ["R1", "R2"])
    }
}
