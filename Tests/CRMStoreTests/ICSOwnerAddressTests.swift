import CRMCore
import Foundation
import Testing
@testable import CRMStore

/// Owners leave as the address people.json gives them, or as a handle that says it is one,
/// and come back as the same people.
@Suite struct ICSOwnerAddressTests {
    static let people = [
        Person(id: "maria", name: "Maria Oliveira", role: "sales-manager", email: "m.oliveira@example.com"),
        Person(id: "jonas", name: "Jonas Weber", role: "sales-rep"),
    ]

    @Test func anOwnerWithAnAddressGoesOutAsItAndEveryOwnerComesBack() throws {
        let due = Date(timeIntervalSince1970: 1_795_428_000)
        let r = Reminder(id: "R-1", title: "Call Acme", owners: ["maria", "jonas"], due: due)
        let text = ReminderICS.export([r], people: Self.people, zone: .gmt, stamp: due)
        #expect(text.contains("ATTENDEE;CN=Maria Oliveira:mailto:m.oliveira@example.com"), "\(text)")
        #expect(text.contains("ATTENDEE;CN=Jonas Weber:urn:x-crmtop:person:jonas"), "\(text)")
        #expect(!text.contains("mailto:maria") && !text.contains("mailto:jonas"))
        // The address alone, without the name, still finds the person.
        let bare = text.replacingOccurrences(of: "ATTENDEE;CN=Maria Oliveira:", with: "ATTENDEE:")
        let back = try #require(try ReminderICS.records(bare, zone: .gmt, people: Self.people).records.first)
        let owners = back.fields.compactMap { field -> [String]? in
            if case .owners(let list) = field { list } else { nil }
        }
        #expect(owners == [["maria", "jonas"]])
    }
}
