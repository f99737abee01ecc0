import CRMCore
import Foundation
import Testing

@Suite struct DirectoryChangeTests {
    let lea = Person(id: "lea", name: "Lea Park", role: "agent")
    let winter = DateRange(from: LocalDate("2026-12-21")!, to: LocalDate("2027-01-02")!)

    @Test func anAbsenceIsAddedOnceToWhoeverHasTheHandleNow() throws {
        var data = DataSet(people: [lea])
        data.people[0].name = "Lea Park-Jones"  // changed meanwhile by someone else
        let change = Mutation.directory(.addAway(person: "lea", winter))
        try change.apply(to: &data)
        try change.apply(to: &data)
        #expect(data.people == [Person(id: "lea", name: "Lea Park-Jones", role: "agent", away: [winter])])
    }

    @Test func anAbsenceForSomeoneGoneIsRefused() {
        var data = DataSet(people: [lea])
        #expect(throws: MutationError("no person with id max")) {
            try Mutation.directory(.addAway(person: "max", winter)).apply(to: &data)
        }
        #expect(data == DataSet(people: [lea]))
    }
}
