import CRMCore
import CRMStore
import Foundation
import Testing

/// The real `crmtop notify` running as a service would: two of them on one directory, stopped
/// with SIGTERM.
@Suite struct NotifierEndToEndTests {
    static let start = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23T10:00:00Z

    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-notify-\(UUID().uuidString)")
        let command = """
            printf '%s %s %s\\n' "$CRMTOP_EVENT" "$CRMTOP_SUBJECT" "$CRMTOP_RECIPIENTS" >> '\(dir.path)/calls.txt'; \
            echo "delivered $CRMTOP_ID"; sleep 0.2
            """
        let owners = ["maria"]
        try DataStore(directory: dir).save(DataSet(
            reminders: [
                Reminder(id: "R1", title: "Call back Acme", owners: owners, due: start.addingTimeInterval(-600)),
                Reminder(id: "R2", title: "Send the quote", owners: owners, start: start.addingTimeInterval(-60),
                         due: start.addingTimeInterval(3600)),
                // Comes due while the notifiers run.
                Reminder(id: "R3", title: "Join the call", owners: owners, due: start.addingTimeInterval(4)),
            ],
            people: [Person(id: "maria", name: "Maria Oliveira", role: "sales")],
            settings: Settings(calendars: [BusinessCalendar(name: "default", zone: "UTC", hours: [])],
                               notify: NotifySettings(command: command))))
        return dir
    }

    static func calls(_ dir: URL) -> [String] {
        let text = (try? String(contentsOf: dir.appendingPathComponent("calls.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// Whether the process is blocked in `flock`, as /proc/locks shows it ("->").
    static func isWaitingForALock(_ pid: pid_t) -> Bool {
        let locks = (try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) ?? ""
        return locks.split(separator: "\n").contains { line in
            line.contains("->") && line.split(separator: " ").contains(Substring(String(pid)))
        }
    }

    @Test func twoNotifiersOnOneDirectorySendEachEventOnceAndStopOnSIGTERM() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = [Tmux.binary.path, "notify", "--data", dir.path, "--at", "2026-11-23T10:00:00Z"]
        let first = try Subprocess.start(arguments).get()
        #expect(eventually { Self.calls(dir).count >= 2 })
        // Started once the first holds the lock, and watched until the kernel lists it as
        // waiting for it, so which one sends first is never left to chance.
        let second = try Subprocess.start(arguments).get()
        #expect(eventually { Self.isWaitingForALock(second.pid) })

        let once = Subprocess.run(arguments + ["--once"])
        #expect(once.status == 0)
        #expect(once.output.contains("another notifier is running"), "\(once.output)")

        // R3 comes due four seconds in; whoever holds the lock then sends it.
        first.kill(SIGTERM)
        let firstResult = first.wait()
        #expect(firstResult.status == 143, "\(firstResult.output)")
        #expect(eventually { Self.calls(dir).count >= 3 })
        second.kill(SIGTERM)
        let secondResult = second.wait()
        #expect(secondResult.status == 143, "\(secondResult.output)")

        #expect(Self.calls(dir).sorted() == ["reminder.active R2 maria", "reminder.due R1 maria", "reminder.due R3 maria"])
        let output = firstResult.output + secondResult.output
        #expect(output.contains("sent reminder.due R1 to maria"))
        #expect(secondResult.output.contains("waiting to take over"))
        // The command's own output went to the log, not to the notifier's.
        #expect(!output.contains("delivered"))
        let log = try String(contentsOf: dir.appendingPathComponent("notify.log"), encoding: .utf8)
        #expect(log.contains("delivered reminder.due/R1/2026-11-23T09:50:00Z#1"))
    }
}
