import CRMStore
import Foundation
import Testing

/// A change the disk refused, then SIGTERM: the real binary keeps it in the recovery file, and
/// `crmtop recover --apply` stores it once the directory can be written.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct RecoveryEndToEndTests {
    let at = "2026-11-23T10:00:00Z"

    /// Root writes anywhere: as root the dashboard runs as `nobody`, who owns the directories.
    static var asNobody: Bool { geteuid() == 0 }
    static let launcher = asNobody ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []

    static func own(_ url: URL) {
        if asNobody { Subprocess.run(["chown", "-R", "65534:65534", url.path], capture: false) }
    }

    /// Demo data in a directory the dashboard cannot write, and a state directory of its own.
    final class ReadOnlyDemo {
        let data: URL, state: URL
        var environment: [String: String] { ["XDG_STATE_HOME": state.path, "HOME": state.path] }

        init(at: String) throws {
            data = try temporaryDirectory()
            state = try temporaryDirectory()
            #expect(runCrmtop(["demo", data.path, "--at", at]) == 0)
            RecoveryEndToEndTests.own(data)
            RecoveryEndToEndTests.own(state)
            chmod(data.path, 0o555)
        }

        deinit {
            chmod(data.path, 0o755)
            try? FileManager.default.removeItem(at: data)
            try? FileManager.default.removeItem(at: state)
        }
    }

    @Test func anAcknowledgementTheDiskRefusedSurvivesSIGTERMAndIsRecovered() throws {
        let demo = try ReadOnlyDemo(at: at)
        // Removed when the test ends, not after the last line that names it.
        defer { withExtendedLifetime(demo) {} }
        let data = demo.data, state = demo.state, environment = demo.environment

        let screen = Tmux()
        defer { screen.close() }
        screen.start(["--data", data.path, "--user", "maria", "--at", at], environment: environment, launcher: Self.launcher)
        #expect(screen.waitFor("Leaderboard"), "dashboard did not draw:\n\(screen.screen())")
        screen.send("a")
        #expect(screen.waitFor("changes kept in memory"), "\(screen.screen())")
        let message = try #require(screen.screen().split(separator: "\n").first { $0.contains("Permission denied") })
        #expect(message.contains("cannot"))
        kill(screen.pid, SIGTERM)
        #expect(screen.waitForExit() == 143)
        #expect(!screen.alternateScreenOn)
        #expect(screen.waitFor("crmtop recover --apply"), "\(screen.screen())")

        let file = RecoveryFile(for: data, environment: environment)
        #expect(file.exists, "no recovery file at \(file.url.path)")
        let kept = try String(contentsOf: file.url, encoding: .utf8)
        #expect(kept.contains(#""op":"reminder.acknowledge-occurrence""#), "\(kept)")
        let id = try #require(kept.split(separator: "\n").dropFirst().first.flatMap { line in
            line.firstRange(of: #""id":""#).map { line[$0.upperBound...].prefix { $0 != "\"" } }
        })

        chmod(data.path, 0o755)
        let recover = Subprocess.run([Tmux.binary.path, "recover", "--apply", "--data", data.path],
                                     environment: ["XDG_STATE_HOME": state.path], executable: Tmux.binary.path)
        #expect(recover.status == 0, "\(recover.output)")
        #expect(!file.exists)
        let list = Subprocess.run([Tmux.binary.path, "reminder", "list", "--json", "--data", data.path, "--user", "maria",
                                   "--at", at], executable: Tmux.binary.path)
        let reminders = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        let acknowledged = try #require(reminders.first { $0["id"] as? String == String(id) })
        #expect((acknowledged["acknowledged_by"] as? [String: String])?["maria"] != nil, "\(acknowledged)")
    }
}
