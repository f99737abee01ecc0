import Foundation

extension DemoData {
    static let teams: [Team] = [
        Team(id: "sales", name: "Sales", lead: "maria"),
        Team(id: "support", name: "Support", lead: "priya"),
    ]

    static let people: [Person] = [
        Person(id: "maria", name: "Maria Oliveira", role: "team-lead", team: "sales",
               manager: "tomasz"),
        Person(id: "jonas", name: "Jonas Weber", role: "sales-rep", team: "sales", manager: "maria"),
        Person(id: "aisha", name: "Aisha Khan", role: "sales-rep", team: "sales", manager: "maria"),
        Person(id: "kenji", name: "Kenji Watanabe", role: "sales-rep", team: "sales",
               manager: "maria"),
        Person(id: "priya", name: "Priya Raman", role: "team-lead", team: "support",
               manager: "ingrid"),
        Person(id: "lucas", name: "Lucas Moreau", role: "support-agent", team: "support",
               manager: "priya"),
        Person(id: "sofia", name: "Sofia Rossi", role: "support-agent", team: "support",
               manager: "priya"),
        Person(id: "emeka", name: "Emeka Okafor", role: "support-agent", team: "support",
               manager: "priya"),
        Person(id: "ingrid", name: "Ingrid Johansson", role: "head-of-support", manager: "tomasz"),
        Person(id: "tomasz", name: "Tomasz Nowak", role: "senior-management"),
    ]

    static let kpis: [KPI] = [
        KPI(id: "calls", name: "Calls", unit: "calls", points: 2, dailyCap: 20,
            goals: [Goal(role: "sales-rep", count: 10, period: .day)]),
        // Appointments come in lumps, so a daily goal would punish a good week with a quiet
        // Monday; the week and the month are what sales managers actually look at.
        KPI(id: "appointments", name: "Appointments", unit: "meetings", points: 10, dailyCap: 6,
            goals: [Goal(role: "sales-rep", count: 5, period: .week),
                    Goal(role: "sales-rep", count: 20, period: .month)]),
        KPI(id: "quotes-sent", name: "Quotes sent", unit: "quotes", points: 5,
            goals: [Goal(role: "sales-rep", count: 3, period: .week),
                    Goal(role: "sales-rep", count: 12, period: .month)]),
        KPI(id: "cases-closed", name: "Cases closed", unit: "cases", points: 5, dailyCap: 15,
            goals: [Goal(role: "support-agent", count: 8, period: .day)]),
        KPI(id: "first-responses", name: "First responses", unit: "replies", points: 1,
            dailyCap: 30, goals: [Goal(role: "support-agent", count: 10, period: .day)]),
        // Counted by crmtop from the cases and reminders themselves (`DerivedKPI`): resolving a
        // case, answering within the SLA or acknowledging a reminder in time moves the board.
        // No goals: they reward good work on top of the logged goals rather than judge it.
        KPI(id: DerivedKPI.casesResolved.rawValue, name: "Cases resolved", unit: "cases", points: 10),
        KPI(id: DerivedKPI.firstResponsesInSLA.rawValue, name: "First responses in SLA", unit: "replies",
            points: 3),
        KPI(id: DerivedKPI.remindersAckedBeforeDue.rawValue, name: "Reminders done on time",
            unit: "reminders", points: 2),
    ]

    static let influencers: [Influencer] = [
        Influencer(id: "I-1", name: "Lena Brandt (CRM Weekly)",
                   url: "https://crmweekly.example.com/authors/lena-brandt",
                   notes: "Tech blogger, ~40k readers. Reviews onboarding and pricing; "
                       + "prefers a named contact and answers within a day."),
        Influencer(id: "I-2", name: "pipeline_pete (SalesOps forum)",
                   url: "https://forum.salesops.example.org/u/pipeline_pete",
                   notes: "Power user and forum moderator. Threads about sync issues get "
                       + "picked up by other admins quickly."),
        Influencer(id: "I-3", name: "ToolCompare pricing table",
                   url: "https://toolcompare.example.net/crm/pricing",
                   notes: "Comparison site. Listing changes send traffic spikes to the pricing "
                       + "page (3-4x normal sign-ups for a few hours); questions arrive by chat."),
    ]
}
