import CRMCLI
import Foundation
import Testing

/// One file of a working data directory written by a newer crmtop: `check` names it, and does
/// not bury it under what follows from not reading it (every owner "is not a person", every
/// activity's KPI unknown, every journalled change to it "no longer applies").
@Suite struct CheckNewerFileTests {
    @Test(arguments: ["people.json", "kpis.json", "settings.json", "influencers.json", "reminders.json",
                      "cases.json", "activities.jsonl"])
    func aNewerFileIsTheOneProblemReported(file: String) throws {
        let demo = try DemoDirectory()
        // Changes in the journal for every file, so that none of them can hide behind a snapshot.
        let changes = [
            demo.run(["person", "away", "lucas", "--from", "2026-12-01", "--to", "2026-12-02"]),
            demo.run(["reminder", "ack", "R-1003"], user: "maria"),
            demo.run(["case", "respond", "C-2001"]),
            demo.run(["log", "calls", "--count", "2"], user: "jonas"),
            demo.run(["wall", "set", "support"]),
        ]
        #expect(changes.allSatisfy { $0.code == 0 }, "\(changes.map(\.err))")
        let url = demo.url.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let marker = file.hasSuffix(".jsonl") ? #""version":2"# : #""version": 2"#
        let range = try #require(text.range(of: marker))
        // reminders.json reads up to version 3 (rule sets and zones); 4 is newer for every file.
        try text.replacingCharacters(in: range, with: marker.replacingOccurrences(of: "2", with: "4"))
            .write(to: url, atomically: true, encoding: .utf8)

        let run = demo.run(["check"])
        #expect(run.code == 1)
        let lines = run.out.split(separator: "\n").filter { !$0.hasPrefix("note: ") }
        #expect(lines.count == 1, "\(run.out)")
        #expect(lines.first?.contains("\(file):") == true && lines.first?.contains("format version 4 is newer") == true,
                "\(run.out)")
        #expect(run.err.contains("1 problem in"), "\(run.err)")
    }

    @Test func theNoteSaysWhichChecksWereLeftOut() throws {
        let demo = try DemoDirectory()
        let url = demo.url.appendingPathComponent("people.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: #""version": 2"#, with: #""version": 3"#)
            .write(to: url, atomically: true, encoding: .utf8)
        let run = demo.run(["check"])
        #expect(run.out.contains("note: people.json could not be read, so names of people and teams were not checked"),
                "\(run.out)")
    }
}
