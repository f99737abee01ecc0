import Foundation

extension NotificationKind {
    /// Which of several events about one item, told to one person at one moment, leads their
    /// message: the one that asks most of them (lower first).
    public var rank: Int {
        switch self {
        case .escalation, .reminderDue, .reminderMissed, .goalReached: 0
        case .slaBreach, .reminderActive: 1
        case .slaWarning, .reminderAlert: 2
        }
    }
}

extension NotificationEvents {
    /// Events of one item in the order a message lists them: the leading event first, then the
    /// rest by rank, clocks due sooner first.
    public static func leading(_ events: [NotificationEvent]) -> [NotificationEvent] {
        events.enumerated().sorted { a, b in
            if a.element.kind.rank != b.element.kind.rank { return a.element.kind.rank < b.element.kind.rank }
            if let x = a.element.due, let y = b.element.due, x != y { return x < y }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// What is news at a moment, for a process that looks at items as they change (the dashboard
/// and the wall): the (event, person) pairs that stand now about an item and did not when it
/// was last looked at. The events and their recipients are `NotificationEvents`', the ones the
/// notifier sends, so what the screen announces and who it names are what the notifier tells.
public struct NewsLedger: Equatable, Sendable {
    /// The pairs that stood about each item at its last look; items with none are left out.
    private var standing: [String: Set<DeliveryRecord.Key>] = [:]
    /// Items looked at, with or without anything standing.
    private var looked: Set<String> = []
    /// Whether what stood at the start has been taken in: until then nothing is news.
    public var isSeeded = false

    public init() {}

    /// Takes `events`, everything that stands about `item` now, and answers with those that are
    /// news, each narrowed to the people for whom it is (`quietly`: remember them, announce
    /// nothing, for an item seen for the first time).
    /// Whether `item` was looked at before; one that was not has no record of what stood.
    public func hasLooked(at item: String) -> Bool { looked.contains(item) }

    public mutating func look(at item: String, _ events: [NotificationEvent], quietly: Bool = false)
        -> [NotificationEvent] {
        looked.insert(item)
        let before = standing[item] ?? []
        var now = Set<DeliveryRecord.Key>()
        var news: [NotificationEvent] = []
        for var event in events {
            let pairs = event.recipients.map { DeliveryRecord.Key(event: event.key, recipient: $0) }
            now.formUnion(pairs)
            // An event nobody receives is news once, as itself.
            let fresh = pairs.isEmpty ? !before.contains(Self.unaddressed(event)) : pairs.contains { !before.contains($0) }
            if pairs.isEmpty { now.insert(Self.unaddressed(event)) }
            guard fresh, !quietly else { continue }
            event.recipients = event.recipients.filter { !before.contains(DeliveryRecord.Key(event: event.key, recipient: $0)) }
            news.append(event)
        }
        standing[item] = now.isEmpty ? nil : now
        return news
    }

    private static func unaddressed(_ event: NotificationEvent) -> DeliveryRecord.Key {
        DeliveryRecord.Key(event: event.key, recipient: "")
    }
}
