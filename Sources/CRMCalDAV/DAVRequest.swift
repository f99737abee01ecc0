import Foundation

/// The request bodies, written out whole: each is small and fixed in shape.
enum DAVRequest {
    static func propfind(_ properties: [(String, String)]) -> String {
        var prefixes: [String: String] = [DAV.dav: "d", DAV.caldav: "c", DAV.calendarServer: "cs"]
        let props = properties.map { namespace, name -> String in
            let prefix = prefixes[namespace] ?? {
                prefixes[namespace] = "x\(prefixes.count)"
                return prefixes[namespace]!
            }()
            return "<\(prefix):\(name)/>"
        }.joined()
        let declarations = prefixes.map { " xmlns:\($0.value)=\"\(DAV.escaped($0.key))\"" }.sorted().joined()
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:propfind\(declarations)><d:prop>\(props)</d:prop></d:propfind>"
    }

    static func syncCollection(token: String?) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:">\
        <d:sync-token>\(DAV.escaped(token ?? ""))</d:sync-token><d:sync-level>1</d:sync-level>\
        <d:prop><d:getetag/></d:prop></d:sync-collection>
        """
    }

    static func multiget(_ hrefs: [String]) -> String {
        let list = hrefs.map { "<d:href>\(DAV.escaped($0))</d:href>" }.joined()
        return """
            <?xml version="1.0" encoding="utf-8"?><c:calendar-multiget xmlns:d="DAV:" \
            xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop>\
            \(list)</c:calendar-multiget>
            """
    }
}

extension CalendarCollection {
    static let properties: [(String, String)] = [
        (DAV.dav, "resourcetype"), (DAV.dav, "displayname"), (DAV.caldav, "supported-calendar-component-set"),
        (DAV.calendarServer, "getctag"), (DAV.dav, "sync-token"),
    ]

    /// The collection a response describes, when it is a calendar.
    init?(_ response: DAVResponse, base: URL) {
        guard response.property(DAV.dav, "resourcetype")?.child(DAV.caldav, "calendar") != nil,
              let url = URL(string: response.href, relativeTo: base)?.absoluteURL else { return nil }
        self.url = url
        displayName = response.property(DAV.dav, "displayname")?.text
        components = response.property(DAV.caldav, "supported-calendar-component-set")?
            .children(DAV.caldav, "comp").compactMap { $0.attributes["name"] } ?? []
        ctag = response.property(DAV.calendarServer, "getctag")?.text
        syncToken = response.property(DAV.dav, "sync-token")?.text
    }
}
