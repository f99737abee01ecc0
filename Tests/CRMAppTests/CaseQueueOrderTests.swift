@testable import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// The queue follows the next breach on the dashboard and the wall, and keeps doing so as
/// the rows are brought to each new second in place.
@Suite struct CaseQueueOrderTests {
    static let berlinOffice = BusinessCalendar(
        name: "default", zone: "Europe/Berlin",
        hours: (1...5).map { OpenRange(weekday: $0, startMinute: 9 * 60, endMinute: 17 * 60) })

    /// Office hours for high and normal, around the clock for urgent and low.
    static let settings = Settings(
        calendars: [berlinOffice],
        slaPolicies: [
            SLAPolicy(priority: .high, firstResponse: 4 * 3600, resolution: 16 * 3600, calendar: "default"),
            SLAPolicy(priority: .normal, firstResponse: 8 * 3600, resolution: 24 * 3600, calendar: "default"),
            SLAPolicy(priority: .urgent, firstResponse: 3600, resolution: 4 * 3600),
            SLAPolicy(priority: .low, firstResponse: 24 * 3600, resolution: 72 * 3600),
        ])

    static func at(_ hhmm: String, day: Int = 23) -> Date {
        ISO8601DateFormatter().date(from: "2026-11-\(day)T\(hhmm):00Z")!
    }

    /// An hour left on office hours at 16:30 Berlin (due Tue 09:30) and two hours left around
    /// the clock (due Mon 18:30).
    static func twoCalendars() -> DataSet {
        var data = Fixture.data
        data.settings = settings
        data.cases = [
            SupportCase(id: "C-1", title: "Office hours", customer: "ACME", priority: .high, status: .new,
                        opened: at("12:30")),
            SupportCase(id: "C-2", title: "Around the clock", customer: "ACME", priority: .urgent, status: .open,
                        opened: at("13:30"), firstResponseAt: at("14:00"), lastResponseAt: at("14:00")),
        ]
        return data
    }

    @Test func theDashboardAndTheWallListTheNextBreachFirst() {
        var state = AppState(data: Self.twoCalendars(), user: "maria", now: Self.at("15:30"),
                             size: Size(width: 120, height: 30))
        #expect(state.derived.cases.map(\.item.id) == ["C-2", "C-1"])
        state.wall = WallSettings(rotate: 15, title: "Support", startedAt: Self.at("15:30"))
        _ = Reducer.reduce(&state, .tick(Self.at("15:30") + 15))
        let text = Dashboard.render(state).plainText()
        let around = text.range(of: "Around the clock")
        let office = text.range(of: "Office hours")
        #expect(around != nil && office != nil, "\(text)")
        if let around, let office { #expect(around.lowerBound < office.lowerBound, "\(text)") }
    }

    /// Across closing time the office clocks stand still while the others run on, so the order
    /// changes between seconds: the rows updated in place must come out as a fresh look would.
    @Test func rowsUpdatedInPlaceKeepTheNextBreachOrderAcrossClosingTime() {
        var data = DerivationMemoTests.manyCases()
        data.settings = Self.settings
        var state = AppState(data: data, user: "maria", now: Self.at("15:00"), size: Size(width: 120, height: 40))
        for now in [Self.at("15:30"), Self.at("15:59"), Self.at("16:01"), Self.at("21:00"), Self.at("08:30", day: 24)] {
            _ = Reducer.reduce(&state, .tick(now))
            let rows = state.derived.cases
            let expected = rows.sorted {
                SLA.urgencyOrder(($0.item, SLA.clocks(for: $0.item, settings: data.settings, now: now)),
                                 ($1.item, SLA.clocks(for: $1.item, settings: data.settings, now: now)))
            }
            #expect(rows.map(\.item.id) == expected.map(\.item.id))
            #expect(state.derived == DerivationMemoTests.fresh(state))
        }
    }
}
