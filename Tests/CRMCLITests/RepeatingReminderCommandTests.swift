import CRMCLI
import Foundation
import Testing

/// A repeating reminder as its owner meets it week after week.
@Suite struct RepeatingReminderCommandTests {
    @Test func warningsFollowTheOccurrenceShownNotTheFirst() throws {
        let demo = try DemoDirectory()
        let added = demo.run(["reminder", "add", "Monthly report", "--due", "2027-01-31 10:00", "--repeat", "monthly"],
                             user: "maria")
        #expect(added.code == 0 && added.err.contains("Sunday"), "\(added.err)")
        let id = added.out.trimmingCharacters(in: .whitespacesAndNewlines)
        // The first occurrence is on a Sunday; the one at the end of April on a Friday.
        let january = try object(demo.run(["reminder", "show", id, "--json"], at: "2027-01-30T10:00:00+01:00", user: "maria"))
        #expect((january["warnings"] as? [String])?.first?.contains("Sunday") == true, "\(january)")
        let may = try object(demo.run(["reminder", "show", id, "--json"], at: "2027-05-30T10:00:00+02:00", user: "maria"))
        #expect(may["due"] as? String == "2027-04-30T10:00:00+02:00")
        #expect(may["warnings"] as? [String] == [], "\(may)")
        let text = demo.run(["reminder", "show", id], at: "2027-05-30T10:00:00+02:00", user: "maria")
        #expect(!text.out.contains("Sunday"), "\(text.out)")
    }

    @Test func aSecondAcknowledgementSaysSoInsteadOfSkippingTheNextOccurrence() throws {
        let demo = try DemoDirectory()
        let added = demo.run(["reminder", "add", "Weekly call", "--due", "2026-12-23 10:00", "--lead", "1h",
                              "--repeat", "weekly"], user: "maria")
        let id = added.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let at = "2026-12-23T10:05:00+01:00"
        let first = demo.run(["reminder", "ack", id], at: at, user: "maria")
        #expect(first.code == 0 && first.out.contains("Next due 2026-12-30 10:00"), "\(first.out)\(first.err)")
        let second = demo.run(["reminder", "ack", id], at: at, user: "maria")
        #expect(second.code == 0, "\(second.err)")
        #expect(second.out.contains("already acknowledged by maria for its occurrence due 2026-12-23 10:00"), "\(second.out)")
        #expect(second.out.contains("The next is due 2026-12-30 10:00"), "\(second.out)")
        let shown = try object(demo.run(["reminder", "show", id, "--json"], at: at, user: "maria"))
        #expect(shown["due"] as? String == "2026-12-30T10:00:00+01:00", "the next occurrence was skipped: \(shown)")
        // Once the next one reminds, it is acknowledged as the first was.
        let later = demo.run(["reminder", "ack", id], at: "2026-12-30T09:30:00+01:00", user: "maria")
        #expect(later.out.contains("Next due 2027-01-06 10:00"), "\(later.out)")
    }
}
