import Foundation
import Testing

/// A crmtop binary copied elsewhere, as `install` or a package puts it, with nothing beside it.
@Suite struct InstalledBinaryTests {
    @Test func aCopiedBinaryHasEveryShippedTheme() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("bin/crmtop")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Copied by cp, not in this process: a program another test starts meanwhile would
        // inherit our descriptor open for writing, and starting the copy would fail as busy.
        let copied = Subprocess.run(["cp", Tmux.binary.path, copy.path])
        try #require(copied.status == 0, "\(copied.output)")
        let environment = ["HOME": dir.path, "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path]
        for theme in ["solarized-dark", "monochrome", "high-contrast"] {
            let run = Subprocess.run([copy.path, "snapshot", "--demo", "--theme", theme, "--at", "2026-11-23T10:00:00Z"],
                                     environment: environment, executable: copy.path)
            #expect(run.status == 0, "\(theme): \(run.output)")
        }
        let listed = Subprocess.run([copy.path, "themes"], environment: environment, executable: copy.path)
        #expect(listed.output.contains("solarized-dark (built in)"), "\(listed.output)")
    }
}
