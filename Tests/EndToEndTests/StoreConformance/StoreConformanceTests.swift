import CRMCore
import CRMStore
import Foundation
import Testing

/// What every store promises (see `Store`), asked of each kind in `StoreMaker.all` alike: the
/// tests know nothing of how a store keeps its data.
@Suite struct StoreConformanceTests {
    static let at = Date(timeIntervalSince1970: 1_795_428_000)
    static let people = ["maria", "li", "jo", "tom"]

    /// `count` reminders, each owned by everyone who acknowledges in the tests, added through
    /// the store as any change is.
    static func seed(_ store: any Store, reminders count: Int) throws {
        try store.apply((0..<count).map {
            .reminder(.add(Reminder(id: "r\($0)", title: "task \($0)", owners: people, due: at)))
        })
    }

    static func ack(_ id: String, _ person: String = "maria") -> Mutation {
        .reminder(.acknowledge(id: id, person: person, at: at))
    }

    static func acknowledged(_ data: DataSet) -> Set<String> {
        Set(data.reminders.flatMap { r in r.acknowledgedBy.keys.map { "\($0) \(r.id)" } })
    }

    @Test(arguments: StoreMaker.all)
    func anEmptyStoreLoadsEmptyAndKeepsWhatIsApplied(_ maker: StoreMaker) throws {
        let made = try maker.make()
        defer { made.remove() }
        let store = made.open()
        #expect(!store.holdsData)
        #expect(store.missing == nil)
        #expect(try store.load().reminders.isEmpty)
        try Self.seed(store, reminders: 3)
        let applied = try store.apply([Self.ack("r1")])
        #expect(Self.acknowledged(applied) == ["maria r1"])
        #expect(store.holdsData)
        // Another process reads what was stored, in order.
        let again = try made.open().load()
        #expect(again.reminders.map(\.id) == ["r0", "r1", "r2"])
        #expect(Self.acknowledged(again) == ["maria r1"])
    }

    @Test(arguments: StoreMaker.all)
    func aChangeAppliesToTheLatestDataNotToWhatTheWriterLastRead(_ maker: StoreMaker) throws {
        let made = try maker.make()
        defer { made.remove() }
        let mine = made.open(), theirs = made.open()
        try Self.seed(mine, reminders: 2)
        _ = try mine.load()
        try theirs.apply([Self.ack("r0", "li")])
        let stored = try mine.apply([Self.ack("r1")])
        #expect(Self.acknowledged(stored) == ["li r0", "maria r1"], "others' changes come back with one's own")
        #expect(Self.acknowledged(try made.open().load()) == ["li r0", "maria r1"])
    }

