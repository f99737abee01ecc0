import Foundation

/// Finding a user's calendars from whatever address they were given: a calendar collection
/// itself, or a server's base address, from which RFC 6764's well-known address and RFC
/// 5397's principal lead to the calendar home set (RFC 4791 section 6.2.1).
extension CalDAVClient {
    public func discoverCalendars(from url: URL) throws(CalDAVError) -> [CalendarCollection] {
        if let calendar = try? calendar(at: url) { return [calendar] }
        let principal = try principal(from: url)
        let homes = try propfind(principal, depth: 0, properties: [(DAV.caldav, "calendar-home-set")])
        guard let home = homes.responses.first?.property(DAV.caldav, "calendar-home-set")?.href,
              let homeURL = URL(string: home, relativeTo: principal)?.absoluteURL else {
            throw .noCalendar(url: url, reason: "the server names no calendar home for this login")
        }
        return try calendars(in: homeURL)
    }

    /// The login's principal: asked of the address itself, then of the well-known address,
    /// following its redirects (a handful at most, as RFC 6764 expects one or two).
    func principal(from url: URL) throws(CalDAVError) -> URL {
        if let found = try? currentUserPrincipal(at: url) { return found }
        var next = URL(string: "/.well-known/caldav", relativeTo: url)!.absoluteURL
        for _ in 0..<5 {
            let answer = try exchange.send("PROPFIND", next, headers: ["Depth": "0"] .merging(Self.xmlHeaders) { a, _ in a },
                                           body: Data(DAVRequest.propfind([(DAV.dav, "current-user-principal")]).utf8))
            if (300..<400).contains(answer.status), let location = answer.header("Location"),
               let target = URL(string: location, relativeTo: next)?.absoluteURL {
                next = target
                continue
            }
            guard answer.status == 207 else { throw Self.refusal("PROPFIND", next, answer) }
            if let found = try? currentUserPrincipal(at: next) { return found }
            break
        }
        throw .noCalendar(url: url, reason: "the server names no principal for this login (RFC 5397)")
    }

    private func currentUserPrincipal(at url: URL) throws(CalDAVError) -> URL? {
        let found = try propfind(url, depth: 0, properties: [(DAV.dav, "current-user-principal")])
        guard let href = found.responses.first?.property(DAV.dav, "current-user-principal")?.href else { return nil }
        return URL(string: href, relativeTo: url)?.absoluteURL
    }
}
