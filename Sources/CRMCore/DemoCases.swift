import Foundation

extension DemoData {
    /// Minutes are SLA clock minutes ago (see `DemoCaseSpec`); the comment after each case is
    /// where its clocks stand at `now`.
    static let caseSpecs: [DemoCaseSpec] = [
        // Urgent: 24×7, first response 60 min, resolution 240 min.
        .init(title: "Checkout down for all EU users", customer: "Vantage Retail",
              priority: .urgent, status: .open, owner: "lucas", via: "phone",
              opened: 100, responded: 90),  // on track
        .init(title: "Data export fails with a timeout", customer: "Meridian Logistics",
              priority: .urgent, status: .open, owner: "sofia", via: "phone",
              opened: 200, responded: 150),  // warning
        .init(title: "SSO login loop after the identity provider update",
              customer: "Helios Energy", priority: .urgent, status: .new, owner: "emeka",
              via: "email", opened: 400),  // no response, breached by hours
        .init(title: "Payments API returns HTTP 500 for refunds", customer: "Fjordline AS",
              priority: .urgent, status: .open, owner: "lucas", via: "phone",
              opened: 2100, responded: 2050),  // breached by more than a day

        // High: business hours, first response 4h, resolution 1 business day.
        .init(title: "Invoices show the wrong VAT rate", customer: "Nordwind GmbH",
              priority: .high, status: .open, owner: "sofia", via: "email",
              opened: 150, responded: 120),  // on track
        .init(title: "Bulk import rejects names with accents", customer: "Kowalski & Sons",
              priority: .high, status: .new, via: "portal", opened: 200),  // warning
        .init(title: "Calendar sync duplicates recurring events", customer: "Sakura Foods",
              priority: .high, status: .open, owner: "emeka", via: "email",
              opened: 640, responded: 300),  // late response, breached
        .init(title: "Android app crashes when opening a deal", customer: "Lumen Health",
              priority: .high, status: .pendingCustomer, owner: "lucas", via: "portal",
              opened: 400, responded: 380, pauses: [(100, nil)],
              pauseReason: "waiting for crash logs from the customer's device management"),
        .init(title: "Report builder is missing custom fields", customer: "Pacific Dental",
              priority: .high, status: .open, owner: "sofia", via: "email",
              opened: 520, responded: 430),  // just breached

        // Normal: business hours, first response 8h, resolution 3 business days.
        .init(title: "Cannot add a second admin user", customer: "Casa Verde",
              priority: .normal, status: .open, owner: "emeka", via: "portal",
              opened: 900, responded: 700),  // on track
        .init(title: "Email templates lose their formatting", customer: "Baltic Timber",
              priority: .normal, status: .pendingCustomer, owner: "sofia", via: "email",
              opened: 1300, responded: 1100, pauses: [(400, nil)],
              pauseReason: "asked for the template export and a sample email"),
        .init(title: "Question about API rate limits", customer: "Oduya Partners",
              priority: .normal, status: .new, via: "email", opened: 60),  // on track
        .init(title: "Dashboard widgets load slowly", customer: "Almeida Transportes",
              priority: .normal, status: .open, owner: "lucas", via: "chat",
              opened: 1200, responded: 500),  // first response was late; resolution warning
        .init(title: "Webhook retries are not documented", customer: "Nordic Bikes",
              priority: .normal, status: .open, owner: "emeka", via: "portal",
              opened: 1500, responded: 1400),  // breached
        .init(title: "Need copies of last year's invoices", customer: "Sakura Foods",
              priority: .normal, status: .pendingCustomer, owner: "sofia", via: "email",
              opened: 2000, responded: 1900, pauses: [(1000, 600), (200, nil)],
              pauseReason: "asked which legal entity the invoices are for"),  // paused in warning
        .init(title: "Duplicate contacts after a merge", customer: "Vantage Retail",
              priority: .normal, status: .new, via: "portal", opened: 560),  // no response

        // Low: business hours, first response 1 business day, resolution 5.
        .init(title: "Feature request: dark mode for reports", customer: "Meridian Logistics",
              priority: .low, status: .open, owner: "lucas", via: "portal",
              opened: 2000, responded: 1800),  // warning
        .init(title: "Typo in the German invoice template", customer: "Nordwind GmbH",
              priority: .low, status: .new, via: "email", opened: 700),  // no response
        .init(title: "How to export contacts to CSV", customer: "Pacific Dental",
              priority: .low, status: .open, owner: "emeka", via: "chat",
              opened: 300, responded: 250),  // on track

        // Done recently.
        .init(title: "Password reset emails arrive late", customer: "Helios Energy",
              priority: .high, status: .resolved, owner: "lucas", via: "email",
              opened: 400, responded: 380, resolved: 60),
        .init(title: "Wrong currency on quote PDFs", customer: "Almeida Transportes",
              priority: .normal, status: .resolved, owner: "sofia", via: "email",
              opened: 1000, responded: 900, resolved: 300),
        .init(title: "Cannot attach files larger than 10 MB", customer: "Baltic Timber",
              priority: .low, status: .closed, owner: "emeka", via: "portal",
              opened: 4000, responded: 3700, resolved: 1500, closed: 1000),  // resolved late

        // Feedback from the three influencers.
        .init(title: "Blog review calls onboarding confusing", customer: "CRM Weekly (blog)",
              kind: .feedback, priority: .high, status: .open, owner: "priya",
              influencer: "I-1", via: "blog post", opened: 300, responded: 200),  // warning
        .init(title: "Forum thread: Outlook sync conflicts", customer: "SalesOps forum",
              kind: .feedback, priority: .normal, status: .pendingCustomer, owner: "sofia",
              influencer: "I-2", via: "forum", opened: 900, responded: 700,
              pauses: [(300, nil)], pauseReason: "asked for the affected Outlook versions"),
        .init(title: "Pricing questions after the ToolCompare listing",
              customer: "Prospects via ToolCompare", kind: .feedback, priority: .urgent,
              status: .new, influencer: "I-3", via: "chat", opened: 25),  // warning, 24×7
        .init(title: "Blog follow-up: quote about the new API docs",
              customer: "CRM Weekly (blog)", kind: .feedback, priority: .low,
              status: .resolved, owner: "priya", influencer: "I-1", via: "email",
              opened: 1500, responded: 1300, resolved: 400),
    ]

    static func cases(_ c: DemoClock) -> [SupportCase] {
        caseSpecs.enumerated().map { supportCase("C-\(2001 + $0.offset)", $0.element, c) }
    }
}
