import Foundation

/// Places demo events in time relative to `now`. Case times are given as "so much SLA clock
/// ago", so a case meant to be in warning is in warning whenever the demo is generated,
/// including on a Monday morning after a weekend.
struct DemoClock {
    let now: Date
    let calendar: BusinessCalendar
    let cal: Calendar

    init(now: Date, calendar: BusinessCalendar) {
        self.now = now
        self.calendar = calendar
        cal = PeriodMath.gregorian(calendar.timeZone)
    }

    var today: LocalDate { PeriodMath.localDate(of: now, in: cal) }

    /// `now` rounded down to whole minutes, then moved; times on screen look typed by a person.
    func minutes(_ offset: Int) -> Date {
        let whole = (now.timeIntervalSinceReferenceDate / 60).rounded(.down) * 60
        return Date(timeIntervalSinceReferenceDate: whole + TimeInterval(offset * 60))
    }

    /// A wall-clock time on the day `days` after today, in the calendar's zone.
    func day(_ days: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        PeriodMath.at(PeriodMath.adding(days: days, to: today), minute: hour * 60 + minute, in: cal)
    }

    /// The instant that lies `minutes` of open hours before `now` (before `now` itself when
    /// the calendar is closed right now); `businessHours: false` counts plain wall time.
    func ago(_ minutes: Int, businessHours: Bool) -> Date {
        guard businessHours, !calendar.hours.isEmpty else {
            return now.addingTimeInterval(TimeInterval(-minutes * 60))
        }
        var left = TimeInterval(minutes * 60)
        var day = today
        // Ten years of closed days would mean a calendar without working days at all.
        for _ in 0..<3660 {
            if PeriodMath.isWorkingDay(day, in: calendar) {
                let weekday = PeriodMath.isoWeekday(of: day)
                let open = calendar.hours.filter { $0.weekday == weekday }
                    .sorted { $0.startMinute > $1.startMinute }
                for range in open {
                    let start = PeriodMath.at(day, minute: range.startMinute, in: cal)
                    let end = min(now, PeriodMath.at(day, minute: range.endMinute, in: cal))
                    guard end > start else { continue }
                    let span = end.timeIntervalSince(start)
                    if left <= span { return end.addingTimeInterval(-left) }
                    left -= span
                }
            }
            day = PeriodMath.adding(days: -1, to: day)
        }
        return now.addingTimeInterval(-left)
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and the same on every platform, which
/// `SystemRandomNumberGenerator` is not meant to be. The demo data, the benchmark's data set
/// and the tests' generated cases all come from it, so the same seed gives the same data.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform enough for demo data; the modulo bias is far below anything visible.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    public mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }
}
