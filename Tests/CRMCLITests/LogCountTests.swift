import CRMCLI
import Foundation
import Testing

@Suite struct LogCountTests {
    /// The README's correction, `crmtop log calls --person kenji --count -2`, works as written.
    @Test(arguments: [["--count", "-2"], ["--count=-2"]])
    func aNegativeCountCorrectsAnEarlierEntry(count: [String]) throws {
        let dir = try DemoDirectory()
        let run = dir.run(["log", "calls", "--person", "kenji"] + count)
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out == "logged -2 calls for kenji at 2026-11-23T10:00:00+01:00\n")
        let logged = try String(contentsOf: dir.url.appendingPathComponent("activities.jsonl"), encoding: .utf8)
        #expect(logged.contains("\"count\":-2") || logged.contains("\"count\": -2"), "\(logged.suffix(300))")
    }

    @Test func oneIsSaidInTheSingular() throws {
        let dir = try DemoDirectory()
        #expect(dir.run(["log", "calls"]).out == "logged 1 call for priya at 2026-11-23T10:00:00+01:00\n")
        #expect(dir.run(["log", "first-responses"]).out == "logged 1 reply for priya at 2026-11-23T10:00:00+01:00\n")
        #expect(dir.run(["log", "quotes-sent", "--count", "3"]).out
            == "logged 3 quotes for priya at 2026-11-23T10:00:00+01:00\n")
    }
}
