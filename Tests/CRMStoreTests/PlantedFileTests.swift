import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// Files in the data directory that are not what they seem: links planted by someone else
/// sharing the directory, FIFOs and devices, and the user's own files that look like ours.
@Suite struct PlantedFileTests {
    static func directory() throws -> TempDir {
        let dir = try JournalTests.directory()
        try dir.store.apply([JournalTests.ack("r0")])
        return dir
    }

    /// Runs `work` on another thread and waits at most 20 s for it: a read that blocks on a
    /// FIFO must fail the test, not hang it. `unblock` frees the thread afterwards.
    static func finishes(_ work: @escaping @Sendable () -> Void, unblock: () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            work()
            done.signal()
        }
        let finished = done.wait(timeout: .now() + 20) == .success
        if !finished {
            unblock()
            _ = done.wait(timeout: .now() + 20)
        }
        return finished
    }

    @Test(arguments: ["journal.jsonl", "reminders.json", "activities.jsonl"])
    func aLinkedDataFileIsRefusedAndWhatItPointsAtIsLeftAlone(name: String) throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let victim = dir.path + "-victim.txt"
        try "first line\nlast line\n".write(toFile: victim, atomically: true, encoding: .utf8)
        defer { unlink(victim) }
        unlink(dir.file(name).path)
        #expect(symlink(victim, dir.file(name).path) == 0)

        #expect(throws: LoadError.self) { try DataStore(directory: dir.url).load() }
        do {
            _ = try DataStore(directory: dir.url).load()
        } catch {
            #expect(error.description.contains(name) && error.description.contains("symbolic link"), "\(error)")
        }
        let activity = Activity(person: "maria", kpi: "calls", at: JournalTests.t)
        #expect(throws: StoreError.self) {
            try DataStore(directory: dir.url).apply([JournalTests.ack("r1"), .logActivity(activity)])
        }
        #expect(throws: (any Error).self) { try DataStore(directory: dir.url).compact() }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "first line\nlast line\n")
        var info = stat()
        #expect(lstat(dir.file(name).path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, "the link is left as it is")
    }

    @Test func aSaveDoesNotReplaceALinkWithAFile() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let victim = dir.path + "-victim.json"
        try "{}".write(toFile: victim, atomically: true, encoding: .utf8)
        defer { unlink(victim) }
        unlink(dir.file("cases.json").path)
        #expect(symlink(victim, dir.file("cases.json").path) == 0)
        #expect(throws: SaveError.self) { try DataStore(directory: dir.url).save(Samples.full, collections: [.cases]) }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "{}")
    }

    @Test func aDanglingLockLinkIsRefusedAndItsTargetNeverCreated() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let target = dir.path + "-created-by-crmtop"
        unlink(dir.file(".crmtop.lock").path)
        #expect(symlink(target, dir.file(".crmtop.lock").path) == 0)
        do {
            try DataStore(directory: dir.url).apply([JournalTests.ack("r1")])
            Issue.record("a change was stored through a planted lock link")
        } catch {
            #expect(error.description.contains(".crmtop.lock") && error.description.contains("symbolic link"), "\(error)")
        }
        #expect(access(target, F_OK) != 0, "the link's target was created")
    }

    @Test(arguments: ["reminders.json", "journal.jsonl", "activities.jsonl"])
    func aFIFOAsADataFileIsRefusedAtOnce(name: String) throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let path = dir.file(name).path
        unlink(path)
        #expect(mkfifo(path, 0o600) == 0)
        let url = dir.url
        let outcome = Outcome()
        let finished = Self.finishes({
            do {
                _ = try DataStore(directory: url).load()
            } catch {
                outcome.set("\(error)")
            }
        }, unblock: {
            let fd = open(path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        })
        #expect(finished, "loading waited on the FIFO")
        #expect(outcome.text?.contains(name) == true && outcome.text?.contains("FIFO") == true, "\(outcome.text ?? "loaded")")
    }

    @Test func compactionRemovesOnlyFilesCrmtopMade() throws {
        let dir = try Self.directory()
        defer { dir.remove() }
        let ours = [".reminders.json.tmp-4242-17", ".journal.jsonl.bak-77-3"]
        let theirs = [".notes.bak-2026", ".notes.tmp-1-2", ".reminders.json.bak-2026", ".reminders.json.tmp-old-copy",
                      ".cases.json.bak-1-2-3", "reminders.json.tmp-1-2"]
        for name in ours + theirs { dir.write(name, "x") }
        // A FIFO named like a leftover neither blocks compaction nor is removed.
        let fifo = ".cases.json.tmp-99-1"
        #expect(mkfifo(dir.file(fifo).path, 0o600) == 0)
        let url = dir.url
        let finished = Self.finishes({ try? DataStore(directory: url).compact() }, unblock: {
            let fd = open(dir.file(fifo).path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        })
        #expect(finished, "compaction waited on a FIFO")
        let left = Set(dir.files)
        for name in ours { #expect(!left.contains(name), "\(name) was left") }
        for name in theirs + [fifo] { #expect(left.contains(name), "\(name) was removed") }
    }

    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var value: String?
        func set(_ text: String) { lock.withLock { value = text } }
        var text: String? { lock.withLock { value } }
    }
}
