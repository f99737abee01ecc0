import CRMApp
import CRMCore
import CRMStore
import Foundation

/// A loaded store plus the resolved user and moment: what every command starts from.
struct Session {
    var store: any Store
    var data: DataSet
    var user: String
    /// The pinned moment, if `--at` was given.
    var pinned: Date?
    /// The one moment the command acts and reports at: `--at`, else the clock read once when
    /// the session opened, so a change and the text that tells of it never disagree.
    let now: Date
    /// A demo copy to delete when the command ends.
    var temporaryDirectory: URL?
    /// The store holds no data yet: the first change starts a data set there, and says so,
    /// for a mistyped --data should not quietly become a second data set.
    var startsNewDataSet = false

    /// `actingAsUser`: the command acts as the user or shows their view, so a user who is not
    /// among the people (a typo, or `$USER` on a team's data) is refused rather than shown an
    /// empty view or written into histories. A data set without people takes anyone, so that
    /// the first reminder in a new directory can be added.
    static func open(_ options: GlobalOptions, actingAsUser: Bool = false) throws -> Session {
        var session = try openData(options)
        if actingAsUser {
            do {
                try session.requireKnownUser(options)
            } catch {
                session.close()  // a demo's copy goes with the refusal
                throw error
            }
        }
        session.startsNewDataSet = session.temporaryDirectory == nil && !session.store.holdsData
        return session
    }

    private static func openData(_ options: GlobalOptions) throws -> Session {
        let console = Console.current
        if options.demo {
            let dir = try makeTemporaryDirectory()
            let zone = DemoData.zone
            let clock = console.clock.now()
            let start = try options.pinnedTime(zone: zone, clock: clock) ?? clock
            // A demo copy is always a directory of its own, written whole.
            let store = DataStore(directory: dir)
            do {
                try store.save(DemoData.make(now: start), collections: Set(DataStore.Collection.allCases))
            } catch {
                throw CLIError("could not write the demo data: \(error)")
            }
            return Session(store: store, data: try load(store), user: options.resolvedUser(console.environment),
                           pinned: options.at == nil ? nil : start, now: start, temporaryDirectory: dir)
        }
        let store = try options.openStore(console.environment)
        try requireStore(store)
        let data = try load(store)
        let clock = console.clock.now()
        let pinned = try options.pinnedTime(zone: data.settings.defaultCalendar.timeZone, clock: clock)
        return Session(store: store, data: data, user: options.resolvedUser(console.environment), pinned: pinned,
                       now: pinned ?? clock)
    }

    static func load(_ store: any Store) throws -> DataSet {
        do {
            return try store.load()
        } catch {
            throw CLIError("\(store.location)/\(error)")
        }
    }

    /// Says once, after the first change, that it started a data set in a store that had none.
    mutating func noteNewDataSet() {
        guard startsNewDataSet else { return }
        startsNewDataSet = false
        Console.current.error("crmtop: note: starting a new data set in \(store.location)\n")
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
