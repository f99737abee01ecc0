import CRMApp
import CRMCore
import CRMStore
import Foundation

/// A loaded data directory plus the resolved user and moment: what every command starts from.
struct Session {
    var store: DataStore
    var data: DataSet
    var user: String
    /// The pinned moment, if `--at` was given.
    var pinned: Date?
    /// A demo copy to delete when the command ends.
    var temporaryDirectory: URL?

    var now: Date { pinned ?? Date() }

    static func open(_ options: GlobalOptions) throws -> Session {
        let console = Console.current
        if options.demo {
            let dir = try makeTemporaryDirectory()
            let zone = DemoData.zone
            let start = try options.pinnedTime(zone: zone) ?? Date()
            let store = DataStore(directory: dir)
            do {
                try store.save(DemoData.make(now: start), collections: Set(DataStore.Collection.allCases))
            } catch {
                throw CLIError("could not write the demo data: \(error)")
            }
            return Session(store: store, data: try load(store), user: options.resolvedUser(console.environment),
                           pinned: options.at == nil ? nil : start, temporaryDirectory: dir)
        }
        let store = DataStore(directory: options.dataDirectory(console.environment))
        try requireDirectory(store)
        let data = try load(store)
        let pinned = try options.pinnedTime(zone: data.settings.defaultCalendar.timeZone)
        return Session(store: store, data: data, user: options.resolvedUser(console.environment), pinned: pinned)
    }

    static func load(_ store: DataStore) throws -> DataSet {
        do {
            return try store.load()
        } catch {
            throw CLIError("\(store.directory.path)/\(error)")
        }
    }

    func close() {
        if let dir = temporaryDirectory { try? FileManager.default.removeItem(at: dir) }
    }

    private static func makeTemporaryDirectory() throws -> URL {
        var template = Array(
            (FileManager.default.temporaryDirectory.path + "/crmtop-demo-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CLIError("could not create a temporary directory for the demo: \(String(cString: strerror(errno)))")
        }
        return URL(fileURLWithPath: String(cString: made))
    }
}
