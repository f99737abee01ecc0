import Foundation

/// The CalDAV requests crmtop makes (RFC 4791, RFC 6578, RFC 6764): finding the user's
/// calendars, listing and reading their items, and writing them back only if they are still
/// the version read, so a change made on the server meanwhile is never overwritten.
public struct CalDAVClient: Sendable {
    public let exchange: HTTPExchange

    public init(exchange: HTTPExchange) {
        self.exchange = exchange
    }

    static let xmlHeaders = ["Content-Type": "application/xml; charset=utf-8"]

    /// A PROPFIND of `properties` (pairs of namespace and name) at `url`.
    public func propfind(_ url: URL, depth: Int, properties: [(String, String)]) throws(CalDAVError) -> MultiStatus {
        let body = DAVRequest.propfind(properties)
        return try multistatus("PROPFIND", url, depth: depth, body: body)
    }

    func multistatus(_ method: String, _ url: URL, depth: Int, body: String) throws(CalDAVError) -> MultiStatus {
        var headers = Self.xmlHeaders
        headers["Depth"] = "\(depth)"
        let answer = try exchange.send(method, url, headers: headers, body: Data(body.utf8))
        guard answer.status == 207 else { throw Self.refusal(method, url, answer) }
        guard let root = DAV.parse(answer.body), root.namespace == DAV.dav, root.name == "multistatus" else {
            throw .malformed(url: url, reason: "the answer to \(method) is not a WebDAV multistatus")
        }
        return MultiStatus(root)
    }

    /// The calendar collections directly inside `home`.
    public func calendars(in home: URL) throws(CalDAVError) -> [CalendarCollection] {
        let found = try propfind(home, depth: 1, properties: CalendarCollection.properties)
        return found.responses.compactMap { CalendarCollection($0, base: home) }
    }

    /// The collection at `url` itself, when it is a calendar.
    public func calendar(at url: URL) throws(CalDAVError) -> CalendarCollection? {
        let found = try propfind(url, depth: 0, properties: CalendarCollection.properties)
        return found.responses.first.flatMap { CalendarCollection($0, base: url) }
    }

    /// Every item of a collection with its version, for servers (or tokens) that cannot say
    /// what changed: compared with the versions held, it tells the same.
    public func versions(in collection: URL) throws(CalDAVError) -> [CalendarItemVersion] {
        let found = try propfind(collection, depth: 1, properties: [(DAV.dav, "getetag"), (DAV.dav, "resourcetype")])
        return found.responses.compactMap { response in
            guard let etag = response.property(DAV.dav, "getetag")?.text, !Self.isCollection(response) else { return nil }
            return CalendarItemVersion(href: response.href, etag: etag)
        }
    }

    /// RFC 6578: what changed since `token` (everything, with nil). Nil when the server no
    /// longer knows the token, so the caller lists the collection instead.
    public func changes(in collection: URL, since token: String?) throws(CalDAVError) -> CollectionChanges? {
        let body = DAVRequest.syncCollection(token: token)
        var headers = Self.xmlHeaders
        headers["Depth"] = "1"
        let answer = try exchange.send("REPORT", collection, headers: headers, body: Data(body.utf8))
        // An unknown or expired token is refused with the valid-sync-token precondition.
        if token != nil, answer.status == 403 || answer.status == 409 || answer.status == 412,
           answer.text.contains("valid-sync-token") {
            return nil
        }
        guard answer.status == 207 else { throw Self.refusal("REPORT", collection, answer) }
        guard let root = DAV.parse(answer.body) else {
            throw .malformed(url: collection, reason: "the answer to the sync REPORT is not XML")
        }
        let status = MultiStatus(root)
        var changes = CollectionChanges(changed: [], removed: [], token: status.syncToken)
        for response in status.responses where !Self.isCollection(response) {
            if response.status == 404 {
                changes.removed.append(response.href)
            } else if let etag = response.property(DAV.dav, "getetag")?.text {
                changes.changed.append(CalendarItemVersion(href: response.href, etag: etag))
            }
        }
        return changes
    }

    /// The items at `hrefs` with their calendar data, in one REPORT per `pageSize` of them:
    /// a calendar of ten thousand events is read in pages rather than one answer of many
    /// megabytes, and `progress` is told after each.
    public func items(in collection: URL, hrefs: [String], pageSize: Int = 250,
                      progress: (Int) -> Void = { _ in }) throws(CalDAVError) -> [CalendarItem] {
        var items: [CalendarItem] = []
        var start = hrefs.startIndex
        while start < hrefs.endIndex {
            let page = Array(hrefs[start..<min(start + pageSize, hrefs.endIndex)])
            let found = try multistatus("REPORT", collection, depth: 1, body: DAVRequest.multiget(page))
            for response in found.responses {
                guard let etag = response.property(DAV.dav, "getetag")?.text,
                      let data = response.property(DAV.caldav, "calendar-data")?.text else { continue }
                items.append(CalendarItem(version: CalendarItemVersion(href: response.href, etag: etag),
                                          calendarData: data))
            }
            start += page.count
            progress(start)
        }
        return items
    }

    /// Writes an item: a new one only if nothing is at `url` yet, an existing one only if it
    /// is still at `etag`. Returns the new version's tag when the server gives it.
    public func put(_ calendarData: String, at url: URL, replacing etag: String?) throws(CalDAVError) -> String? {
        var headers = ["Content-Type": "text/calendar; charset=utf-8"]
        if let etag { headers["If-Match"] = etag } else { headers["If-None-Match"] = "*" }
        let answer = try exchange.send("PUT", url, headers: headers, body: Data(calendarData.utf8))
        if answer.status == 412 { throw .changedOnServer(url: url) }
        guard answer.succeeded else { throw Self.refusal("PUT", url, answer) }
        return answer.header("ETag")
    }

    /// The version of one item, for a server that does not say it when the item is written.
    public func version(of item: URL) throws(CalDAVError) -> String {
        let found = try propfind(item, depth: 0, properties: [(DAV.dav, "getetag")])
        guard let etag = found.responses.first?.property(DAV.dav, "getetag")?.text else {
            throw .malformed(url: item, reason: "the server gives no version (ETag) for it")
        }
        return etag
    }

    /// Deletes an item only if it is still at `etag`; one already gone counts as deleted.
    public func delete(at url: URL, etag: String) throws(CalDAVError) {
        let answer = try exchange.send("DELETE", url, headers: ["If-Match": etag])
        if answer.status == 412 { throw .changedOnServer(url: url) }
        guard answer.succeeded || answer.status == 404 else { throw Self.refusal("DELETE", url, answer) }
    }

    static func isCollection(_ response: DAVResponse) -> Bool {
        response.property(DAV.dav, "resourcetype")?.child(DAV.dav, "collection") != nil
    }

    static func refusal(_ method: String, _ url: URL, _ answer: HTTPAnswer) -> CalDAVError {
        .refused(method: method, url: url, status: answer.status, said: ServerWords.of(answer))
    }
}

/// A short, printable account of what a server said in a refusal: the first line of a plain
/// text body, or a WebDAV error's precondition name; never more than a line.
enum ServerWords {
    static func of(_ answer: HTTPAnswer) -> String {
        if let root = DAV.parse(answer.body), root.name == "error" {
            return root.children.map(\.name).joined(separator: ", ")
        }
        let type = answer.header("Content-Type") ?? ""
        guard type.hasPrefix("text/plain") else { return "" }
        let line = answer.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let printable = line.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }
        return String(String.UnicodeScalarView(printable).prefix(200))
    }
}
