import Foundation
import Testing

@Suite struct ImportProgressTests {
    @Test func aTerminalSeesHowFarTheImportIsAndAFileNothing() throws {
        let dir = try DemoDirectory()
        let path = try dir.file("tasks.csv", try fixture("salesforce-tasks.csv"))
        let shown = dir.run(["import", path], errorTerminal: true)
        #expect(shown.code == 0, "\(shown.err)")
        #expect(shown.err.contains("crmtop: reading and checking \(path)…\n"))
        #expect(shown.err.contains("crmtop: writing 3 changes…\n"))

        let again = try DemoDirectory()
        let piped = again.run(["import", try again.file("tasks.csv", try fixture("salesforce-tasks.csv"))])
        #expect(piped.code == 0)
        #expect(!piped.err.contains("reading and checking"))
        #expect(!piped.err.contains("writing"))
    }
}
