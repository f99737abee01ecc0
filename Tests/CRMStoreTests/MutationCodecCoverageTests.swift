import CRMCore
import CRMStore
import Foundation
import Testing

/// Every kind of change survives the journal: written as a line, read back the same.
@Suite struct MutationCodecCoverageTests {
    static let t = Date(timeIntervalSince1970: 1_795_428_000)
    static let reminder = Reminder(id: "R-1", title: "Call", priority: .high, owners: ["maria"], due: t)
    static let supportCase = SupportCase(id: "C-1", title: "Login", customer: "Acme", opened: t)

    static let changes: [Mutation] = [
        .reminder(.add(reminder)),
        .reminder(.add(reminder.made(.created, ChangeStamp(at: t, actor: "maria", note: "shifted to working time")))),
        .reminder(.edit(id: "R-1", [.title("Call back"), .notes(nil), .link("https://example.com"),
                                    .priority(.low), .owners(["maria", "tom"]), .due(t + 60),
                                    .start(t), .end(nil), .repeatRule(.weekly)],
                        ChangeStamp(at: t + 2, actor: "maria", note: "from leads.csv"))),
        .reminder(.edit(id: "R-1", [.title("Call back")], ChangeStamp(at: t, actor: nil))),
        .reminder(.edit(id: "R-1", [.title("Call back")], nil)),
        .reminder(.restore(reminder, ChangeStamp(at: t + 9, actor: "tom", note: "edit"))),
        .reminder(.undo(id: "R-1", ReminderUndo(
            fields: [Reverting(restore: .title("Call"), expected: .title("Call back")),
                     Reverting(restore: .start(nil), expected: .start(t - 600))],
            marks: ["maria": Reverting(restore: OwnerMark(), expected: OwnerMark(acknowledged: t, occurrence: t - 60, snoozedUntil: nil)),
                    "tom": Reverting(restore: OwnerMark(snoozedUntil: t + 3600), expected: OwnerMark())],
            since: t + 1), ChangeStamp(at: t + 9, actor: "maria", note: "edit"))),
        .reminder(.undo(id: "R-1", ReminderUndo(fields: [], marks: [:], since: t), ChangeStamp(at: t, actor: nil))),
        .reminder(.withdraw(reminder)),
        .supportCase(.undo(id: "C-1", CaseUndo(
            fields: [Reverting(restore: .status(.pendingCustomer), expected: .status(.resolved)),
                     Reverting(restore: .resolvedAt(nil), expected: .resolvedAt(t)),
                     Reverting(restore: .pauses([Pause(start: t - 60)]), expected: .pauses([Pause(start: t - 60, end: t)])),
                     Reverting(restore: .owner(nil), expected: .owner("lucas")),
                     Reverting(restore: .firstResponseAt(nil), expected: .firstResponseAt(t)),
                     Reverting(restore: .lastResponseAt(t - 5), expected: .lastResponseAt(t)),
                     Reverting(restore: .lastCustomerMessageAt(nil), expected: .lastCustomerMessageAt(t)),
                     Reverting(restore: .escalationLevel(0), expected: .escalationLevel(2))],
            undoing: .assign(owner: "lucas"), since: t), at: t + 5, actor: "maria")),
        .reminder(.acknowledgeOccurrence(id: "R-1", person: "maria", due: t, at: t + 5)),
        .supportCase(.open(supportCase)),
        .supportCase(.addInfluencer(Influencer(id: "I-1", name: "Lena", url: "https://blog.example"))),
        .supportCase(.act(id: "C-1", action: .respond, at: t, actor: "tom", note: "called")),
        .supportCase(.act(id: "C-1", action: .assign(owner: "lucas"), at: t, actor: nil)),
        .supportCase(.act(id: "C-1", action: .escalate(to: 3), at: t, actor: "maria")),
        .supportCase(.act(id: "C-1", action: .escalate(), at: t, actor: "maria")),
        .directory(.addAway(person: "tom", DateRange(from: LocalDate("2026-12-21")!, to: LocalDate("2027-01-02")!))),
        .contest(.add(Contest(id: "sprint", name: "Call sprint", kpis: ["calls", "appointments"],
                              from: LocalDate("2026-12-01")!, to: LocalDate("2026-12-18")!, people: ["tom"],
                              teams: ["sales"], prize: "Dinner for two", ended: t))),
        .contest(.add(Contest(id: "quiet", name: "quiet", kpis: ["calls"], from: LocalDate("2026-12-01")!,
                              to: LocalDate("2026-12-01")!, people: ["tom"]))),
        .contest(.end(id: "sprint", at: t + 30)),
    ]

    @Test(arguments: changes)
    func roundTrip(_ change: Mutation) throws {
        let bytes = try MutationCodec.encode(change)
        #expect(try MutationCodec.decode(bytes) == change, "\(String(decoding: bytes, as: UTF8.self))")
    }
}

/// The undo lines docs/DATA_FORMAT.md shows read, and are written back the same.
@Suite struct DocumentedUndoLinesTests {
    @Test(arguments: [
        #"{"op":"reminder.undo","id":"R-1001","fields":[{"restore":{"title":"Call Acme"},"expected":{"title":"Call Acme Ltd"}}],"since":"2026-11-23T10:10:00+01:00","at":"2026-11-23T10:30:00+01:00","actor":"maria","note":"edit"}"#,
        #"{"op":"case.undo","id":"C-2025","fields":[{"restore":{"status":"open"},"expected":{"status":"resolved"}},{"restore":{"resolved_at":null},"expected":{"resolved_at":"2026-11-23T10:31:00+01:00"}}],"action":{"name":"resolved"},"since":"2026-11-23T10:31:00+01:00","at":"2026-11-23T10:32:00+01:00","actor":"maria"}"#,
    ])
    func readsAndWritesBack(_ line: String) throws {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let mutation = try MutationCodec.decode(Array(line.utf8), zone: zone)
        #expect(String(decoding: try MutationCodec.encode(mutation, zone: zone), as: UTF8.self) == line)
    }
}
