import CRMCore

/// The range of `RRULE`s crmtop reads at all. Inside it, a rule `RecurrenceRule` cannot read
/// is left out with a warning (`ICSItemReader.recurrence`); outside it the file is refused,
/// since a reminder every second, or counted to two billion, is a broken or hostile file
/// rather than a plan.
extension ICalendar {
    /// From daily on; anything more frequent would be a reminder that never stops ringing.
    static let recurrenceFrequencies = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]
    /// RFC 5545's frequencies crmtop refuses, so the error can say why.
    static let subDailyFrequencies: Set<String> = ["SECONDLY", "MINUTELY", "HOURLY"]
    static let recurrenceCounts = RecurrenceRule.counts
    static let recurrenceIntervals = RecurrenceRule.intervals

    /// Refuses an `RRULE` outside the supported range, naming its line and the part at fault.
    static func checkRecurrenceRange(_ rule: Property) throws(ImportProblem) {
        func refuse(_ why: String) -> ImportProblem { ImportProblem(line: rule.line, field: "RRULE", why) }
        var frequency: String?
        for part in rule.value.split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { continue }
            let name = kv[0].uppercased(), value = kv[1].uppercased()
            switch name {
            case "FREQ":
                frequency = value
            case "COUNT":
                try bounded(name, value, recurrenceCounts, refuse)
            case "INTERVAL":
                try bounded(name, value, recurrenceIntervals, refuse)
            default:
                continue
            }
        }
        guard let frequency else { throw refuse("the rule has no FREQ") }
        if subDailyFrequencies.contains(frequency) {
            throw refuse("FREQ=\(frequency) repeats more often than daily; crmtop reads DAILY, WEEKLY, MONTHLY and YEARLY")
        }
        guard recurrenceFrequencies.contains(frequency) else {
            throw refuse("FREQ=\(clip(frequency)) is not a frequency; crmtop reads DAILY, WEEKLY, MONTHLY and YEARLY")
        }
    }

    /// A whole number in `range`, written in digits only (no sign, no spaces).
    private static func bounded(_ name: String, _ value: String, _ range: ClosedRange<Int>,
                                _ refuse: (String) -> ImportProblem) throws(ImportProblem) {
        let digits = value.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        // Int(_:) is nil past 64 bits, so a twenty-digit count is refused like any other.
        guard digits, let n = Int(value), range.contains(n) else {
            throw refuse("\(name)=\(clip(value)) is out of range; crmtop reads \(name) from \(range.lowerBound) to \(range.upperBound)")
        }
    }
}
