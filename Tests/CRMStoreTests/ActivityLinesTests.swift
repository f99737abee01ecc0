import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// The fast reading of `activities.jsonl` means exactly what the general one does.
@Suite struct ActivityLinesTests {
    /// Lines the fast path reads and lines it leaves to the parser, side by side.
    static let variants = [
        #"{"person":"maria","kpi":"calls","count":3,"at":"2026-11-23T10:05:00+01:00","note":"morning block"}"#,
        #"{"person":"li","kpi":"calls","count":-1,"at":"2026-11-23T10:40:00+01:00"}"#,
        #"{ "person": "li", "kpi": "calls", "at": "2026-11-23T10:40:00Z" }"#,
        #"{"kpi":"demos","person":"jo","count":2,"at":"2026-11-23 15:00"}"#,
        #"{"person":"zoë","kpi":"calls","count":1,"at":"2026-11-23T10:40:00+01:00","note":"caf\u00e9 \"x\""}"#,
        #"{"person":"li","kpi":"calls","count":1,"at":"2026-11-23T10:40:00.5+01:00","source":"phone"}"#,
        #"{"person":"li","kpi":"calls","count":007,"at":"2026-11-23T10:40:00+01:00"}"#,
    ]

    func general(_ line: String) -> Activity? {
        guard let document = try? JSONDocument.parse(Array(line.utf8)) else { return nil }
        return try? PeopleCodec.decodeActivity(document.root, zone: berlin)
    }

    @Test func aBigFileInPartsReadsLikeLineByLine() throws {
        // Over a megabyte, so it is read in parts; blank lines take no place.
        var lines: [String] = []
        var expected: [Activity] = []
        for n in 0..<30_000 {
            let line = Self.variants[n % 6]
            lines.append(line)
            if n % 1000 == 0 { lines.append("   ") }
            expected.append(try #require(general(line)))
        }
        let text = #"{"version":2}"# + "\n" + lines.joined(separator: "\n") + "\n"
        let read = try ActivityLines.decode(FileBytes(Array(text.utf8)), header: true, zone: berlin, firstIndex: 0)
        #expect(read.activities == expected)
        #expect(read.unknown.patches.count == 5_000)
    }

    @Test func aMistakeIsReportedWithItsPlaceWhicheverPartItIsIn() throws {
        var lines = Array(repeating: Self.variants[0], count: 30_000)
        lines[25_000] = Self.variants[6]
        let bytes = Array((#"{"version":2}"# + "\n" + lines.joined(separator: "\n")).utf8)
        #expect(throws: (any Error).self) {
            try ActivityLines.decode(FileBytes(bytes), header: true, zone: berlin, firstIndex: 0)
        }
        let dir = TempDir()
        defer { dir.remove() }
        dir.write("activities.jsonl", bytes: bytes)
        #expect(throws: LoadError(file: "activities.jsonl", line: 25_002, column: 38,
                                  message: "a number cannot start with 0 followed by more digits")) {
            try dir.store.load()
        }
    }

    /// Names already read are used again rather than made anew; with more names than are
    /// kept, and names alike but for one byte, every line still reads as it says.
    @Test func manyNamesAndDaysReadAsEachLineSays() throws {
        var lines: [String] = []
        var expected: [Activity] = []
        for n in 0..<6_000 {
            let day = 20 + n / 1_500
            let line = #"{"person":"p\#(n % 2_500)","kpi":"kpi-\#(n % 7)","count":\#(n % 5),"at":"2026-11-\#(day)T1\#(n % 10):00:00+01:00"}"#
            lines.append(line)
            expected.append(try #require(general(line)))
        }
        let text = #"{"version":2}"# + "\n" + lines.joined(separator: "\n") + "\n"
        let read = try ActivityLines.decode(FileBytes(Array(text.utf8)), header: true, zone: berlin, firstIndex: 0)
        #expect(read.activities == expected)
        #expect(Set(read.activities.map(\.person)).count == 2_500)
    }
}
