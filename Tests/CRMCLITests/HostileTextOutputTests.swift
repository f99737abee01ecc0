import Foundation
import Testing

/// Data may carry escape sequences and bidi controls; what the command line prints for people
/// drops them (the end-to-end suite runs every command on a real terminal), and `--json`
/// writes them as escapes that decode to the data unchanged.
@Suite struct HostileTextOutputTests {
    /// A title must be one line; notes may hold CR, NEL and line separators too.
    static let hostile = "T\u{1B}]0;pwned\u{07}\u{1B}[2J \u{9B}31m \u{202E}desrever\u{202C} \u{2067}x\u{2069}"
        + " \u{200E}\u{061C}\u{7F}end"
    static let notes = hostile + "\u{85}\u{2028}\rend"

    /// Scalars a terminal acts on instead of showing: C0 but the line feed, DEL, C1, bidi
    /// controls and line separators.
    static func actedOn(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { v in
            (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || [0x200E, 0x200F, 0x061C, 0x2028, 0x2029].contains(v)
        }
    }

    @Test func jsonWritesControlsAsEscapesThatDecodeToTheData() throws {
        let dir = try DemoDirectory()
        let add = dir.run(["reminder", "add", Self.hostile, "--due", "2026-11-23T15:00:00+01:00",
                           "--notes", Self.notes, "--json"])
        #expect(add.code == 0, "\(add.err)")
        for run in [add, dir.run(["reminder", "list", "--json"]), dir.run(["export", "--format", "json"])] {
            #expect(Self.actedOn(run.out).isEmpty, "\(run.out.debugDescription.prefix(400))")
            #expect(run.out.contains(#"\u009b31m \u202edesrever\u202c \u2067x\u2069 \u200e\u061c\u007fend"#))
        }
        let added = try object(add)
        #expect(added["title"] as? String == Self.hostile)
        #expect(added["notes"] as? String == Self.notes)
        #expect(add.out.contains(#"\u0085\u2028\rend"#))
        let listed = try objects(dir.run(["reminder", "list", "--json"]))
        #expect(listed.contains { $0["title"] as? String == Self.hostile })
    }

    @Test func anExportIsSanitisedOnATerminalAndExactToAFileOrPipe() throws {
        let dir = try DemoDirectory()
        #expect(dir.run(["reminder", "add", Self.hostile, "--due", "2026-11-23T15:00:00+01:00", "--notes", Self.notes]).code == 0)
        // Exact: the escape sequence is there as the data has it, in the format's own escaping.
        let raw = ["csv": "\u{1B}]0;pwned", "ics": "\u{1B}]0\\;pwned", "json": #"\u001b]0;pwned"#]
        for (format, sequence) in raw {
            let exact = dir.run(["export", "--format", format])
            #expect(exact.out.contains(sequence), "\(format)")
            let shown = dir.run(["export", "--format", format], terminal: true)
            #expect(Self.actedOn(shown.out).isEmpty, "\(format): \(shown.out.debugDescription.prefix(400))")
            #expect(shown.out.contains("desrever"), "\(format)")
        }
        #expect(dir.run(["export", "--format", "csv"]).out.contains(Self.hostile))
        // On a terminal, a CRLF is a line break like any other.
        #expect(dir.run(["export", "--format", "csv"], terminal: true).out
            .hasPrefix("external_id,title,priority,owners,start,due,end,repeat,link,notes\n"))
    }

    @Test func messagesThatEchoInputAreSanitised() throws {
        let dir = try DemoDirectory()
        let link = dir.run(["reminder", "add", "x", "--due", "2026-11-23T15:00:00+01:00", "--link", Self.hostile])
        #expect(link.code == 1)
        #expect(link.err.contains("link") && link.err.contains("desrever"), "\(link.err)")
        #expect(Self.actedOn(link.err).isEmpty, "\(link.err.debugDescription)")
        let id = dir.run(["reminder", "add", Self.hostile, "--due", "2026-11-23T15:00:00+01:00"]).out
            .trimmingCharacters(in: .newlines)
        for run in [dir.run(["reminder", "list"]), dir.run(["reminder", "show", id]), dir.run(["reminder", "delete", id])] {
            #expect(run.code == 0, "\(run.err)")
            #expect(run.out.contains("desrever"))
            #expect(Self.actedOn(run.out).isEmpty, "\(run.out.debugDescription.prefix(400))")
        }
    }
}
