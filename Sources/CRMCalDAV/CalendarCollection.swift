import Foundation

/// A calendar collection on a server, as discovery or a PROPFIND found it.
public struct CalendarCollection: Sendable, Equatable {
    public var url: URL
    public var displayName: String?
    /// The kinds of item it holds ("VEVENT", "VTODO"); empty when the server does not say,
    /// which RFC 4791 reads as any.
    public var components: [String]
    /// Changes whenever anything in it changes (CalendarServer's getctag), where offered.
    public var ctag: String?
    /// RFC 6578's token, where the server offers collection synchronisation.
    public var syncToken: String?

    public func holds(_ component: String) -> Bool { components.isEmpty || components.contains(component) }
}

/// An item of a calendar: where it is, and the version the server gave it.
public struct CalendarItemVersion: Sendable, Equatable, Hashable {
    public var href: String
    public var etag: String

    public init(href: String, etag: String) {
        self.href = href
        self.etag = etag
    }
}

/// An item with its iCalendar text.
public struct CalendarItem: Sendable, Equatable {
    public var version: CalendarItemVersion
    public var calendarData: String
}

/// What changed in a collection since a sync token: items changed or added, with their
/// versions, and items removed; and the token to ask with next time.
public struct CollectionChanges: Sendable, Equatable {
    public var changed: [CalendarItemVersion]
    public var removed: [String]
    public var token: String?
}
