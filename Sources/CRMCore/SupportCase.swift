import Foundation

public enum CaseKind: String, Sendable, CaseIterable, Codable {
    case standard = "case"
    case feedback
}

public enum CasePriority: String, Sendable, CaseIterable, Codable {
    case urgent, high, normal, low

    public var rank: Int {
        switch self {
        case .urgent: 0
        case .high: 1
        case .normal: 2
        case .low: 3
        }
    }
}

public enum CaseStatus: String, Sendable, CaseIterable, Codable {
    case new, open
    case pendingCustomer = "pending-customer"
    case resolved, closed

    public var isOpen: Bool { self == .new || self == .open || self == .pendingCustomer }
}

/// A span of time during which SLA clocks stand still (waiting on the customer).
public struct Pause: Equatable, Sendable {
    public var start: Date
    public var end: Date?

    public init(start: Date, end: Date? = nil) {
        self.start = start
        self.end = end
    }
}

/// One line of a record's history: what happened, when, and who did it.
public struct HistoryEvent: Equatable, Sendable {
    public var at: Date
    public var actor: String?
    public var action: String
    public var detail: String?

    public init(at: Date, actor: String? = nil, action: String, detail: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.detail = detail
    }
}

/// A case or a feedback item; feedback links to an influencer.
public struct SupportCase: Identifiable, Equatable, Sendable {
    public var id: String
    public var title: String
    /// Who raised it; nil for feedback that came from an influencer or anonymously
    /// (`source(in:)` says what to show instead).
    public var customer: String?
    public var kind: CaseKind
    public var priority: CasePriority
    public var status: CaseStatus
    public var owner: String?
    public var team: String?
    public var influencer: String?
    public var opened: Date
    public var firstResponseAt: Date?
    /// The latest response to the customer; with `lastCustomerMessageAt` it drives the
    /// next-response clock.
    public var lastResponseAt: Date?
    /// The customer's latest message (their reply that ended a wait).
    public var lastCustomerMessageAt: Date?
    public var resolvedAt: Date?
    public var pauses: [Pause]
    public var escalationLevel: Int
    public var history: [HistoryEvent]
    /// The id another program knows it by (a ticket number), so that importing the same
    /// record again updates this case instead of opening another.
    public var externalID: String?

    public init(
        id: String, title: String, customer: String?, kind: CaseKind = .standard,
        priority: CasePriority = .normal, status: CaseStatus = .new, owner: String? = nil,
        team: String? = nil, influencer: String? = nil, opened: Date,
        firstResponseAt: Date? = nil, lastResponseAt: Date? = nil, lastCustomerMessageAt: Date? = nil,
        resolvedAt: Date? = nil, pauses: [Pause] = [], escalationLevel: Int = 0, history: [HistoryEvent] = [],
        externalID: String? = nil
    ) {
        self.id = id
        self.title = title
        self.customer = customer
        self.kind = kind
        self.priority = priority
        self.status = status
        self.owner = owner
        self.team = team
        self.influencer = influencer
        self.opened = opened
        self.firstResponseAt = firstResponseAt
        self.lastResponseAt = lastResponseAt
        self.lastCustomerMessageAt = lastCustomerMessageAt
        self.resolvedAt = resolvedAt
        self.pauses = pauses
        self.escalationLevel = escalationLevel
        self.history = history
        self.externalID = externalID
    }
}

/// The source behind a feedback item: a blogger, a forum account, a traffic source.
public struct Influencer: Identifiable, Equatable, Sendable {
    public var id: String
    public var name: String
    /// The screen name they publish under ("Rant112"), when they have one.
    public var handle: String?
    public var url: String?
    public var notes: String?

    public init(id: String, name: String, handle: String? = nil, url: String? = nil, notes: String? = nil) {
        self.id = id
        self.name = name
        self.handle = handle
        self.url = url
        self.notes = notes
    }

    /// "Lena Brandt (@lenab)", or the name alone when the handle is the name or absent.
    public var shownName: String {
        guard let handle, handle != name else { return name }
        return "\(name) (@\(handle))"
    }
}

extension SupportCase {
    /// Who raised it, for where a customer is shown: the customer, else the influencer it came
    /// from (by name), else "anonymous".
    public func source(in influencers: [Influencer]) -> String {
        if let customer { return customer }
        guard let id = influencer else { return "anonymous" }
        return influencers.first { $0.id == id }?.shownName ?? id
    }
}
