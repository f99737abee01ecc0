import CRMCalDAV
import CalDAVTestServer
import Foundation
import Testing

/// The CalDAV requests against a real Radicale on loopback.
@Suite struct CalDAVClientTests {
    let server: RadicaleServer

    init() throws {
        server = try RadicaleServer.shared.get()
    }

    static func event(_ uid: String, summary: String) -> String {
        """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//crmtop tests//EN\r
        BEGIN:VEVENT\r
        UID:\(uid)\r
        DTSTAMP:20261201T090000Z\r
        DTSTART:20261210T090000Z\r
        DTEND:20261210T100000Z\r
        SUMMARY:\(summary)\r
        END:VEVENT\r
        END:VCALENDAR\r

        """
    }

    func client(_ user: String = "alice") -> CalDAVClient {
        CalDAVClient(exchange: server.exchange(for: user))
    }

    @Test func discoveryFromTheServersBaseAddressFindsTheUsersCalendars() throws {
        let events = try server.makeCalendar(for: "alice", components: ["VEVENT"])
        let todos = try server.makeCalendar(for: "alice", components: ["VTODO"])
        let found = try client().discoverCalendars(from: server.base)
        let byURL = Dictionary(uniqueKeysWithValues: found.map { ($0.url, $0) })
        #expect(byURL[events]?.holds("VEVENT") == true)
        #expect(byURL[events]?.holds("VTODO") == false)
        #expect(byURL[todos]?.components == ["VTODO"])
        #expect(byURL[events]?.syncToken != nil)
        #expect(found.allSatisfy { $0.url.path.hasPrefix("/alice/") })
    }

    /// An address that answers nothing itself (a web server's front page, say): the
    /// well-known address of RFC 6764 and its redirect lead to the principal.
    @Test func discoveryFollowsTheWellKnownAddress() throws {
        let calendar = try server.makeCalendar(for: "alice")
        let found = try client().discoverCalendars(from: server.base.appendingPathComponent("no-dav-here/"))
        #expect(found.map(\.url).contains(calendar))
    }

    @Test func discoveryFromACollectionAddressIsThatCollection() throws {
        let calendar = try server.makeCalendar(for: "alice")
        let found = try client().discoverCalendars(from: calendar)
        #expect(found.map(\.url) == [calendar])
        #expect(found.first?.displayName == "Test")
    }

    @Test func aWrongPasswordIsSaidSoAndNeverShown() throws {
        let wrong = CalDAVClient(exchange: server.exchange(for: "alice", password: "not-the-pass-word"))
        #expect {
            _ = try wrong.discoverCalendars(from: server.base)
        } throws: { error in
            let text = "\(error)"
            return text.contains("401") && text.contains("login was refused") && !text.contains("not-the-pass-word")
        }
    }

    @Test func aWriteNeverOverwritesAChangeMadeOnTheServerMeanwhile() throws {
        let calendar = try server.makeCalendar(for: "alice")
        let item = calendar.appendingPathComponent("call-acme.ics")
        let first = try client().put(Self.event("call-acme", summary: "Call Acme"), at: item, replacing: nil)
        #expect(first != nil)
        // Nothing new is written over an item that exists.
        #expect(throws: CalDAVError.changedOnServer(url: item)) {
            _ = try client().put(Self.event("call-acme", summary: "Mine"), at: item, replacing: nil)
        }
        // The phone changes it; a write from the version read before is refused, and the
        // phone's version stays.
        let second = try client().put(Self.event("call-acme", summary: "Call Acme at 10"), at: item, replacing: first)
        #expect(throws: CalDAVError.changedOnServer(url: item)) {
            _ = try client().put(Self.event("call-acme", summary: "Stale"), at: item, replacing: first)
        }
        #expect(throws: CalDAVError.changedOnServer(url: item)) { try client().delete(at: item, etag: first!) }
        let read = try client().items(in: calendar, hrefs: [item.path])
        #expect(read.count == 1)
        #expect(read.first?.calendarData.contains("SUMMARY:Call Acme at 10") == true)
        #expect(read.first?.version.etag == second)
    }

    @Test func aSyncTokenTellsWhatChangedAndWhatWasRemoved() throws {
        let calendar = try server.makeCalendar(for: "alice")
        let a = calendar.appendingPathComponent("a.ics"), b = calendar.appendingPathComponent("b.ics")
        let tagA = try client().put(Self.event("a", summary: "A"), at: a, replacing: nil)
        let tagB = try client().put(Self.event("b", summary: "B"), at: b, replacing: nil)
        let everything = try #require(try client().changes(in: calendar, since: nil))
        #expect(Set(everything.changed.map(\.href)) == [a.path, b.path])
        #expect(everything.removed.isEmpty)
        let token = try #require(everything.token)

        try client().delete(at: a, etag: tagA!)
        let tagB2 = try client().put(Self.event("b", summary: "B moved"), at: b, replacing: tagB)
        let since = try #require(try client().changes(in: calendar, since: token))
        #expect(since.changed == [CalendarItemVersion(href: b.path, etag: tagB2!)])
        #expect(since.removed == [a.path])
        #expect(since.token != token)

        let nothing = try #require(try client().changes(in: calendar, since: since.token))
        #expect(nothing.changed.isEmpty && nothing.removed.isEmpty)
    }

    @Test func aTokenTheServerDoesNotKnowAsksForAFullListing() throws {
        let calendar = try server.makeCalendar(for: "alice")
        #expect(try client().changes(in: calendar, since: "http://radicale.org/ns/sync/nonsense") == nil)
    }

    @Test func itemsAreReadInPagesWithProgressAndListedWithTheirVersions() throws {
        let calendar = try server.makeCalendar(for: "alice")
        var tags: [String: String] = [:]
        for n in 1...5 {
            let url = calendar.appendingPathComponent("e\(n).ics")
            tags[url.path] = try client().put(Self.event("e\(n)", summary: "Event \(n)"), at: url, replacing: nil)
        }
        let versions = try client().versions(in: calendar)
        #expect(Dictionary(uniqueKeysWithValues: versions.map { ($0.href, $0.etag) }) == tags)
        var seen: [Int] = []
        let items = try client().items(in: calendar, hrefs: versions.map(\.href).sorted(), pageSize: 2) { seen.append($0) }
        #expect(seen == [2, 4, 5])
        #expect(items.map { $0.calendarData.contains("SUMMARY:Event") }.allSatisfy { $0 })
        #expect(Set(items.map(\.version.href)) == Set(tags.keys))
    }

    @Test func anotherUsersCalendarIsRefusedWithTheStatusNamed() throws {
        let bobs = try server.makeCalendar(for: "bob")
        #expect {
            _ = try client("alice").versions(in: bobs)
        } throws: { error in
            guard case .refused(_, _, let status, _) = error as? CalDAVError else { return false }
            return status == 403 || status == 404
        }
    }

    @Test func aServerThatIsGoneIsUnreachableWithItsAddressNamed() throws {
        let own = try RadicaleServer()
        let calendar = try own.makeCalendar(for: "alice")
        own.stop()
        let client = CalDAVClient(exchange: own.exchange(for: "alice"))
        #expect {
            _ = try client.versions(in: calendar)
        } throws: { error in
            guard case .unreachable(let url, _) = error as? CalDAVError else { return false }
            return url == calendar && "\(error)".contains("127.0.0.1")
        }
    }
}
