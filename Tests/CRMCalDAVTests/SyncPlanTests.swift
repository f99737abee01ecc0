import CRMCalDAV
import CRMCore
import Testing

/// Which way each change travels, for every combination of a change, a deletion and nothing
/// on either side since the last sync.
@Suite struct SyncPlanTests {
    let synced = SyncedItem(uid: "u1", reminderID: "r1", href: "/cal/u1.ics", etag: "\"1\"", fingerprint: "f1")
    var sameHere: LocalItem { LocalItem(uid: "u1", reminderID: "r1", fingerprint: "f1") }
    var changedHere: LocalItem { LocalItem(uid: "u1", reminderID: "r1", fingerprint: "f2") }
    var sameThere: RemoteItem { RemoteItem(uid: "u1", href: "/cal/u1.ics", etag: "\"1\"") }
    var changedThere: RemoteItem { RemoteItem(uid: "u1", href: "/cal/u1.ics", etag: "\"2\"") }

    func plan(_ local: [LocalItem], _ remote: [RemoteItem], synced: [SyncedItem]? = nil) -> [SyncAction] {
        SyncPlan.actions(synced: synced ?? [self.synced], local: local, remote: remote)
    }

    @Test func nothingChangedDoesNothing() {
        #expect(plan([sameHere], [sameThere]).isEmpty)
    }

    @Test func aChangeOnOneSideTravelsToTheOther() {
        #expect(plan([changedHere], [sameThere]) == [.push(reminderID: "r1", href: "/cal/u1.ics", replacing: "\"1\"")])
        #expect(plan([sameHere], [changedThere]) == [.pull(changedThere, into: "r1")])
    }

    @Test func anItemMovedOnTheServerCountsAsChangedThere() {
        let moved = RemoteItem(uid: "u1", href: "/cal/elsewhere.ics", etag: "\"1\"")
        #expect(plan([sameHere], [moved]) == [.pull(moved, into: "r1")])
    }

    @Test func bothChangedIsAConflictTheServerWins() {
        #expect(plan([changedHere], [changedThere]) == [.conflict(changedThere, reminderID: "r1")])
    }

    @Test func aDeletionTravelsOnlyOverAnUnchangedItem() {
        #expect(plan([sameHere], []) == [.deleteLocal(reminderID: "r1", uid: "u1")])
        #expect(plan([], [sameThere]) == [.deleteRemote(sameThere)])
    }

    @Test func aChangeBeatsADeletion() {
        // Changed in crmtop, deleted on the server: it goes back to the server as new.
        #expect(plan([changedHere], []) == [.push(reminderID: "r1", href: nil, replacing: nil)])
        // Deleted in crmtop, changed on the server: it comes back into crmtop.
        #expect(plan([], [changedThere]) == [.pull(changedThere, into: nil)])
    }

    @Test func goneOnBothSidesIsForgotten() {
        #expect(plan([], []) == [.forget(uid: "u1")])
    }

    @Test func newItemsTravelAndOneMetOnBothSidesAtOnceKeepsBoth() {
        let newHere = LocalItem(uid: "n1", reminderID: "r9", fingerprint: "x")
        let newThere = RemoteItem(uid: "n2", href: "/cal/n2.ics", etag: "\"7\"")
        let both = (LocalItem(uid: "n3", reminderID: "r10", fingerprint: "y"),
                    RemoteItem(uid: "n3", href: "/cal/n3.ics", etag: "\"8\""))
        #expect(plan([newHere, both.0], [newThere, both.1], synced: []) == [
            .push(reminderID: "r9", href: nil, replacing: nil),
            .conflict(both.1, reminderID: "r10"),
            .pull(newThere, into: nil),
        ])
    }

    @Test func theOrderIsTheLastSyncsThenNewRemindersThenNewServerItems() {
        let other = SyncedItem(uid: "u0", reminderID: "r0", href: "/cal/u0.ics", etag: "\"1\"", fingerprint: "f0")
        let actions = plan([LocalItem(uid: "n1", reminderID: "r5", fingerprint: "z"), changedHere],
                           [RemoteItem(uid: "n2", href: "/cal/n2.ics", etag: "\"3\""), sameThere],
                           synced: [other, synced])
        #expect(actions == [
            .forget(uid: "u0"),
            .push(reminderID: "r1", href: "/cal/u1.ics", replacing: "\"1\""),
            .push(reminderID: "r5", href: nil, replacing: nil),
            .pull(RemoteItem(uid: "n2", href: "/cal/n2.ics", etag: "\"3\""), into: nil),
        ])
    }
}
