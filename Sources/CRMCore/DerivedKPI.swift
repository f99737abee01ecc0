import Foundation

/// KPIs that crmtop counts from its own cases and reminders, so nobody has to log them and
/// nobody can inflate them by logging. Their ids are reserved: a KPI in kpis.json with one
/// of these ids gives them points, a cap and goals; without one they are not scored.
/// Activities logged against a reserved id are ignored.
public enum DerivedKPI: String, Sendable, CaseIterable {
    /// A case resolved (and not reopened since), credited to its owner when it was resolved.
    case casesResolved = "cases-resolved"
    /// As `casesResolved`, when the resolution SLA was met. A case whose policy sets no
    /// resolution target has no SLA to be within, so it does not count.
    case casesResolvedInSLA = "cases-resolved-in-sla"
    /// A first response (or a resolution before any response, which answers the customer
    /// too) within the first-response SLA, credited to the case's owner.
    case firstResponsesInSLA = "first-responses-in-sla"
    /// A reminder acknowledged at or before its due time, credited to the owner who did.
    case remindersAckedBeforeDue = "reminders-acked-before-due"

    public static func isReserved(_ id: String) -> Bool { DerivedKPI(rawValue: id) != nil }

    /// Calls `record(person, kpi, at)` once per unit earned in `[start, now]`, for the `kinds`
    /// asked for. Nothing after `now` counts: a board at a past moment must not see the future.
    /// Returns the earliest moment before `start` that might have earned something, so a
    /// caller looking further back knows whether there is anything to find.
    @discardableResult
    static func forEachEvent(in data: DataSet, kinds: Set<DerivedKPI>, from start: Date, through now: Date,
                             _ record: (String, DerivedKPI, Date) -> Void) -> Date? {
        guard !kinds.isEmpty else { return nil }
        var earlier: Date?
        func inWindow(_ date: Date?) -> Date? {
            guard let date, date <= now else { return nil }
            if date < start {
                earlier = min(earlier ?? date, date)
                return nil
            }
            return date
        }
        let caseKinds: Set<DerivedKPI> = [.casesResolved, .casesResolvedInSLA, .firstResponsesInSLA]
        for item in kinds.isDisjoint(with: caseKinds) ? [] : data.cases {
            guard let owner = item.owner else { continue }
            let resolved = item.status.isOpen ? nil : inWindow(item.resolvedAt)
            let responded = inWindow([item.firstResponseAt, item.resolvedAt].compactMap { $0 }.min())
            guard resolved != nil || responded != nil else { continue }
            if let resolved, kinds.contains(.casesResolved) { record(owner, .casesResolved, resolved) }
            // Only cases that earn something here pay for their SLA clocks.
            let needsClocks = (resolved != nil && kinds.contains(.casesResolvedInSLA))
                || (responded != nil && kinds.contains(.firstResponsesInSLA))
            guard needsClocks else { continue }
            let clocks = SLA.clocks(for: item, settings: data.settings, now: now)
            func met(_ metric: SLAMetric) -> Bool {
                clocks.contains { $0.metric == metric && $0.state == .met }
            }
            if let resolved, kinds.contains(.casesResolvedInSLA), met(.resolution) {
                record(owner, .casesResolvedInSLA, resolved)
            }
            if let responded, kinds.contains(.firstResponsesInSLA), met(.firstResponse) {
                record(owner, .firstResponsesInSLA, responded)
            }
        }
        guard kinds.contains(.remindersAckedBeforeDue) else { return earlier }
        for reminder in data.reminders {
            for (person, at) in reminder.acknowledgedBy where at <= reminder.due && reminder.isOwned(by: person) {
                if let at = inWindow(at) { record(person, .remindersAckedBeforeDue, at) }
            }
        }
        return earlier
    }
}
