import Foundation
import Testing

/// A spreadsheet's rows without an id column import as new records, each time, with a note.
@Suite struct NoIDColumnImportTests {
    static let note = "note: no id column, so importing this file again adds its rows again; "
        + "map one with --map COLUMN=external_id"

    @Test func remindersWithoutAnIdAreAddedAndAgainOnTheNextImport() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("todo.csv", "title,priority,due\r\nCall Acme,high,2026-11-30 10:00\r\n"
            + "Send the offer,,2026-12-01 09:00\r\n")
        let run = dir.run(["import", path, "--json"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err == "\(path):1: \(Self.note)\n")
        #expect(try object(run)["added"] as? [String] == ["R-1031", "R-1032"])
        let call = try dir.reminderJSON("R-1031")
        #expect(call["title"] as? String == "Call Acme")
        #expect(call["priority"] as? String == "high")
        #expect(call["owners"] as? [String] == ["priya"])
        #expect(call["due"] as? String == "2026-11-30T10:00:00+01:00")
        #expect(try dir.reminderJSON("R-1032")["priority"] as? String == "normal")

        #expect(try dir.importSummary(path)["added"] == ["R-1033", "R-1034"])
    }

    @Test func whatCrmtopExportsOfThemImportsBackUnchanged() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("todo.csv", "title,due\r\nCall Acme,2026-11-30 10:00\r\n")
        #expect(try dir.importSummary(path)["added"] == ["R-1031"])
        let exported = try dir.file("all.csv", dir.run(["export", "--format", "csv"]).out)
        let again = dir.run(["import", exported, "--json"])
        #expect(again.code == 0 && again.err.isEmpty, "\(again.err)")
        #expect(try object(again)["added"] as? [String] == [])
    }

    @Test func casesWithoutAnIdAreOpenedWithTheNote() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("tickets.csv", "title,customer,opened\r\nPrinter on fire,Acme,2026-11-23 09:00\r\n")
        let run = dir.run(["import", path, "--kind", "cases", "--json"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err == "\(path):1: \(Self.note)\n")
        let added = try #require(try object(run)["added"] as? [String])
        #expect(added.count == 1)
        let opened = try object(dir.run(["case", "show", added[0], "--json"]))
        #expect(opened["title"] as? String == "Printer on fire" && opened["customer"] as? String == "Acme")
        #expect(try dir.importSummary(path, ["--kind", "cases"])["added"]?.count == 1)
    }

    @Test func aDryRunGivesTheNoteToo() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("todo.csv", "title,due\r\nCall Acme,2026-11-30 10:00\r\n")
        let run = dir.run(["import", path, "--dry-run"])
        #expect(run.code == 0 && run.err == "\(path):1: \(Self.note)\n", "\(run.err)")
        #expect(dir.nothingImported)
    }
}
