import CRMCore
import Foundation

/// A large, deterministic data set for `crmtop bench`: the same counts always give the same
/// bytes, so figures from different machines or commits compare like with like.
struct ScaleData {
    var reminders = 100_000
    var openCases = 20_000
    var people = 500
    var activities = 1_000_000
    /// How many people own the reminders: the first `owners`, in turn. One is a power
    /// user's whole backlog.
    var owners: Int? = nil

    /// Monday 2026-11-23 10:00 in Berlin, in the middle of a working day.
    static let now = Date(timeIntervalSince1970: 1_795_424_400)
    static let nowText = "2026-11-23T10:00:00+01:00"
    /// Whose dashboard is measured.
    static let user = "p0001"

    static let firstNames = ["Maria", "Jonas", "Aisha", "Kenji", "Priya", "Lucas", "Sofia", "Emeka",
                             "Ingrid", "Tomasz", "Lena", "Omar", "Chen", "Fatima", "Mateo", "Yuki"]
    static let lastNames = ["Oliveira", "Weber", "Khan", "Watanabe", "Raman", "Moreau", "Rossi",
                            "Okafor", "Johansson", "Nowak", "Brandt", "Haddad", "Li", "Diallo"]
    static let verbs = ["Call", "Email", "Send quote to", "Follow up with", "Prepare demo for",
                        "Renew contract with", "Check invoice of", "Book meeting with"]
    static let customers = ["Acme", "Nordwind GmbH", "Kowalski & Sons", "Lumen Health", "Vantage Retail",
                            "Helios Energy", "Sakura Foods", "Baltic Timber", "Casa Verde", "Oduya Partners"]

    /// A team per 25 people, at least one.
    var teams: Int { max(1, min(20, people / 25)) }

    func make() -> DataSet {
        var random = SplitMix64(seed: 0xC0FFEE)
        let demo = DemoData.make(now: Self.now)
        let people = makePeople()
        let handles = people.map(\.id)
        let ownerHandles = owners.map { Array(handles.prefix(max(1, $0))) } ?? handles
        func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        func minutes(_ range: ClosedRange<Int>) -> Date {
            Self.now.addingTimeInterval(TimeInterval(60 * (range.lowerBound
                + Int(random.next() % UInt64(range.count)))))
        }

        var reminders: [Reminder] = []
        reminders.reserveCapacity(self.reminders)
        for n in 0..<self.reminders {
            // Everyone gets a fair share, the benchmark's user included.
            var owners = [ownerHandles[n % ownerHandles.count]]
            if random.next() % 4 == 0, ownerHandles.count > 1 { owners.append(pick(ownerHandles)) }
            let due = minutes(-60 * 24 * 30 ... 60 * 24 * 60)
            var acknowledged: [String: Date] = [:]
            if due < Self.now, random.next() % 3 != 0 { acknowledged[owners[0]] = due }
            reminders.append(Reminder(
                id: "r-\(100_000 + n)", title: "\(pick(Self.verbs)) \(pick(Self.customers)) #\(n)",
                notes: n % 5 == 0 ? "Ask about the renewal and the open invoice." : nil,
                link: n % 7 == 0 ? "https://crm.example.com/accounts/\(n)" : nil,
                priority: pick(ReminderPriority.allCases), owners: owners, creator: owners[0],
                start: due.addingTimeInterval(-1800), due: due,
                end: n % 3 == 0 ? due.addingTimeInterval(86_400) : nil,
                repeatRule: n % 11 == 0 ? .weekly : nil, acknowledgedBy: acknowledged))
        }

        var cases: [SupportCase] = []
        cases.reserveCapacity(openCases)
        let openStates: [CaseStatus] = [.new, .open, .open, .pendingCustomer]
        for n in 0..<openCases {
            let owner = pick(handles)
            let opened = minutes(-60 * 24 * 10 ... -5)
            let responded = random.next() % 2 == 0 ? opened.addingTimeInterval(1200) : nil
            let status = pick(openStates)
            cases.append(SupportCase(
                id: "c-\(100_000 + n)", title: "Ticket \(n): \(pick(Self.verbs).lowercased()) support",
                customer: pick(Self.customers), kind: n % 10 == 0 ? .feedback : .standard,
                priority: pick(CasePriority.allCases), status: status, owner: owner,
                team: "team-\(n % teams)", influencer: n % 10 == 0 ? "inf-\(n % 50)" : nil, opened: opened,
                firstResponseAt: responded.map { min($0, Self.now) },
                pauses: status == .pendingCustomer ? [Pause(start: Self.now.addingTimeInterval(-600))] : [],
                history: [HistoryEvent(at: opened, actor: owner, action: "opened")]))
        }

        var activities: [Activity] = []
        activities.reserveCapacity(self.activities)
        let kpis = demo.kpis.map(\.id)
        // A year of logging, oldest first, as an append-only log grows.
        let span = 365 * 24 * 60
        for n in 0..<self.activities {
            let at = Self.now.addingTimeInterval(TimeInterval(60 * (n * span / self.activities - span)))
            activities.append(Activity(person: pick(handles), kpi: pick(kpis),
                                       count: 1 + Int(random.next() % 3), at: at))
        }

        return DataSet(
            reminders: reminders, cases: cases,
            influencers: (0..<50).map { Influencer(id: "inf-\($0)", name: "Influencer \($0)") },
            people: people,
            teams: (0..<teams).map { Team(id: "team-\($0)", name: "Team \($0)", lead: handles[$0]) },
            kpis: demo.kpis, activities: activities, settings: demo.settings)
    }

    private func makePeople() -> [Person] {
        let roles = ["sales-rep", "sales-rep", "support-agent", "support-agent", "team-lead"]
        return (0..<people).map { n in
            let id = String(format: "p%04d", n + 1)
            return Person(id: id, name: "\(Self.firstNames[n % 16]) \(Self.lastNames[n % 14]) \(n + 1)",
                          role: n == 0 ? "team-lead" : roles[n % roles.count], team: "team-\(n % teams)",
                          manager: n < teams ? nil : String(format: "p%04d", n % teams + 1))
        }
    }
}
