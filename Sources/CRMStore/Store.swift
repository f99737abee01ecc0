import CRMCore
import Foundation

/// Where a team's data is kept, as everything above this module sees it: the runtime, every
/// command, the importers, `check`, `bench` and the notifier ask only this, never which kind
/// of store they have. A data directory (`DataStore`) is one; a database can be another.
///
/// What every store promises:
/// - `load` returns the data as it stands, never writing anything. A store that holds nothing
///   yet loads as an empty data set.
/// - `apply` applies a batch of changes to the latest data (not to what the caller last read),
///   all of them or none, and stores them durably before it returns; it returns the data as
///   stored, others' changes included. A batch that no longer applies (someone deleted what it
///   names) is refused with `StoreError.refused` and changes nothing; a change that would change
///   nothing in the data is left out. Any number of writers, in any number of processes, lose
///   nothing, and a writer killed part way through a batch leaves all of it stored or none.
/// - `changes(since:)` tells what came in from elsewhere since a `position` this store object
///   handed out, cheaply when nothing did; `watchChanges` is how a caller hears that it may be
///   worth asking, without asking every second.
/// - The notifier's lease says who sends; the delivery record, changed only through
///   `updateDeliveryRecord`, keeps a message from going out twice whoever sends it.
///
/// Errors are the store-wide `LoadError`, `SaveError` and `StoreError`, whose text names
/// where the problem is.
public protocol Store: AnyObject, Sendable {
    /// Where the data is, for people: a directory's path, or the address of a database with any
    /// password left out.
    var location: String { get }

    /// Whether the store holds any data yet; the first change to one that does not starts a new
    /// data set there.
    var holdsData: Bool { get }

    /// Why there is no store to read at `location` (it was moved away, or is a typo); nil when
    /// there is one. Commands that only read refuse to go on without one, rather than show an
    /// empty data set as if all were well.
    var missing: String? { get }

    /// The data as it stands now, with every stored change in it.
    func load() throws(LoadError) -> DataSet

    /// See the promises above.
    @discardableResult
    func apply(_ mutations: [Mutation]) throws(StoreError) -> DataSet

    /// The position of the data this store object last handed out (through `load`, `apply` or
    /// `changes`), to ask `changes(since:)` about later.
    var position: StorePosition { get }

    /// What came in since `position`: the data as it stands now, or nil data when nothing did
    /// apart from changes applied through this same store object, which the caller made and so
    /// already has. Nil `position`: the data whatever it is. Cheap when nothing changed, so it
    /// is fine to ask every second.
    func changes(since position: StorePosition?) throws(LoadError) -> StoreChanges

    /// Hears of changes made anywhere, so a screen can sleep until there is something to read.
    func watchChanges() -> any ChangeWatch

    /// Whether the store has work to do to keep itself small and quick (a journal to fold into
    /// the files, a log of changes to trim). Cheap.
    var needsCompaction: Bool { get }

    /// Does that work; others carry on reading and writing meanwhile. A failure leaves the
    /// data as it was.
    func compact() throws(StoreError)

    /// Every problem with the stored data, without stopping at the first; writes nothing.
    func checkReport() -> CheckReport

    /// The right to send the team's notifications, held until the lease is let go of; nil when
    /// someone else holds it. `wait`: wait until the holder lets go (a signal ends the wait
    /// early, with nil).
    func notifierLease(wait: Bool) throws(SaveError) -> (any NotifierLease)?

    /// The delivery record as it stands, read without holding anything: a look to see whether
    /// there is work at all.
    func deliveryRecord() throws(LoadError) -> DeliveryRecord

    /// Reads the delivery record while no other writer can change it, hands it to `change`,
    /// and stores it if `change` changed it, before anyone else can read it again.
    /// Times are written with `zone`'s offsets, the default calendar's, as every time in the data.
    func updateDeliveryRecord<T>(zone: TimeZone, _ change: (inout DeliveryRecord) throws(StoreError) -> T) throws(StoreError) -> T

    /// Where the notifier writes what it sent and the notify command's output.
    func notifyLog() throws(SaveError) -> NotifyLog

    /// The directory of this machine the data is kept in, for what only a directory has (a
    /// recovery file named after it); nil for a store that is not a directory.
    var localDirectory: URL? { get }
}

extension Store {
    public func compactIfNeeded() throws(StoreError) {
        if needsCompaction { try compact() }
    }
}

/// A point in a store's history of changes, as one store object hands it out. What the
/// number means is the store's own (a count of reads, a sequence number); callers only keep
/// it and hand it back.
public struct StorePosition: Hashable, Sendable {
    public let value: Int64

    public init(_ value: Int64) { self.value = value }
}

/// The answer to `Store.changes(since:)`.
public struct StoreChanges: Sendable {
    /// The data as it stands, when something came in; nil when nothing did.
    public var data: DataSet?
    public var position: StorePosition

    public init(data: DataSet?, position: StorePosition) {
        self.data = data
        self.position = position
    }
}

/// Hears that a store may have changed: inotify on a directory, a notification from a
/// database. Never waits by itself; the caller waits on `descriptor` with its other input.
public protocol ChangeWatch: AnyObject {
    /// Whether changes are being heard of; when false, the caller looks every few seconds.
    var isWatching: Bool { get }
    /// Readable when there is something for `takeChanges`; nil when there is nothing to wait on.
    var descriptor: Int32? { get }
    /// Whether anything was heard since the last call. Called before reading, so that a change
    /// made while reading is heard of next time.
    func takeChanges() -> Bool
}

/// Held by the one process that sends the team's notifications; let go of when released.
public protocol NotifierLease: AnyObject, Sendable {}
