import Foundation
import Testing

@Suite struct OverlongFieldOnDiskTests {
    /// The demo with a 2 MB note on R-1001, written by hand or by an older crmtop.
    private func directoryWithLongNote() throws -> (DemoDirectory, String) {
        let dir = try DemoDirectory()
        let file = dir.url.appendingPathComponent("reminders.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        let note = String(repeating: "Long notes. ", count: 2 * 1024 * 1024 / 12)
        let short = "\"notes\": \"Stalled deals first; ask each rep for one risk and one ask.\""
        #expect(text.contains(short))
        try text.replacingOccurrences(of: short, with: "\"notes\": \"\(note)\"")
            .write(to: file, atomically: true, encoding: .utf8)
        return (dir, note)
    }

    @Test func checkReportsTheOverlongFieldWithItsPosition() throws {
        let (dir, _) = try directoryWithLongNote()
        let run = crmtop("check", "--data", dir.path)
        #expect(run.code == 1)
        let problems = run.out.split(separator: "\n").filter { $0.contains("too long") }
        #expect(problems == [
            "\(dir.path)/reminders.json:7:16: reminders[0].notes: too long: 2,097,144 bytes, more than the 65,536 (64 KiB) "
                + "crmtop stores; it loads as it is, but no change may write a field this long",
        ], "\(run.out.prefix(2000))")
    }

    @Test func theReminderStillLoadsAndItsOtherFieldsCanBeChanged() throws {
        let (dir, note) = try directoryWithLongNote()
        let edit = dir.run(["reminder", "edit", "R-1001", "--priority", "low"])
        #expect(edit.code == 0, "\(edit.err)")
        let shown = try dir.reminderJSON("R-1001")
        #expect(shown["notes"] as? String == note)
        #expect(shown["priority"] as? String == "low")
        // Making it longer still is refused.
        let longer = dir.run(["reminder", "edit", "R-1001", "--notes", OverLimit.notes])
        #expect(longer.code == 1 && longer.err.contains("notes is too long"), "\(longer.err.prefix(300))")
    }
}
