import CRMCore
import CRMStore
import Foundation
import Testing

@Suite struct StoreMutationTests {
    let t = Date(timeIntervalSince1970: 1_795_428_000)

    @Test func applyWorksOnTheLatestDataOnDisk() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-mut-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = DataStore(directory: dir)
        let start = DataSet(reminders: [
            Reminder(id: "R1", title: "a", owners: ["maria"], due: t),
            Reminder(id: "R2", title: "b", owners: ["tom"], due: t),
        ])
        try store.save(start)
        // Two writers that both loaded `start`: neither undoes the other's change.
        try store.apply([.reminder(.acknowledge(id: "R1", person: "maria", at: t))])
        let after = try store.apply([.reminder(.acknowledge(id: "R2", person: "tom", at: t))])
        #expect(after.reminders.map(\.acknowledgedBy) == [["maria": t], ["tom": t]])
        #expect(try store.load() == after)
    }

    @Test func aRefusedChangeWritesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-mut-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = DataStore(directory: dir)
        try store.save(DataSet(reminders: [Reminder(id: "R1", title: "a", owners: ["maria"], due: t)]))
        let before = try Data(contentsOf: store.url(for: .reminders))
        #expect(throws: StoreError.self) {
            try store.apply([.reminder(.acknowledge(id: "R1", person: "maria", at: t)), .reminder(.delete(id: "R7"))])
        }
        #expect(try Data(contentsOf: store.url(for: .reminders)) == before)
    }
}
