import Foundation

/// Consecutive local days, with the instant each begins, so that placing an activity on its
/// day is a binary search instead of a calendar computation for each of a million of them.
struct DayWindow {
    let first: LocalDate
    let count: Int
    /// `starts[i]` begins day `i`; `starts[count]` ends the last one.
    private let starts: [Date]
    /// Whether day `i` is a working day of the calendar.
    let working: [Bool]

    init(from first: LocalDate, through last: LocalDate, calendar: BusinessCalendar, cal: Calendar) {
        self.first = first
        count = max(1, PeriodMath.daysBetween(first, last) + 1)
        let days = (0...count).map { PeriodMath.adding(days: $0, to: first) }
        starts = days.map { PeriodMath.startOfDay($0, in: cal) }
        working = days.dropLast().map { PeriodMath.isWorkingDay($0, in: calendar) }
    }

    var start: Date { starts[0] }

    func day(_ index: Int) -> LocalDate { PeriodMath.adding(days: index, to: first) }

    func index(of day: LocalDate) -> Int {
        PeriodMath.daysBetween(first, day)
    }

    /// The day an instant falls on; nil outside the window.
    func index(of date: Date) -> Int? {
        guard starts[0] <= date, date < starts[count] else { return nil }
        var low = 0, high = count  // starts[low] <= date < starts[high]
        while high - low > 1 {
            let mid = (low + high) / 2
            if starts[mid] <= date { low = mid } else { high = mid }
        }
        return low
    }

    /// The days of a period, clipped to the window.
    func indexes(of range: PeriodRange, cal: Calendar) -> Range<Int> {
        let lower = index(of: PeriodMath.localDate(of: range.start, in: cal))
        let upper = index(of: PeriodMath.localDate(of: range.end.addingTimeInterval(-1), in: cal)) + 1
        return max(0, lower)..<min(count, max(lower, upper))
    }
}

/// Units per person, KPI and day over a window of days, from logged activities and derived
/// KPIs alike, built in one pass so the current period, the previous one and every streak
/// read the same buckets.
struct ActivityTally {
    let window: DayWindow
    /// The KPIs scored, first of each id, in the order of kpis.json.
    let kpis: [KPI]
    let people: [Person]
    let personIndex: [String: Int]
    /// Today's units with their times: who reached today's goals first needs the order.
    private(set) var today: [(person: Int, kpi: Int, at: Date, count: Int)] = []
    /// Whether anything before the window might have counted, so a streak that reaches the
    /// window's first day may go on before it.
    private(set) var hasEarlier = false
    private let caps: [Int?]
    /// `totals[offset + day]`, with each person's KPI given `window.count` slots on first use.
    private var totals: [Int] = []
    private var offsets: [Int]

    init(_ data: DataSet, window: DayWindow, until now: Date) {
        self.window = window
        people = unique(data.people)
        kpis = unique(data.kpis)
        caps = kpis.map(\.dailyCap)
        offsets = Array(repeating: -1, count: people.count * kpis.count)
        let personIndex = positions(people)
        self.personIndex = personIndex
        let kpiIndex = positions(kpis)
        // Derived KPIs come from the data itself; logging one does nothing.
        let loggable = kpiIndex.filter { !DerivedKPI.isReserved($0.key) }
        let todayIndex = window.index(of: now)
        let start = window.start

        func add(_ person: String, _ kpi: Int, _ at: Date, _ count: Int) {
            guard let p = personIndex[person], let day = window.index(of: at) else { return }
            let slot = p * kpis.count + kpi
            if offsets[slot] < 0 {
                offsets[slot] = totals.count
                totals.append(contentsOf: repeatElement(0, count: window.count))
            }
            totals[offsets[slot] + day] += count
            if day == todayIndex { today.append((p, kpi, at, count)) }
        }

        // Activities arrive mostly in time order, but nothing here depends on it.
        for activity in data.activities where activity.at <= now {
            guard activity.at >= start else { hasEarlier = true; continue }
            if let k = loggable[activity.kpi] { add(activity.person, k, activity.at, activity.count) }
        }
        let derived = Set(kpis.compactMap { DerivedKPI(rawValue: $0.id) })
        let earlier = DerivedKPI.forEachEvent(in: data, kinds: derived, from: start, through: now) {
            if let k = kpiIndex[$1.rawValue] { add($0, k, $2, 1) }
        }
        if earlier != nil { hasEarlier = true }
    }

    /// What one day earns: negative corrections cannot take a day below zero, and the cap
    /// stops a burst of logging from buying the board.
    func counted(person: Int, kpi: Int, day: Int) -> Int {
        let total = logged(person: person, kpi: kpi, day: day)
        return caps[kpi].map { min($0, total) } ?? total
    }

    /// A day's units before the cap: corrections included, never below zero.
    func logged(person: Int, kpi: Int, day: Int) -> Int {
        let offset = offsets[person * kpis.count + kpi]
        return offset < 0 ? 0 : max(0, totals[offset + day])
    }

    func logged(person: Int, kpi: Int, days: Range<Int>) -> Int {
        guard offsets[person * kpis.count + kpi] >= 0 else { return 0 }
        return days.reduce(0) { $0 + logged(person: person, kpi: kpi, day: $1) }
    }

    func count(person: Int, kpi: Int, days: Range<Int>) -> Int {
        guard offsets[person * kpis.count + kpi] >= 0 else { return 0 }
        return days.reduce(0) { $0 + counted(person: person, kpi: kpi, day: $1) }
    }
}

/// The first of each id wins, as everywhere else that looks an id up.
private func unique<T: Identifiable>(_ items: [T]) -> [T] where T.ID == String {
    var seen: Set<String> = []
    return items.filter { seen.insert($0.id).inserted }
}

private func positions<T: Identifiable>(_ items: [T]) -> [String: Int] where T.ID == String {
    Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
}
