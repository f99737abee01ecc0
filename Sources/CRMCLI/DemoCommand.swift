import ArgumentParser
import CRMCore
import CRMStore
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write the built-in demo data set into a directory, for people to explore and edit.",
        discussion: "Example: crmtop demo ~/crmtop-demo && crmtop --data ~/crmtop-demo --user maria"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The directory to write into; it must not already hold crmtop data.")
    var directory: String

    func run() throws {
        let dir = URL(fileURLWithPath: directory)
        let store = DataStore(directory: dir)
        let existing = DataStore.Collection.allCases.filter {
            FileManager.default.fileExists(atPath: dir.appendingPathComponent($0.fileName).path)
        }
        guard existing.isEmpty else {
            throw CLIError("\(directory) already holds \(existing.map(\.fileName).joined(separator: ", ")); "
                + "choose an empty directory so nothing is overwritten")
        }
        let clock = Console.current.clock.now()
        let now = try global.pinnedTime(zone: DemoData.zone, clock: clock) ?? clock
        do {
            try store.save(DemoData.make(now: now), collections: Set(DataStore.Collection.allCases))
        } catch {
            throw CLIError("could not write the demo data: \(error)")
        }
        Console.current.write("Demo data written to \(directory). Open it with:\n  crmtop --data \(directory) --user \(DemoData.defaultUser)\n")
    }
}
