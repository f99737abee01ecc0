import CRMCore
import CRMStore
import Foundation
import Testing

/// A team's data directory shared through a group (group-owned, g+ws): whatever one member's
/// notifier creates there, another member's can write. Run as root, which makes two throwaway
/// users and a group for it and runs the built crmtop as each.
@Suite(.enabled(if: getuid() == 0, "needs root, to create two users and a group and run crmtop as each of them"))
struct GroupDirectoryNotifierTests {
    /// Two users whose only group is a new one; all three removed when done.
    final class Members {
        let group: String
        let users: [String]

        init() throws {
            let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            group = "crmtopg\(tag)"
            users = ["crmtopa\(tag)", "crmtopb\(tag)"]
            try Self.run(["/usr/sbin/groupadd", group])
            for user in users {
                try Self.run(["/usr/sbin/useradd", "--no-create-home", "--gid", group, "--shell", "/usr/sbin/nologin", user])
            }
        }

        deinit {
            for user in users { Subprocess.run(["/usr/sbin/userdel", user]) }
            Subprocess.run(["/usr/sbin/groupdel", group])
        }

        var groupID: gid_t { getgrnam(group)!.pointee.gr_gid }

        private static func run(_ arguments: [String]) throws {
            let result = Subprocess.run(arguments)
            guard result.status == 0 else { throw Subprocess.Failure(text: "\(arguments): \(result.output)") }
        }

        /// crmtop run as `user`, with a umask that would keep every file it makes private:
        /// the directory's rule is what shares them.
        func crmtop(as user: String, _ arguments: [String], home: String) -> (status: Int32, output: String) {
            Subprocess.run(["/usr/bin/setpriv", "--reuid", user, "--regid", group, "--init-groups",
                            "/bin/sh", "-c", "umask 077; exec \"$0\" \"$@\"", Tmux.binary.path] + arguments,
                           environment: ["HOME": home, "CRMTOP_USER": nil, "CRMTOP_DATA": nil])
        }
    }

    @Test func eachMemberOfTheGroupCanRunTheNotifierAfterAnother() throws {
        let members = try Members()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-group-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(chown(dir.path, 0, members.groupID) == 0)
        #expect(chmod(dir.path, 0o2770) == 0)

        let start = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23T10:00:00Z
        try DataStore(directory: dir).save(DataSet(
            reminders: [
                Reminder(id: "R1", title: "Call back Acme", owners: ["maria"], due: start.addingTimeInterval(-600)),
                Reminder(id: "R2", title: "Send the quote", owners: ["maria"], due: start.addingTimeInterval(3000)),
            ],
            people: [Person(id: "maria", name: "Maria Oliveira", role: "sales")],
            settings: Settings(calendars: [BusinessCalendar(name: "default", zone: "UTC", hours: [])],
                               notify: NotifySettings(command: "echo \"delivered $CRMTOP_ID\"", events: [.reminderDue]))))

        let first = members.crmtop(as: members.users[0], ["notify", "--once", "--data", dir.path,
                                                          "--at", "2026-11-23T10:00:00Z"], home: dir.path)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("sent reminder.due R1 to maria"), "\(first.output)")
        for name in ["notify.log", ".crmtop-notify.lock", "notifications.json"] {
            var info = stat()
            #expect(stat(dir.appendingPathComponent(name).path, &info) == 0, "\(name)")
            #expect(info.st_mode & 0o777 == 0o660, "\(name): \(String(info.st_mode & 0o777, radix: 8))")
        }

        let second = members.crmtop(as: members.users[1], ["notify", "--once", "--data", dir.path,
                                                           "--at", "2026-11-23T11:00:00Z"], home: dir.path)
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("sent reminder.due R2 to maria"), "\(second.output)")
        let log = try String(contentsOf: dir.appendingPathComponent("notify.log"), encoding: .utf8)
        #expect(log.contains("delivered reminder.due/R1/2026-11-23T09:50:00Z#1"), "\(log)")
        #expect(log.contains("delivered reminder.due/R2/2026-11-23T10:50:00Z#1"), "\(log)")
    }
}
