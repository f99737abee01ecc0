import CRMCore
import Foundation
import Testing

private let now = Date(timeIntervalSince1970: 1_795_424_400)

@Suite struct MutationBatchTests {
    private var data: DataSet {
        DataSet(people: [Person(id: "maria", name: "Maria", role: "sales-rep")])
    }

    private func reminder(_ id: String, owner: String = "maria") -> Reminder {
        Reminder(id: id, title: "Call \(id)", owners: [owner], due: now)
    }

    @Test func addsInOrderLikeOneByOne() throws {
        let batch: [Mutation] = (0..<50).map { .reminder(.add(reminder("r-\($0)"))) }
            + [.reminder(.delete(id: "r-3")), .reminder(.add(reminder("r-50")))]
        var together = data
        let applied = try Mutation.apply(batch, to: &together)
        var oneByOne = data
        for m in batch { try m.apply(to: &oneByOne) }
        #expect(applied == batch)
        #expect(together.reminders == oneByOne.reminders)
        #expect(together.reminders.map(\.id).last == "r-50")
    }

    @Test func refusesAnIdTwiceInOneBatch() {
        var changed = data
        #expect(throws: MutationError("a reminder r-1 was added meanwhile; try again")) {
            _ = try Mutation.apply([.reminder(.add(reminder("r-1"))), .reminder(.add(reminder("r-1")))], to: &changed)
        }
    }

    @Test func refusesAnUnknownOwnerAmongMany() {
        var changed = data
        let batch: [Mutation] = [.reminder(.add(reminder("r-1"))), .reminder(.add(reminder("r-2", owner: "zoe")))]
        #expect(throws: MutationError("r-2: unknown owner zoe")) { _ = try Mutation.apply(batch, to: &changed) }
    }
}
