import CRMCore
@testable import CRMStore
import Foundation
import Testing

/// How imports match what is already there, for the kinds without a reminder's external id.
@Suite struct ActivityImportPlanTests {
    let data = DataSet(people: [Person(id: "maria", name: "Maria Oliveira", role: "sales-rep")],
                       kpis: [KPI(id: "calls", name: "Calls", points: 2)],
                       activities: [Activity(person: "maria", kpi: "calls", at: Date(timeIntervalSince1970: 1_800_000_000))])

    func record(_ line: Int, count: Int = 1, note: String? = nil, second: Double = 1_800_000_000) -> ImportedActivity {
        ImportedActivity(line: line, activity: Activity(person: "maria", kpi: "calls", count: count,
                                                        at: Date(timeIntervalSince1970: second), note: note))
    }

    @Test func identicalActivitiesAreCountedAsOftenAsTheyAppear() throws {
        let plan = try ImportPlan(activities: [record(2), record(3)], into: data)
        #expect(plan.unchanged == ["line 2"])
        #expect(plan.added == ["line 3"])
        #expect(plan.mutations == [.logActivity(record(3).activity)])
    }

    @Test func aDifferentNoteAtTheSameMomentBesideTheLoggedOneIsAnother() throws {
        let plan = try ImportPlan(activities: [record(2), record(3, note: "second call")], into: data)
        #expect(plan.unchanged == ["line 2"] && plan.added == ["line 3"])
    }

    @Test func aChangeToALoggedActivityIsRefused() {
        #expect(throws: ImportProblem.self) { try ImportPlan(activities: [record(2, count: 2)], into: data) }
    }

    @Test func fractionsOfASecondDoNotMakeAnotherActivity() throws {
        let plan = try ImportPlan(activities: [record(2, second: 1_800_000_000.4)], into: data)
        #expect(plan.added.isEmpty && plan.unchanged == ["line 2"])
    }

    @Test func aCountedKPIIsNotLogged() {
        var withDerived = data
        withDerived.kpis.append(KPI(id: "cases-resolved", name: "Resolved", points: 5))
        let derived = ImportedActivity(line: 2, activity: Activity(person: "maria", kpi: "cases-resolved", at: .now))
        #expect(throws: ImportProblem(line: 2, field: "kpi", "cases-resolved is counted from crmtop's own cases and reminders")) {
            try ImportPlan(activities: [derived], into: withDerived)
        }
    }
}

@Suite struct PeopleImportPlanTests {
    let data = DataSet(people: [Person(id: "maria", name: "Maria Oliveira", role: "team-lead", team: "sales")],
                       teams: [Team(id: "sales", name: "Sales", lead: "maria")])

    @Test func aUserNameThatIsAnAddressNamesTheKnownPerson() throws {
        let csv = "Username,Full Name,Title\r\nmaria.oliveira@example.com,Maria Oliveira,Team Lead\r\n"
        let records = try PeopleCSV.records(csv, map: [:], people: data.people)
        #expect(records.map(\.handle) == ["maria"])
        let plan = try ImportPlan(people: records, into: data)
        #expect(plan.unchanged == ["maria"] && plan.mutations.isEmpty)
    }

    @Test func teamsAreFoundByNameAndOtherwiseAdded() throws {
        let csv = "id,name,role,department\r\nlea,Lea Park,Sales Rep,SALES\r\nomar,Omar Haddad,Agent,Field Service\r\n"
        let plan = try ImportPlan(people: try PeopleCSV.records(csv, map: [:], people: data.people), into: data)
        #expect(plan.added == ["team field-service", "lea", "omar"])
        #expect(plan.mutations.contains(.directory(.putTeam(Team(id: "field-service", name: "Field Service")))))
        #expect(plan.mutations.contains(.directory(.putPerson(Person(id: "lea", name: "Lea Park", role: "sales-rep", team: "sales")))))
    }

    @Test func aHandleWithASpaceIsRefused() {
        #expect(throws: ImportProblem(line: 2, field: "id",
                                      "\"lea park\" cannot be a handle: it must have no spaces, commas or semicolons")) {
            try ImportPlan(people: try PeopleCSV.records("id,role\r\nlea park,agent\r\n", map: [:], people: []), into: data)
        }
    }

    @Test func aTeamsLeadMustBeSomeone() throws {
        let json = #"{"version": 2, "people": [], "teams": [{"id": "sales", "name": "Sales", "lead": "nobody"}]}"#
        let records = try PeopleJSONTransfer.records(Array(json.utf8))
        #expect(throws: ImportProblem(line: 1, field: "lead", "no person nobody")) {
            try ImportPlan(people: records.people, teams: records.teams, into: data)
        }
    }
}

@Suite struct CaseCSVRecordTests {
    @Test func anOwnerMustBeSomeoneEvenWhenNobodyIsKnownYet() {
        let csv = "Id,Subject,Organization,Assignee,Created at\r\n1,Printer on fire,Acme,Lucas Moreau,2026-11-23 09:00\r\n"
        var nobody = ImportPeople(DataSet())
        #expect(throws: ImportProblem(line: 2, field: "owner", "\"Lucas Moreau\" is not a person in people.json "
            + "(there are no people yet); add them with crmtop person add, or import with --create-people")) {
            try CaseCSV.records(csv, map: [:], zone: .gmt, data: DataSet(), people: &nobody)
        }
    }

    @Test func anOwnerNobodyKnowsIsAddedWhenPeopleMayBe() throws {
        let csv = "Id,Subject,Organization,Assignee,Created at\r\n1,Printer on fire,Acme,Lucas Moreau,2026-11-23 09:00\r\n"
            + "2,Paper jam,Acme,lucas moreau,2026-11-23 09:10\r\n"
        var people = ImportPeople(DataSet(), addingWithRole: "agent")
        let records = try CaseCSV.records(csv, map: [:], zone: .gmt, data: DataSet(), people: &people)
        #expect(records.map { $0.fields.contains(.owner("lucas-moreau")) } == [true, true])
        #expect(people.added == [Person(id: "lucas-moreau", name: "Lucas Moreau", role: "agent")])
    }

    @Test func helpDeskWordsBecomeCrmtopsStatusesAndPriorities() throws {
        let csv = "Id,Subject,Organization,Status,Priority,Created at\r\n"
            + "1,a,Acme,On-hold,P1,2026-11-23 09:00\r\n2,b,Acme,Working,Medium,2026-11-23 09:00\r\n"
        var nobody = ImportPeople(DataSet())
        let records = try CaseCSV.records(csv, map: [:], zone: .gmt, data: DataSet(), people: &nobody)
        #expect(records[0].fields.contains(.status(.pendingCustomer)) && records[0].fields.contains(.priority(.urgent)))
        #expect(records[1].fields.contains(.status(.open)) && records[1].fields.contains(.priority(.normal)))
    }
}