    @Test(arguments: StoreMaker.all)
    func aBatchThatNoLongerAppliesIsRefusedWholeAndStoresNothing(_ maker: StoreMaker) throws {
        let made = try maker.make()
        defer { made.remove() }
        let mine = made.open(), theirs = made.open()
        try Self.seed(mine, reminders: 2)
        _ = try mine.load()
        try theirs.apply([.reminder(.delete(id: "r1"))])
        #expect {
            try mine.apply([Self.ack("r0"), Self.ack("r1")])
        } throws: { error in
            guard case StoreError.refused = error else { return false }
            return true
        }
        #expect(Self.acknowledged(try made.open().load()).isEmpty, "the first half is not stored either")
        // Nor does the writer keep the first half in memory.
        #expect(Self.acknowledged(try mine.load()).isEmpty)
        #expect(Self.acknowledged(try mine.apply([Self.ack("r0", "jo")])) == ["jo r0"])
    }

    @Test(arguments: StoreMaker.all)
    func severalWriterProcessesAtOnceLoseNothing(_ maker: StoreMaker) throws {
        let made = try maker.make()
        defer { made.remove() }
        try Self.seed(made.open(), reminders: 400)
        // A small compaction threshold, so that compactions run in between the writes.
        let children = try Self.people.enumerated().map { n, person in
            try Subprocess.start([StoreWriterProcess.path, made.location, person, "16384"]
                + (0..<100).map { "r\(n * 100 + $0)" }).get()
        }
        for child in children {
            let result = child.wait()
            #expect(result.status == 0, "\(result.output)")
        }
        let data = try made.open().load()
        let expected = Set(Self.people.enumerated().flatMap { n, person in (0..<100).map { "\(person) r\(n * 100 + $0)" } })
        #expect(Self.acknowledged(data) == expected)
        #expect(data.activities.count == 400)
    }

    @Test(arguments: StoreMaker.all)
    func aWriterKilledPartWayThroughAChangeLeavesItWholeOrNotAtAll(_ maker: StoreMaker) throws {
        let made = try maker.make()
        defer { made.remove() }
        try Self.seed(made.open(), reminders: 40)
        var saved = Set<String>(), activities = 0, killed = 0
        for (round, kill) in made.killPoints.enumerated() {
            let ids = (0..<3).map { "r\(round * 3 + $0)" }
            let result = Subprocess.run([StoreWriterProcess.path, made.location, "maria", "1024"] + ids,
                                        environment: kill)
            if result.status != 0 { killed += 1 }
            for line in result.output.split(separator: "\n") {
                if line.hasPrefix("ack ") { saved.insert("maria " + line.dropFirst(4)) }
                if line.hasPrefix("activity ") { activities += 1 }
            }
            // The store reads, and holds everything the writer said it stored.
            let data: DataSet
            do {
                data = try made.open().load()
            } catch {
                Issue.record("after kill \(kill): \(error)")
                return
            }
            #expect(saved.isSubset(of: Self.acknowledged(data)), "after kill \(kill)")
            #expect(data.activities.count >= activities, "after kill \(kill)")
            // The next writer finds nothing in its way, and everything stays.
            let after = try made.open().apply([Self.ack("r\(round * 3)", "jo")])
            #expect(saved.union(["jo r\(round * 3)"]).isSubset(of: Self.acknowledged(after)), "after kill \(kill)")
        }
        #expect(killed > 0, "some writers should have been killed")
        #expect(!saved.isEmpty, "some writers should have stored something")
    }

    @Test(arguments: StoreMaker.all)
    func othersChangesArriveAndOnesOwnAreNothingNew(_ maker: StoreMaker) throws {
        let made = try maker.make()
        defer { made.remove() }
        let screen = made.open(), other = made.open()
        try Self.seed(other, reminders: 2)
        _ = try screen.load()
        var position = screen.position
        #expect(try screen.changes(since: position).data == nil, "nothing came in")
        let watch = screen.watchChanges()
        _ = watch.takeChanges()
        try other.apply([Self.ack("r0", "li")])
        if watch.isWatching { #expect(Self.heard(watch), "the watch hears another's change") }
        let news = try screen.changes(since: position)
        #expect(Self.acknowledged(try #require(news.data)) == ["li r0"])
        position = news.position
        #expect(try screen.changes(since: position).data == nil)
        // One's own change is no news: the writer has it already.
        try screen.apply([Self.ack("r1")])
        #expect(try screen.changes(since: position).data == nil)
        // Without a position, the data whatever it is.
        #expect(Self.acknowledged(try #require(try screen.changes(since: nil).data)) == ["li r0", "maria r1"])
    }

    /// Waits on the watch's descriptor until it hears something, for at most ten seconds.
    static func heard(_ watch: any ChangeWatch) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if watch.takeChanges() { return true }
            guard let fd = watch.descriptor else { return false }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&entry, 1, 200)
        }
        return false
    }

    @Test(arguments: StoreMaker.all)
    func oneNotifierHoldsTheLeaseAtATime(_ maker: StoreMaker) throws {
        let made = try maker.make()
        defer { made.remove() }
        let first = made.open(), second = made.open()
        do {
            let held = try #require(try first.notifierLease(wait: false))
            #expect(try second.notifierLease(wait: false) == nil, "while one holds it, nobody else gets it")
            withExtendedLifetime(held) {}
        }
        #expect(try second.notifierLease(wait: false) != nil, "let go of, it is the next one's")
    }
}

/// The writer the tests start as separate processes.
enum StoreWriterProcess {
    static let path = Tmux.built("StoreWriter").path
}
