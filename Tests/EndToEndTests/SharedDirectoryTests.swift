import CRMCore
import CRMStore
import Foundation
import Testing

/// Whole processes writing one data directory at once, and being killed while they do.
@Suite struct SharedDirectoryTests {
    static let writer = Tmux.built("StoreWriter").path

    /// A directory with `count` reminders, each owned by everyone who acknowledges in the test.
    static func directory(reminders count: Int) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-shared-\(UUID().uuidString)")
        let due = Date(timeIntervalSince1970: 1_795_428_000)
        try DataStore(directory: dir).save(DataSet(reminders: (0..<count).map {
            Reminder(id: "r\($0)", title: "task \($0)", owners: ["maria", "li", "jo", "tom"], due: due)
        }))
        return dir
    }

    static func acknowledged(in dir: URL) throws -> Set<String> {
        let data = try DataStore(directory: dir).load()
        return Set(data.reminders.flatMap { r in r.acknowledgedBy.keys.map { "\($0) \(r.id)" } })
    }

    @Test func fourWritersAtOnceLoseNoAcknowledgement() throws {
        let dir = try Self.directory(reminders: 1000)
        defer { try? FileManager.default.removeItem(at: dir) }
        let people = ["maria", "li", "jo", "tom"]
        // Each acknowledges its own 250; the journal is compacted several times meanwhile.
        let children = try people.enumerated().map { n, person in
            try Subprocess.start([Self.writer, dir.path, person, "16384"] + (0..<250).map { "r\(n * 250 + $0)" }).get()
        }
        for child in children {
            let result = child.wait()
            #expect(result.status == 0, "\(result.output)")
        }
        let expected = Set(people.enumerated().flatMap { n, person in (0..<250).map { "\(person) r\(n * 250 + $0)" } })
        #expect(try Self.acknowledged(in: dir) == expected)
        #expect(try DataStore(directory: dir).load().activities.count == 1000)
    }

    @Test func aWriterKilledAtAnyMomentLosesNothingItReportedSaved() throws {
        let perRound = 6
        let dir = try Self.directory(reminders: 201 * perRound)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A small threshold, so kills land in compactions as well as in appends.
        func writer(_ round: Int) throws -> Subprocess.Child {
            try Subprocess.start([Self.writer, dir.path, "maria", "2048"]
                + (round * perRound..<(round + 1) * perRound).map { "r\($0)" }).get()
        }
        // Kills are spread over how long a writer takes here, start-up included; the quickest
        // of a few runs, as a busy machine makes some runs much slower than the rest.
        let clock = ContinuousClock()
        let lifetime = try (0..<3).map { _ in try clock.measure { _ = try writer(200).wait() } }.min()!
        let span = UInt32(min(lifetime * 1.5, .milliseconds(150)) / .microseconds(1))
        var random = SystemRandomNumberGenerator()
        var saved = Set<String>(), activities = perRound
        for round in 0..<200 {
            let child = try writer(round)
            usleep(UInt32.random(in: 0...span, using: &random))
            child.kill(SIGKILL)
            let output = child.wait().output
            for line in output.split(separator: "\n") {
                if line.hasPrefix("ack ") { saved.insert("maria " + line.dropFirst(4)) }
                if line.hasPrefix("activity ") { activities += 1 }
            }
            // Every file loads, and holds everything reported saved so far.
            let data: DataSet
            do {
                data = try DataStore(directory: dir).load()
            } catch {
                Issue.record("round \(round): \(error)")
                return
            }
            let acknowledged = Set(data.reminders.flatMap { r in r.acknowledgedBy.keys.map { "\($0) \(r.id)" } })
            #expect(saved.isSubset(of: acknowledged), "round \(round)")
            #expect(data.activities.count >= activities, "round \(round)")
        }
        // How much gets done between kills depends on how busy the machine is; that some
        // did is what keeps the checks above from passing on nothing.
        #expect(!saved.isEmpty, "the writer should get some work done between kills")
        // Temporary files of killed writers are cleared away by the next compaction.
        try DataStore(directory: dir).apply([.reminder(.acknowledge(id: "r0", person: "jo", at: Date()))])
        try DataStore(directory: dir).compact()
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") || $0.contains(".bak-") }
        #expect(left == [])
    }
}
