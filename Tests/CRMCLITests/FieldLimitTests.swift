import Foundation
import Testing

/// Text one unit over each limit in docs/DATA_FORMAT.md, "Field sizes".
enum OverLimit {
    static let title = String(repeating: "t", count: 1_001)
    static let name = String(repeating: "n", count: 201)
    /// 65,537 bytes in 32,769 characters: the limit counts bytes.
    static let notes = String(repeating: "é", count: 32_768) + "x"
    static let link = "https://crm.example.com/" + String(repeating: "a", count: 8_192 - 23)
}

@Suite struct FieldLimitRefusalTests {
    private func refused(_ dir: DemoDirectory, _ args: [String], _ message: String,
                         sourceLocation: SourceLocation = #_sourceLocation) {
        let run = dir.run(args)
        #expect(run.code == 1, "\(run.err)", sourceLocation: sourceLocation)
        #expect(run.err.contains(message), "\(run.err.prefix(300))", sourceLocation: sourceLocation)
    }

    @Test func aReminderTitleOfMoreThanAThousandCharactersIsRefused() throws {
        let dir = try DemoDirectory()
        refused(dir, ["reminder", "add", OverLimit.title, "--due", "2026-11-30 10:00"],
                "reminder R-1031: title is too long: more than the 1,000 characters crmtop stores")
        #expect(dir.nothingImported)
        // At the limit it is fine, counted in characters however many bytes they take.
        let atLimit = String(repeating: "ü", count: 1_000)
        #expect(dir.run(["reminder", "add", atLimit, "--due", "2026-11-30 10:00"]).code == 0)
        #expect(try dir.reminderJSON("R-1031")["title"] as? String == atLimit)
    }

    @Test func notesOfMoreThan64KiBAreRefusedOnAddAndEdit() throws {
        let dir = try DemoDirectory()
        let message = "notes is too long: 65,537 bytes, more than the 65,536 (64 KiB) crmtop stores"
        refused(dir, ["reminder", "add", "Call", "--due", "2026-11-30 10:00", "--notes", OverLimit.notes], "reminder R-1031: " + message)
        refused(dir, ["reminder", "edit", "R-1001", "--notes", OverLimit.notes], "reminder R-1001: " + message)
        #expect(try dir.reminderJSON("R-1001")["notes"] as? String != OverLimit.notes)
    }

    @Test func aLinkOfMoreThan8KiBIsRefused() throws {
        let dir = try DemoDirectory()
        refused(dir, ["reminder", "edit", "R-1001", "--link", OverLimit.link],
                "reminder R-1001: link is too long: 8,193 bytes, more than the 8,192 (8 KiB) crmtop stores")
    }

    @Test func anOwnerHandleOfMoreThan200CharactersIsRefused() throws {
        let dir = try DemoDirectory()
        refused(dir, ["reminder", "edit", "R-1001", "--owner", OverLimit.name],
                "reminder R-1001: owners[0] is too long: more than the 200 characters crmtop stores")
    }

    @Test func casesInfluencersPeopleAndActivitiesHaveTheirLimits() throws {
        let dir = try DemoDirectory()
        refused(dir, ["case", "open", OverLimit.title, "--customer", "ACME"],
                "title is too long: more than the 1,000 characters")
        refused(dir, ["case", "open", "Login fails", "--customer", OverLimit.name],
                "customer is too long: more than the 200 characters")
        refused(dir, ["case", "respond", "C-2001", "--note", OverLimit.notes], "case C-2001: note is too long: 65,537 bytes")
        refused(dir, ["influencer", "add", OverLimit.name], "influencer I-4: name is too long: more than the 200 characters")
        refused(dir, ["influencer", "add", "CRM Weekly", "--notes", OverLimit.notes], "influencer I-4: notes is too long: 65,537 bytes")
        refused(dir, ["influencer", "add", "CRM Weekly", "--url", OverLimit.link], "influencer I-4: url is too long: 8,193 bytes")
        refused(dir, ["person", "add", "lea", "--role", "agent", "--name", OverLimit.name],
                "person lea: name is too long: more than the 200 characters")
        refused(dir, ["log", "calls", "--note", OverLimit.notes], "activity: note is too long: 65,537 bytes")
    }

    @Test func eachImportKindRefusesAnOverlongFieldAtItsLine() throws {
        let dir = try DemoDirectory()
        let notes = OverLimit.notes
        func csv(_ name: String, _ header: String, _ row: String) throws -> String {
            try dir.file(name, header + "\r\n" + row + "\r\n")
        }
        refused(dir, ["import", try csv("r.csv", "id,title,due,Description", "x1,Call,2026-11-30 10:00,\(notes)")],
                "r.csv:2: Description (notes): too long: 65,537 bytes, more than the 65,536 (64 KiB) crmtop stores")
        refused(dir, ["import", try csv("r2.csv", "id,title,due", "x1,\(OverLimit.title),2026-11-30 10:00"), "--dry-run"],
                "r2.csv:2: title: too long: more than the 1,000 characters crmtop stores")
        refused(dir, ["import", try csv("c.csv", "id,title,customer,opened", "T-1,Login,\(OverLimit.name),2026-11-20 09:00"), "--kind", "cases"],
                "c.csv:2: customer: too long: more than the 200 characters crmtop stores")
        refused(dir, ["import", try csv("p.csv", "id,name,role", "lea,\(OverLimit.name),agent"), "--kind", "people"],
                "p.csv:2: name: too long: more than the 200 characters crmtop stores")
        refused(dir, ["import", try csv("a.csv", "person,kpi,at,note", "priya,calls,2026-11-23 09:00,\(notes)"), "--kind", "activities"],
                "a.csv:2: note: too long: 65,537 bytes")
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:x\r\nSUMMARY:\(OverLimit.title)\r\nDUE:20261130T100000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
        refused(dir, ["import", try dir.file("r.ics", ics)], "r.ics:3: title: too long: more than the 1,000 characters")
        #expect(dir.nothingImported)
    }
}
