import Foundation

extension DemoData {
    /// How long before or after `due` a reminder starts or its follow-up window closes.
    enum Offset {
        case minutes(Int)
        case day

        func before(_ date: Date, _ c: DemoClock) -> Date { move(date, sign: -1, c) }
        func after(_ date: Date, _ c: DemoClock) -> Date { move(date, sign: 1, c) }

        // A day is a calendar day in the zone, so a lead of one day keeps its clock time
        // across a DST change.
        private func move(_ date: Date, sign: Int, _ c: DemoClock) -> Date {
            switch self {
            case .minutes(let m): date.addingTimeInterval(TimeInterval(sign * m * 60))
            case .day: c.cal.date(byAdding: .day, value: sign, to: date) ?? date
            }
        }
    }

    private static let crm = "https://crm.example.com"

    /// Each reminder's comment names the state it is in at `now`, which is what the demo is for.
    static func reminders(_ c: DemoClock) -> [Reminder] {
        var list: [Reminder] = []
        func add(_ title: String, _ owners: [String], _ priority: ReminderPriority, due: Date,
                 lead: Offset? = nil, followUp: Offset? = nil, repeats: Repeat? = nil,
                 notes: String? = nil, link: String? = nil, acknowledged: [String: Date] = [:],
                 snoozed: [String: Date] = [:], edited: (at: Date, detail: String)? = nil) {
            let r = Reminder(
                id: "R-\(1001 + list.count)", title: title, notes: notes,
                link: link.map { crm + $0 }, priority: priority, owners: owners,
                creator: owners.count > 1 ? "maria" : owners.first,
                start: lead?.before(due, c), due: due, end: followUp?.after(due, c),
                repeatRule: repeats.map(Repetition.every), acknowledgedBy: acknowledged, snoozedUntil: snoozed)
            list.append(withHistory(r, edited: edited, c))
        }
        let m = c.minutes

        // maria, the default user
        add("Weekly pipeline review with the Sales team", ["maria"], .normal, due: m(110),
            lead: .minutes(30), repeats: .weekly,  // upcoming later today
            notes: "Stalled deals first; ask each rep for one risk and one ask.",
            link: "/reports/pipeline?team=sales")
        add("Call back Acme about renewal", ["maria", "jonas"], .high, due: m(-25),
            lead: .minutes(30), notes: "Contract ends next month; they want a 3-year price. "
                + "Jonas has the usage numbers.",
            link: "/accounts/acme-corp", acknowledged: ["jonas": m(-20)],  // one of two acked
            edited: (c.ago(3 * 60, businessHours: true), "priority: normal → high; owners: maria → maria, jonas"))
        add("Prepare quote for Nordwind GmbH", ["maria"], .high, due: m(180), lead: .day,  // active
            notes: "120 seats, 2-year term, tiered pricing. Legal wants the DPA attached.",
            link: "/opportunities/OPP-4471")
        add("Customer visit: Kowalski & Sons", ["maria", "jonas"], .normal, due: c.day(1, 10),
            lead: .minutes(60), followUp: .day,  // tomorrow
            notes: "Bring the signed NDA and the latest usage report. Parking at the back.",
            link: "/accounts/kowalski-sons")
        add("Approve discount for Fjordline AS", ["maria"], .high, due: m(0),  // just due
            notes: "Jonas asks for 12% on a 3-year deal; above 10% needs Tomasz.",
            link: "/opportunities/OPP-4502")
        add("Review Aisha's proposal for Lumen Health", ["maria"], .normal, due: m(-180),
            lead: .minutes(60), followUp: .day,  // overdue by hours, window still open
            link: "/opportunities/OPP-4489")
        add("Forecast call with Tomasz", ["maria"], .normal, due: m(-26 * 60),
            followUp: .minutes(60), notes: "Commit and best case per rep.")  // missed
        add("Send monthly sales report", ["maria"], .low, due: c.day(2, 16), lead: .day,
            repeats: .monthly, link: "/reports/monthly-sales")
        add("Prepare renewal negotiation: Sakura Foods", ["maria"], .high, due: m(-15),
            lead: .minutes(60), link: "/accounts/sakura-foods",
            snoozed: ["maria": m(20)])  // snoozed
        add("Post stand-up notes to the team channel", ["maria"], .low, due: m(-130),
            acknowledged: ["maria": m(-128)])  // acknowledged; a repeating one would move on
        add("Quarterly business review: Helios Energy", ["maria", "jonas"], .high, due: m(-50),
            lead: .day, followUp: .day, notes: "Agenda sent; Jonas still owes the adoption slide.",
            link: "/accounts/helios-energy", acknowledged: ["maria": m(-45)])  // one of two acked

        // jonas
        add("Call back Meridian Logistics about the pilot", ["jonas"], .high, due: m(12),
            lead: .minutes(30), link: "/accounts/meridian-logistics")  // active
        add("Send contract draft to Baltic Timber", ["jonas"], .normal, due: m(-100),
            notes: "Use the 2-year template; their procurement needs it as PDF.",
            link: "/opportunities/OPP-4455")  // overdue, no window
        add("Follow up on webinar sign-ups", ["jonas"], .low, due: m(160), repeats: .daily,
            link: "/campaigns/webinar-leads")
        add("Demo for Vantage Retail", ["jonas"], .high, due: c.day(1, 14), lead: .minutes(60),
            followUp: .minutes(60), notes: "Focus on the POS integration; 4 attendees.",
            link: "/opportunities/OPP-4510")
        add("Update opportunity stages before the forecast", ["jonas"], .normal, due: m(-1),
            repeats: .weekdays)  // just due
        add("Lunch meeting: Oduya Partners", ["jonas"], .normal, due: c.day(1, 12, 30),
            followUp: .minutes(60), notes: "Table for three at Lokal am Markt.")

        // aisha
        add("Prepare quote for Lumen Health", ["aisha"], .high, due: m(90), lead: .day,
            link: "/opportunities/OPP-4489", acknowledged: ["aisha": m(-30)])  // done ahead of time
        add("Call back Casa Verde about the invoice", ["aisha"], .normal, due: m(-12),
            lead: .minutes(30), notes: "They were charged twice last month.",
            link: "/accounts/casa-verde")  // overdue by minutes
        add("Customer visit: Almeida Transportes", ["aisha"], .high, due: c.day(1, 9, 30),
            lead: .minutes(60), followUp: .day, link: "/accounts/almeida-transportes")
        add("Check in with Nordic Bikes after onboarding", ["aisha"], .low, due: m(210),
            link: "/accounts/nordic-bikes")
        add("Send case study to Pacific Dental", ["aisha"], .low, due: m(-25 * 60),
            acknowledged: ["aisha": m(-25 * 60 + 10)])
        add("Weekly forecast update", ["aisha"], .normal, due: c.day(2, 11), repeats: .weekly)
        add("Trade fair follow-ups: 14 new leads", ["aisha"], .normal, due: m(-240),
            followUp: .day, notes: "Hot ones first: Pacific Dental, Nordic Bikes.",
            link: "/campaigns/trade-fair-leads")  // overdue by hours

        // priya
        add("Review breached cases with the team", ["priya"], .high, due: m(25),
            lead: .minutes(30), repeats: .weekdays, link: "/cases?filter=breached")  // active
        add("1:1 with Lucas", ["priya"], .normal, due: c.day(1, 11), lead: .minutes(30),
            repeats: .weekly)
        add("Reply to the CRM Weekly onboarding post", ["priya"], .high, due: m(-35),
            notes: "Lena asked for a named contact. Link the new onboarding guide.",
            link: "/cases/C-2023")  // overdue by minutes
        add("SLA report for Ingrid", ["priya"], .normal, due: m(240), lead: .minutes(60),
            link: "/reports/sla?team=support")
        add("Renew support tooling licences", ["priya"], .low, due: c.day(3, 10), lead: .day,
            repeats: .monthly)
        add("Onboarding plan for the new support agent", ["priya"], .normal, due: m(300),
            lead: .day, notes: "Shadowing with Sofia in week one.")  // active
        return list
    }

    /// The history the demo's reminders would have: made three working days ago (before any
    /// of them began to remind), then whatever edit, acknowledgements and snoozes they show.
    private static func withHistory(_ r: Reminder, edited: (at: Date, detail: String)?, _ c: DemoClock) -> Reminder {
        let created = min(c.ago(24 * 60, businessHours: true), r.start ?? r.due)
        var made = r.made(.created, ChangeStamp(at: created, actor: r.creator))
        if let edited { made.record(.edited, ChangeStamp(at: edited.at, actor: r.creator), detail: edited.detail) }
        for (person, at) in r.acknowledgedBy { made.record(.acknowledged, ChangeStamp(at: at, actor: person)) }
        for (person, until) in r.snoozedUntil {
            made.record(.snoozed, ChangeStamp(at: until - 1800, actor: person),
                        detail: "until " + Reminder.shortTime(until, zone: c.calendar.timeZone))
        }
        return made
    }
}
