import Foundation
import Testing

@Suite struct ImportProgressTests {
    @Test func aTerminalSeesHowFarTheImportIsAndAFileNothing() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("tasks.csv", try fixture("salesforce-tasks.csv"))
        let shown = dir.run(["import", path], errorTerminal: true)
        #expect(shown.code == 0, "\(shown.err)")
        #expect(shown.err.contains("\rcrmtop: reading and checking \(path)…\u{1B}[K"))
        #expect(shown.err.contains("\rcrmtop: writing 3 changes…\u{1B}[K"))
        // Cleared at the end, so that the summary's lines are not run into.
        #expect(shown.err.hasSuffix("\r\u{1B}[K"))

        let again = try DemoDirectory()
        let piped = again.run(["import", try again.file("tasks.csv", try fixture("salesforce-tasks.csv"))])
        #expect(piped.code == 0)
        #expect(!piped.err.contains("\r"))
        #expect(!piped.err.contains("writing"))
    }
}
