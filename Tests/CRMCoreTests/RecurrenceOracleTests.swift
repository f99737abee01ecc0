import CRMCore
import Foundation
import Testing

/// Every occurrence of RFC 5545's own examples (§3.8.5.3) and of series crossing DST, against
/// what an independent reader (Python's icalendar with recurring-ical-events) gives for the
/// same series; the expected lists are generated once by scripts/recurrence-oracle.py.
@Suite struct RecurrenceOracleTests {
    struct OracleCase: Sendable, CustomTestStringConvertible {
        var what: String
        var zone: String
        var start: String
        var rules: [String]
        var dates: [String]
        var exceptions: [String]
        var moves: [(String, String)]
        var before: String
        var expected: [String]
        var testDescription: String { what }
    }

    /// `19970902T090000` on the wall clock of `zone`.
    static func local(_ text: String, _ zone: TimeZone) -> Date {
        let c = Array(text)
        let iso = "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8]))T\(String(c[9..<11])):\(String(c[11..<13])):\(String(c[13..<15]))"
        return TimeText.parse(iso, zone: zone)!
    }

    @Test(arguments: cases)
    func occurrencesMatchTheIndependentReader(_ c: OracleCase) throws {
        let zone = try #require(TimeZone(identifier: c.zone))
        let start = Self.local(c.start, zone)
        let set = RecurrenceSet(
            rules: try c.rules.map { try RecurrenceRule(parsing: $0, zone: zone) },
            dates: c.dates.map { Self.local($0, zone) },
            exceptions: c.exceptions.map { Self.local($0, zone) },
            overrides: c.moves.map { OccurrenceOverride(original: Self.local($0.0, zone), due: Self.local($0.1, zone)) })
        let series = SeriesExpansion(set: set, start: start, zone: zone)
        let found = series.occurrences(from: start, to: TimeText.parse(c.before, zone: zone)!)
        #expect(found.map(TimeText.formatUTC) == c.expected)
    }

    /// Going backwards from any moment finds the same occurrences as going forwards.
    @Test(arguments: cases)
    func latestBeforeAMomentAgreesWithTheList(_ c: OracleCase) throws {
        let zone = try #require(TimeZone(identifier: c.zone))
        let start = Self.local(c.start, zone)
        let set = RecurrenceSet(
            rules: try c.rules.map { try RecurrenceRule(parsing: $0, zone: zone) },
            dates: c.dates.map { Self.local($0, zone) },
            exceptions: c.exceptions.map { Self.local($0, zone) },
            overrides: c.moves.map { OccurrenceOverride(original: Self.local($0.0, zone), due: Self.local($0.1, zone)) })
        let series = SeriesExpansion(set: set, start: start, zone: zone)
        let expected = c.expected.map { TimeText.parse($0, zone: zone)! }
        for (n, due) in expected.enumerated() {
            #expect(series.last(atOrBefore: due) == due)
            #expect(series.last(atOrBefore: due.addingTimeInterval(-1)) == (n > 0 ? expected[n - 1] : nil))
        }
    }
}
