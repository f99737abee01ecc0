import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// The examples in docs/DATA_FORMAT.md are exactly what crmtop writes, so they cannot drift.
@Suite struct DocumentedExamplesTests {
    static let document = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/DATA_FORMAT.md")

    /// Code blocks fenced as "```json FILE" , keyed by FILE.
    static func examples() throws -> [String: String] {
        var examples: [String: String] = [:]
        var current: (name: String, lines: [String])?
        for line in try String(contentsOf: document, encoding: .utf8).components(separatedBy: "\n") {
            if let open = current {
                if line == "```" {
                    examples[open.name] = open.lines.joined(separator: "\n") + "\n"
                    current = nil
                } else {
                    current?.lines.append(line)
                }
            } else if line.hasPrefix("```json "), let name = line.split(separator: " ").last {
                current = (String(name), [])
            }
        }
        return examples
    }

    @Test func everyFileHasAnExample() throws {
        #expect(try Self.examples().keys.sorted() == DataStore.Collection.allCases.map(\.fileName).sorted())
    }

    @Test func examplesLoadAndAreWrittenBackByteForByte() throws {
        let source = TempDir(), copy = TempDir()
        defer { source.remove(); copy.remove() }
        let examples = try Self.examples()
        for (name, text) in examples { source.write(name, text) }
        let data = try source.store.load()
        #expect(data.reminders.count == 2 && data.cases.count == 2 && data.people.count == 3)
        #expect(data.settings.defaultCalendar.zone == "Europe/Berlin")
        try copy.store.save(data)
        for (name, text) in examples {
            #expect(copy.text(name) == text, "\(name)")
        }
    }
}
