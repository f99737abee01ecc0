import Foundation
import TerminalUI
import Testing

/// Golden screens: the text grid and the role grid of a frame, kept in `Goldens/`
/// and reviewed like code. `CRMTOP_UPDATE_GOLDENS=1 swift test` rewrites them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Goldens")

    static func render(_ buffer: CellBuffer) -> String {
        let border = "+" + String(repeating: "-", count: buffer.width) + "+"
        let text = buffer.textLines().map { "|" + $0 + "|" }
        let roles = buffer.roleLines().map { "|" + $0 + "|" }
        return ([border] + text + [border, "roles:", border] + roles + [border]).joined(separator: "\n") + "\n"
    }

    static func check(_ name: String, _ buffer: CellBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = render(buffer)
        if ProcessInfo.processInfo.environment["CRMTOP_UPDATE_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt; run with CRMTOP_UPDATE_GOLDENS=1 to create it",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(e, a)).firstIndex { $0 != $1 } ?? min(e.count, a.count)
            let want = line < e.count ? String(e[line]) : "<end>"
            let got = line < a.count ? String(a[line]) : "<end>"
            Issue.record("""
                golden \(name).txt differs at line \(line + 1):
                expected: \(want)
                actual:   \(got)
                (CRMTOP_UPDATE_GOLDENS=1 rewrites goldens; review the diff)
                """, sourceLocation: sourceLocation)
        }
    }
}
