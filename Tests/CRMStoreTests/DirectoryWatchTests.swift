import CRMCore
import Foundation
import Testing
@testable import CRMStore

#if os(Linux)
import Glibc

/// What lets an idle wall sleep: the watch hears of every change to the data files, and of
/// nothing else, and a directory moved away and back is noticed both times.
@Suite struct DirectoryWatchTests {
    static let now = Date(timeIntervalSince1970: 1_795_428_000)

    func readable(_ watch: DirectoryWatch) -> Bool {
        guard let fd = watch.descriptor else { return false }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) == 1
    }

    @Test func hearsOfChangesToTheDataFilesOnly() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = dir.store
        try store.save(DemoData.make(now: Self.now))
        let watch = store.watch()
        #expect(watch.isWatching)
        #expect(!watch.takeChanges())
        // A lock, a log, a file of someone else's: not news.
        dir.write("notes.txt", "hello")
        dir.write("notify.log", "sent")
        #expect(!readable(watch) || !watch.takeChanges())
        // A change appended to the journal, as any writer makes it.
        _ = try store.apply([.logActivity(Activity(person: "maria", kpi: "calls", at: Self.now))])
        #expect(readable(watch))
        #expect(watch.takeChanges())
        #expect(!watch.takeChanges())
        // Files replaced whole (written aside, renamed into place), as saves and compaction do.
        try store.save(DemoData.make(now: Self.now + 60))
        #expect(watch.takeChanges())
    }

    @Test func aDirectoryMovedAwayAndBackIsNoticedBothTimes() throws {
        let parent = TempDir()
        defer { parent.remove() }
        let dir = parent.file("team"), away = parent.file("team.off")
        try DataStore(directory: dir).save(DemoData.make(now: Self.now))
        let watch = DataStore(directory: dir).watch()
        #expect(watch.isWatching)
        try FileManager.default.moveItem(at: dir, to: away)
        #expect(watch.takeChanges())
        #expect(!watch.isWatching)
        #expect(!watch.takeChanges())
        try FileManager.default.moveItem(at: away, to: dir)
        // Watched again once it is back, and that is news too.
        #expect(watch.takeChanges())
        #expect(watch.isWatching)
        try Data("{}".utf8).write(to: dir.appendingPathComponent("people.json"))
        #expect(watch.takeChanges())
    }

    @Test func findsTheFilesystemOfAPathInTheMountTable() {
        let table = """
            22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
            40 22 0:35 / /mnt/team rw,relatime shared:20 - nfs4 server:/export rw,vers=4.2
            41 40 0:36 / /mnt/team/local\\040copy rw - tmpfs tmpfs rw
            """
        #expect(MountTable.filesystemType(of: "/home/maria/crm", in: table) == "ext4")
        #expect(MountTable.filesystemType(of: "/mnt/team/crm", in: table) == "nfs4")
        #expect(MountTable.filesystemType(of: "/mnt/team/local copy/crm", in: table) == "tmpfs")
        #expect(MountTable.filesystemType(of: "/mnt/teamwork", in: table) == "ext4")
        #expect(DirectoryWatch.isNetwork("nfs4") && DirectoryWatch.isNetwork("fuse.sshfs"))
        #expect(!DirectoryWatch.isNetwork("ext4") && !DirectoryWatch.isNetwork("tmpfs"))
    }
}
#endif
